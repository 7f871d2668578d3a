import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { BrowserContext, Page } from 'playwright-core';
import { EDITION_A, EDITION_B } from './edition-pair.js';

/**
 * The compare view driven in Debian's chromium against a server holding two editions of a made-up
 * review. Skips (saying why) where chromium is not installed, like the explorer's own e2e test.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WEB = path.join(ROOT, 'web');
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`compare view e2e test skipped: no chromium at ${CHROMIUM}`);

let tmp: string;
let app: FastifyInstance;
let close: () => Promise<void>;
let context: BrowserContext;
let page: Page;
let base: string;
let ids: { a: string; b: string };
const consoleErrors: string[] = [];

function ensureBuilt(): void {
  const newest = (dir: string): number => readdirSync(dir, { withFileTypes: true })
    .reduce((m, e) => Math.max(m, e.isDirectory() ? newest(path.join(dir, e.name)) : statSync(path.join(dir, e.name)).mtimeMs), 0);
  const built = path.join(WEB, 'dist', 'index.html');
  const sources = Math.max(newest(path.join(WEB, 'src')), statSync(path.join(WEB, 'index.html')).mtimeMs);
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', path.join(WEB, 'vite.config.ts')], { stdio: 'inherit', cwd: ROOT });
}

describe.skipIf(!hasChromium)('compare view (end to end)', () => {
  beforeAll(async () => {
    ensureBuilt();
    tmp = mkdtempSync(path.join(os.tmpdir(), 'diplograph-compare-e2e-'));
    const files = { a: path.join(tmp, 'review-2022.txt'), b: path.join(tmp, 'review-2023.txt') };
    writeFileSync(files.a, EDITION_A);
    writeFileSync(files.b, EDITION_B);
    const { openKnowledgeBase } = await import('../../src/kb/open-knowledge-base.js');
    const { ingestFiles } = await import('../../src/pipeline/ingest.js');
    const { buildServer } = await import('../../src/api/build-server.js');
    const kb = await openKnowledgeBase(path.join(tmp, 'kb.sqlite'));
    const outcomes = await ingestFiles(kb, [files.a, files.b]);
    const idOf = (f: string) => { const o = outcomes.find((x) => x.file === f); if (!o?.ok) throw new Error(`${f} not ingested`); return o.id; };
    ids = { a: idOf(files.a), b: idOf(files.b) };
    app = await buildServer(kb, { webDir: path.join(WEB, 'dist') });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    close = async () => { await app.close(); await kb.close(); };
    const { chromium } = await import('playwright-core');
    mkdirSync(path.join(tmp, 'profile'), { recursive: true });
    context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      viewport: { width: 1280, height: 900 },
    });
    page = context.pages()[0] ?? await context.newPage();
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => consoleErrors.push(`page error: ${e.message}`));
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await close?.();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('picks two documents from the nav and shows them side by side with word diffs and changes in substance', async () => {
    await page.goto(`${base}/#/compare`);
    await page.locator('nav a[data-view="compare"]').click();
    await page.locator('select[name="a"]').selectOption(ids.a);
    await page.locator('select[name="b"]').selectOption(ids.b);
    await page.locator('form.compare-pick button[type="submit"]').click();
    await page.locator('table.compare-text tbody tr').first().waitFor({ timeout: 15_000 });
    expect(page.url()).toContain(`a=${ids.a}`);

    const statuses = await page.locator('table.compare-text tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
    expect(statuses).toEqual(['reworded', 'reworded', 'reworded', 'removed', 'added']);
    const first = page.locator('table.compare-text tbody tr[data-status="reworded"]').first();
    expect((await first.locator('td.a del').textContent())?.trim()).toBe('strongly');
    expect((await first.locator('td.b ins').textContent())?.trim()).toBe('firmly');
    const removed = await page.locator('tr[data-status="removed"] td.a').textContent();
    expect(removed).toContain('visited Canberra');

    // The changes table above the text lists the date change with links to both sentences.
    const dateRow = page.locator('table.compare-changes tr[data-kind="date"]');
    expect(await dateRow.count()).toBe(1);
    expect(await dateRow.locator('a').count()).toBe(2);
    // Text from documents stays text: no markup got in.
    expect(await page.locator('table.compare-text script').count()).toBe(0);

    // The JSON twin points at the API route with the same data.
    const twin = await page.locator('#json-twin').getAttribute('href');
    expect(twin).toBe(`/api/compare?a=${ids.a}&b=${ids.b}`);
    await page.locator('input[name="all"]').check();
    await page.locator('form.compare-pick button[type="submit"]').click();
    await expect.poll(() => page.locator('table.compare-text tbody tr[data-status="unchanged"]').count()).toBeGreaterThan(0);
    expect(consoleErrors).toEqual([]);
  }, 60_000);
});
