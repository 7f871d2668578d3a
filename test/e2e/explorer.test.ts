import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';
import type { BrowserContext, Page } from 'playwright-core';

/**
 * The explorer driven as a user would, in Debian's chromium, against a server started on the sample.
 * Skips (saying why) where chromium is not installed; `.ci/run` installs it.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WEB = path.join(ROOT, 'web');
// The README's screenshots are refreshed only on request (`npm run screenshots`), so a test run
// never rewrites tracked files; otherwise they go to the run's temp folder.
const SHOTS_DIR = process.env.DIPLOGRAPH_SCREENSHOTS_DIR;
let shots: string;
const TOKEN = 'e2e-write-token';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`explorer e2e tests skipped: no chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);

let tmp: string;
let app: FastifyInstance;
let close: () => Promise<void>;
let context: BrowserContext;
let page: Page;
let base: string;
const consoleErrors: string[] = [];

/** Build the explorer when web/dist is missing or older than its sources. */
function ensureBuilt(): void {
  const newest = (dir: string): number => readdirSync(dir, { withFileTypes: true })
    .reduce((m, e) => Math.max(m, e.isDirectory() ? newest(path.join(dir, e.name)) : statSync(path.join(dir, e.name)).mtimeMs), 0);
  const built = path.join(WEB, 'dist', 'index.html');
  const sources = Math.max(newest(path.join(WEB, 'src')), statSync(path.join(WEB, 'index.html')).mtimeMs);
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', path.join(WEB, 'vite.config.ts')], { stdio: 'inherit', cwd: ROOT });
}

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(shots, `${name}.png`) });
}

/** Fetch an export link the way the browser would follow it; the GraphML's edges as their event types. */
async function fetchGraphml(href: string): Promise<{ status: number; contentType: string; edgeTypes: string[] }> {
  const res = await fetch(new URL(href, base));
  const body = await res.text();
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (name) => ['key', 'node', 'edge', 'data'].includes(name) });
  type Data = { '@_key': string; '#text'?: string | number };
  const doc = parser.parse(body) as { graphml: { key: Array<Record<string, string>>; graph: { edge?: Array<{ data?: Data[] }> } } };
  const typeKey = doc.graphml.key.find((k) => k['@_for'] === 'edge' && k['@_attr.name'] === 'event_type')?.['@_id'];
  const edgeTypes = (doc.graphml.graph.edge ?? []).map((e) => String(e.data?.find((d) => d['@_key'] === typeKey)?.['#text'] ?? ''));
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', edgeTypes };
}

async function open(hash: string, ready: string): Promise<number> {
  const t0 = Date.now();
  await page.goto(`${base}/${hash}`);
  await page.locator(ready).first().waitFor({ state: 'visible', timeout: 15_000 });
  return Date.now() - t0;
}

