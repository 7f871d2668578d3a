import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { BrowserContext, Page } from 'playwright-core';
import { ROOT } from './built-cli.js';
import { writeBadInputs, type BadInput } from './bad-inputs.js';
import { fingerprint } from './kb-checks.js';

/**
 * The explorer in Debian's chromium against documents written to attack it: markup in the text,
 * the title and the file name must show as text and never run; and every bad file uploaded from
 * the browser gets a message naming it and its problem. Skips (saying why) without chromium.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const WEB = path.join(ROOT, 'web');
const TOKEN = 'hostile-e2e-token';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`explorer hostile-input tests skipped: no chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);

const PAYLOADS = [
  '<script>window.__pwned = "script"</script>',
  '<img src=x onerror="window.__pwned = \'img\'">',
  '<svg onload="window.__pwned = \'svg\'"></svg>',
  '"><iframe src="javascript:window.top.__pwned=\'iframe\'"></iframe>',
];
const HOSTILE_TEXT = [
  `Review <img src=x onerror="window.__pwned='title'"> of Relations 2021`,
  `In March 2021, the Government of France condemned the missile launch by North Korea. ${PAYLOADS[0]}`,
  `On 6 October 2021, Japan and India held a summit meeting in Tokyo. ${PAYLOADS[1]}`,
  `The United States imposed sanctions on Russia in April 2021. ${PAYLOADS[2]} ${PAYLOADS[3]}`,
].join('\n');

let tmp: string;
let app: FastifyInstance;
let close: () => Promise<void>;
let context: BrowserContext;
let page: Page;
let base: string;
let docId: string;
let cases: BadInput[];
let db: string;
const dialogs: string[] = [];
const consoleErrors: string[] = [];

function ensureBuilt(): void {
  const newest = (dir: string): number => readdirSync(dir, { withFileTypes: true })
    .reduce((m, e) => Math.max(m, e.isDirectory() ? newest(path.join(dir, e.name)) : statSync(path.join(dir, e.name)).mtimeMs), 0);
  const built = path.join(WEB, 'dist', 'index.html');
  if (existsSync(built) && statSync(built).mtimeMs >= Math.max(newest(path.join(WEB, 'src')), statSync(path.join(WEB, 'index.html')).mtimeMs)) return;
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', path.join(WEB, 'vite.config.ts')], { stdio: 'inherit', cwd: ROOT });
}

async function pwned(): Promise<unknown> {
  // Evaluated as a string: the test's own types have no DOM.
  return page.evaluate<unknown>('window.__pwned');
}

describe.skipIf(!hasChromium)('explorer against hostile input', () => {
  beforeAll(async () => {
    ensureBuilt();
    tmp = mkdtempSync(path.join(os.tmpdir(), 'dg-rel-e2e-'));
    cases = (await writeBadInputs(path.join(tmp, 'in'))).filter((c) => !c.pathOnly && !c.expect.ok);
    const { openKnowledgeBase } = await import('../../src/kb/open-knowledge-base.js');
    const { ingestFiles } = await import('../../src/pipeline/ingest.js');
    const { buildServer } = await import('../../src/api/build-server.js');
    db = path.join(tmp, 'kb.sqlite');
    const kb = await openKnowledgeBase(db);
    const file = path.join(tmp, '<img src=x onerror=alert(1)>.txt');
    writeFileSync(file, HOSTILE_TEXT);
    const html = path.join(tmp, 'escaped.html');
    writeFileSync(html, `<html><head><title>&lt;script&gt;window.__pwned='html-title'&lt;/script&gt;</title></head><body><p>Germany and Italy signed an agreement in May 2021 &lt;img src=x onerror="window.__pwned='html'"&gt;.</p><script>window.__pwned='reader'</script></body></html>`);
    const outcomes = await ingestFiles(kb, [file, html]);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    docId = (outcomes[0] as { id: string }).id;
    app = await buildServer(kb, { writeToken: TOKEN, webDir: path.join(WEB, 'dist'), security: { rateLimit: false } });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    close = async () => { await app.close(); await kb.close(); };
    const { chromium } = await import('playwright-core');
    context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      viewport: { width: 1280, height: 800 },
    });
    page = context.pages()[0] ?? await context.newPage();
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    // Failed uploads log their 4xx responses; anything else (a CSP violation, an exception) is a fault.
    page.on('console', (m) => { if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => consoleErrors.push(`page error: ${e.message}`));
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await close?.();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('shows markup from documents as text in every view and runs none of it', async () => {
    const views: Array<[string, string]> = [
      [`#/reader?doc=${docId}`, '.doc-body'],
      ['#/search?q=condemned', '.results'],
      ['#/search?q=script', 'main'],
      ['#/ingest', '#documents'],
      ['#/timeline', 'main'],
      ['#/entity', 'main'],
      ['#/agreements', 'main'],
      ['#/stances', 'main'],
      ['#/figures', 'main'],
      ['#/network', 'main'],
    ];
    for (const [hash, ready] of views) {
      await page.goto(`${base}/${hash}`);
      await page.locator(ready).first().waitFor({ state: 'attached', timeout: 15_000 });
      await page.waitForLoadState('networkidle');
      expect(await pwned(), hash).toBeUndefined();
      // Markup never became elements: no iframe, svg onload or stray img from the text.
      expect(await page.locator('main iframe, main img[onerror], main svg[onload], main script').count(), hash).toBe(0);
    }
    await page.goto(`${base}/#/reader?doc=${docId}`);
    await page.locator('.doc-body').waitFor();
    const shown = await page.locator('.doc-body').innerText();
    expect(shown).toContain(PAYLOADS[0]);
    expect(shown).toContain('<img src=x onerror=');
    expect(await page.locator('#documents, body').first().innerText()).not.toContain('undefined');
    expect(dialogs).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(await pwned()).toBeUndefined();
  }, 120_000);

  it('names the file and its problem for every bad upload, and stores nothing', async () => {
    const before = fingerprint(db);
    await page.goto(`${base}/#/ingest`);
    await page.locator('#upload-form').waitFor();
    await page.fill('#upload-token', TOKEN);
    for (const c of cases) {
      if (c.expect.ok) continue;
      await page.setInputFiles('#upload-file', path.join(tmp, 'in', c.name));
      await page.getByRole('button', { name: 'Upload and analyse' }).click();
      const line = page.locator('.upload-progress .status-error');
      await line.waitFor({ timeout: 30_000 });
      const text = (await line.textContent()) ?? '';
      expect(text, c.name).toContain(`${c.name} was not ingested`);
      expect(text, c.name).toMatch(c.expect.message);
      // The next upload starts from a clean line.
      await page.evaluate<void>("document.querySelector('.upload-progress').replaceChildren()");
    }
    expect(fingerprint(db)).toBe(before);
    // A wrong token is named as the problem.
    await page.fill('#upload-token', 'wrong-token');
    await page.setInputFiles('#upload-file', path.join(tmp, 'in', cases[0]!.name));
    await page.getByRole('button', { name: 'Upload and analyse' }).click();
    await page.locator('.upload-progress .status-error').waitFor({ timeout: 30_000 });
    expect(await page.locator('.upload-progress .status-error').textContent()).toMatch(/write token/);
  }, 180_000);
});