describe.skipIf(!hasChromium)('explorer (end to end)', () => {
  beforeAll(async () => {
    ensureBuilt();
    tmp = mkdtempSync(path.join(os.tmpdir(), 'diplograph-e2e-'));
    shots = SHOTS_DIR ? path.resolve(ROOT, SHOTS_DIR) : path.join(tmp, 'screenshots');
    mkdirSync(shots, { recursive: true });
    const { openKnowledgeBase } = await import('../../src/kb/open-knowledge-base.js');
    const { ingestFiles } = await import('../../src/pipeline/ingest.js');
    const { buildServer } = await import('../../src/api/build-server.js');
    const kb = await openKnowledgeBase(path.join(tmp, 'kb.sqlite'));
    const { sampleFiles } = await import('../../src/cli/command-start.js');
    const samples = sampleFiles(path.join(ROOT, 'samples'));
    const outcomes = await ingestFiles(kb, samples);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    app = await buildServer(kb, { writeToken: TOKEN, webDir: path.join(WEB, 'dist') });
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
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(`${m.text()} (${m.location().url})`); });
    page.on('pageerror', (e) => consoleErrors.push(`page error: ${e.message}`));
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await close?.();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('opens the reader first, fast, with marked entities, times and events', async () => {
    const ms = await open('', '.doc-body .m');
    console.log(`explorer e2e: first view (reader) rendered in ${ms} ms`);
    expect(await page.locator('.doc-body .m').count()).toBeGreaterThan(10);
    expect(await page.locator('.doc-body .t').count()).toBeGreaterThan(0);
    expect(await page.locator('.doc-body .ev').count()).toBeGreaterThan(0);
    await shot('reader');
  });

  it('clicks through reader -> event -> entity -> timeline -> evidence sentence', async () => {
    await open('#/reader', '.doc-body .ev');
    const withActor = page.locator('.doc-body .ev');
    // Find an event with an actor (a pipeline may leave some without).
    let found = false;
    for (let i = 0; i < Math.min(await withActor.count(), 40) && !found; i++) {
      await withActor.nth(i).click();
      found = await page.locator('.detail dd.actors a.chip').count() > 0;
    }
    expect(found).toBe(true);
    await expect.poll(() => page.locator('.detail .resolution h2').first().textContent()).toBeTruthy();
    expect(page.url()).toContain('sel=');
    await shot('reader-event');
    await page.locator('.detail dd.actors a.chip').first().click();
    await page.locator('.entity-head h1').waitFor();
    await shot('entity');
    await page.getByRole('link', { name: 'timeline as actor' }).click();
    await page.locator('.vis-item').first().waitFor({ timeout: 15_000 });
    await shot('timeline');
    await page.locator('.vis-item').first().click();
    await page.locator('.doc-body .focus').first().waitFor();
    expect(page.url()).toContain('#/reader');
    expect(await page.locator('.detail .resolution').count()).toBeGreaterThan(0);
  });

  it('shows what a mark resolved to from the keyboard', async () => {
    await open('#/reader', '.doc-body .t');
    await page.locator('.doc-body .t').first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.detail .resolution').count()).toBeGreaterThan(0);
    expect(await page.locator('.detail .why').first().textContent()).toMatch(/stated|inferred/);
  });

  it('draws the network and lists the events behind an edge', async () => {
    await open('#/network', '.network-graph canvas');
    await page.waitForTimeout(300);
    await shot('network');
    await page.locator('details.edges summary').click();
    await page.locator('details.edges button').first().click();
    await page.locator('.detail table.events tbody tr').first().waitFor();
    expect(page.url()).toContain('edge=');
  });

  it('exports GraphML with a type filter and the tables as a zip from the export view', async () => {
    await open('#/export', '#export-download[href^="/api/export"]');
    const link = page.locator('#export-download');
    // One line per format the server's OpenAPI lists, each saying what it opens in.
    expect(await page.locator('.format-list li').count()).toBeGreaterThanOrEqual(8);
    expect(await page.locator('.format-list li', { hasText: 'graphml' }).textContent()).toMatch(/Gephi/);
    await page.locator('input[name=format][value=graphml]').check();
    await expect.poll(() => link.getAttribute('href')).toBe('/api/export?format=graphml');
    const all = await fetchGraphml((await link.getAttribute('href'))!);
    expect(all.status).toBe(200);
    // The type with the most edges that is not every edge, so that filtering by it must drop some.
    const counts = new Map<string, number>();
    for (const t of all.edgeTypes) counts.set(t, (counts.get(t) ?? 0) + 1);
    const type = [...counts].filter(([, n]) => n < all.edgeTypes.length).sort((a, b) => b[1] - a[1])[0]?.[0];
    expect(type, 'the sample network has edges of more than one event type').toBeTruthy();
    await page.selectOption('#f-export-type', [type!]);
    await expect.poll(() => link.getAttribute('href')).toBe(`/api/export?format=graphml&type=${type}`);
    expect(page.url()).toContain(`type=${type}`);
    const filtered = await fetchGraphml((await link.getAttribute('href'))!);
    expect(filtered.status).toBe(200);
    expect(filtered.contentType).toMatch(/^application\/graphml\+xml/);
    expect(filtered.edgeTypes.length).toBeGreaterThan(0);
    expect(filtered.edgeTypes.length).toBeLessThan(all.edgeTypes.length);
    expect(new Set(filtered.edgeTypes)).toEqual(new Set([type]));
    expect(await page.locator('.export-cli').textContent()).toContain(`--format graphml --type ${type}`);
    await shot('export');

    // The browser itself downloads the csv link (a plain <a download>): a zip of one CSV per table.
    await page.selectOption('#f-export-type', []);
    await page.locator('input[name=format][value=csv]').check();
    await expect.poll(() => link.getAttribute('href')).toBe('/api/export?format=csv');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/\.zip$/);
    const bytes = readFileSync((await download.path())!);
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files)).toEqual(expect.arrayContaining(['documents.csv', 'events.csv']));

    // A date the API would refuse disables the link instead of downloading an error.
    await page.fill('#f-export-from', '2022-13');
    await expect.poll(() => link.getAttribute('aria-disabled')).toBe('true');
    expect(await link.getAttribute('href')).toBeNull();
  });

  it('carries a view\'s filters to the export view ("export these")', async () => {
    await open('#/network?type=CONSULT&from=2022', '.export-these a');
    await page.locator('.export-these a').click();
    await page.locator('#export-download[href^="/api/export"]').waitFor();
    expect(await page.locator('input[name=format][value=graphml]').isChecked()).toBe(true);
    expect(await page.locator('#f-export-type option:checked').allTextContents()).toEqual(['CONSULT']);
    expect(await page.locator('#f-export-from').inputValue()).toBe('2022');
    expect(await page.locator('#export-download').getAttribute('href')).toBe('/api/export?format=graphml&from=2022&type=CONSULT');
    await open('#/timeline?type=CONSULT&quad=1', '.export-these a');
    expect(await page.locator('.export-these').textContent()).toContain('quad');
    expect(await page.locator('.export-these a').getAttribute('href')).toBe('#/export?type=CONSULT');
  });

  it('renders the agreements, stances and figures views', async () => {
    for (const [view, name] of [['#/agreements', 'agreements'], ['#/stances', 'stances'], ['#/figures', 'figures']] as const) {
      await open(view, 'main h1');
      await page.locator('main .status, main .lifelines, main .matrix, main .chart').first().waitFor();
      await page.waitForTimeout(200);
      await shot(name);
    }
  });

  it('searches sentences, highlights hits and opens one in the reader', async () => {
    await open('#/search', 'input[name=q]');
    await page.fill('input[name=q]', 'Russia');
    await page.keyboard.press('Enter');
    await page.locator('.results li').first().waitFor();
    expect(await page.locator('.results mark').count()).toBeGreaterThan(0);
    expect(page.url()).toContain('q=Russia');
    await shot('search');
    await page.locator('.results a.result').first().click();
    await page.locator('.doc-body .focus').first().waitFor();
  });

  it('uploads a document with the write token and lists it with its events', async () => {
    const file = path.join(tmp, 'upload-report.txt');
    writeFileSync(file, [
      'Foreign Policy Report 2021',
      'Relations with Neighbouring Countries',
      'In March 2021, Japan and Australia held a foreign ministers\' meeting in Tokyo and agreed to strengthen security cooperation.',
      'On 10 June 2021, Japan strongly condemned the ballistic missile launch by North Korea.',
      'In September 2021, the EU imposed sanctions on Belarus.',
    ].join('\n'));
    await open('#/ingest', '#upload-form');
    await page.fill('#upload-token', TOKEN);
    await page.setInputFiles('#upload-file', file);
    await page.getByRole('button', { name: 'Upload and analyse' }).click();
    await page.locator('#open-uploaded').waitFor({ timeout: 60_000 });
    await shot('ingest');
    expect(await page.locator('#documents').textContent()).toContain('upload-report.txt');
    await page.locator('.upload-progress a', { hasText: 'its timeline' }).click();
    await page.locator('main .status').first().waitFor();
    const status = await page.locator('main .status').first().textContent();
    console.log(`explorer e2e: uploaded document: ${status}`);
    expect(Number(/^(\d+) events/.exec(status ?? '')?.[1] ?? 0)).toBeGreaterThan(0);
  });

  it('is readable on a narrow screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await open('#/reader', '.doc-body .m');
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    await shot('reader-narrow');
    await open('#/export', '#export-download[href^="/api/export"]');
    const exportOverflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(overflow).toBeLessThanOrEqual(1);
    expect(exportOverflow).toBeLessThanOrEqual(1);
  });

  it('logged no console errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
