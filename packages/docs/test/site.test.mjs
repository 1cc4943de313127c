// The docs site in a real browser: Debian's Chromium driven by playwright-core, the built dist/
// served on 127.0.0.1. Every request the pages make is counted and anything for another host is
// blocked, with no exceptions: the site must render in full with zero outside requests.
//
// Needs `pnpm run docs` (turbo runs it first) and /usr/bin/chromium (`apt-get install -y chromium`).
// Writes screenshots, the request log and the measurements to packages/docs/test-results/.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOperations } from '../lib/openapi.mjs';
import { operationHref } from '../lib/reference.mjs';

const docs = path.resolve(import.meta.dirname, '..');
const dist = path.join(docs, 'dist');
const results = path.join(docs, 'test-results');
const bundle = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('@clicksend-kit/openapi/openapi.json'), 'utf8'));
const operations = listOperations(bundle);
const tags = [...new Set(operations.map((o) => o.tag))];
const CHROMIUM = '/usr/bin/chromium';
const UI_WAIT = { timeout: 30_000, interval: 100 };

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json', '.png': 'image/png' };
let server;
let origin;
let browser;
const served = []; // every request that reached our server
const made = []; // every request the browser made
const blocked = []; // requests for anywhere but 127.0.0.1, aborted
const refused = []; // loads the pages' Content-Security-Policy refused before any request
const metrics = {};

beforeAll(async () => {
  if (!existsSync(path.join(dist, 'index.html'))) throw new Error('packages/docs/dist/index.html is missing: run `pnpm run docs` first');
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install Debian's Chromium (\`apt-get install -y chromium\`)`);
  mkdirSync(results, { recursive: true });
  server = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    served.push(url.pathname);
    const file = path.join(dist, path.normalize(decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)));
    if (!file.startsWith(dist + path.sep) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('not found');
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
});

afterAll(async () => {
  await browser?.close(); // stops the Chromium process playwright started
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
  writeFileSync(path.join(results, 'requests.json'), `${JSON.stringify({ made: made.length, served: served.length, blocked, refused }, null, 2)}\n`);
  writeFileSync(path.join(results, 'metrics.json'), `${JSON.stringify(metrics, null, 2)}\n`);
});

/** A fresh context (no cache) with every request counted and outside ones blocked. */
async function freshPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.on('request', (r) => made.push(r.url()));
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    blocked.push(url.href);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (/Refused to load/.test(m.text())) refused.push(m.text());
  });
  return { page, errors, close: () => context.close() };
}

const operationSelector = (tag, id) => `[id="tag/${tag}/operation/${id}"]`;

describe('reference pages (Redoc, one per tag)', () => {
  it('render every operation and webhook of the bundle with samples in four languages', async () => {
    const { page, errors, close } = await freshPage();
    const missing = [];
    let withSamples = 0;
    for (const tag of tags) {
      await page.goto(`${origin}/reference/${tag}.html`);
      await page.waitForSelector('.api-content', UI_WAIT);
      for (const o of operations.filter((x) => x.tag === tag)) {
        const section = page.locator(operationSelector(tag, o.operation.operationId));
        if ((await section.count()) === 0) {
          missing.push(`${tag}: ${o.operation.operationId}`);
          continue;
        }
        const tabs = await section.locator('[role="tab"]').allTextContents();
        if (['TypeScript (@clicksend-kit/client)', 'curl', 'Python (generated client)', 'Go (generated client)'].every((l) => tabs.includes(l))) withSamples++;
      }
      if (tag === 'sms') await page.screenshot({ path: path.join(results, 'reference-sms.png') });
    }
    expect(missing, 'operations the reference pages do not render').toEqual([]);
    expect(withSamples, 'operations rendered with all four sample tabs').toBe(operations.length);
    expect(errors).toEqual([]);
    metrics.referencePages = tags.length;
    metrics.operationsRendered = operations.length;
    await close();
  });

  it('opens an operation from its deep link (time to first render recorded, median of 5 cold loads)', async () => {
    const times = [];
    const id = 'tag/sms/operation/sendSms';
    for (let i = 0; i < 5; i++) {
      const { page, errors, close } = await freshPage();
      // The first animation frame in which the operation's heading is laid out inside the viewport.
      await page.addInitScript((target) => {
        const tick = () => {
          const box = document.getElementById(target)?.querySelector('h2')?.getBoundingClientRect();
          if (box && box.height > 0 && box.top >= 0 && box.top < innerHeight) window.__operationShownAt = performance.now();
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }, id);
      await page.goto(`${origin}/${operationHref('sms', 'sendSms')}`);
      await page.waitForFunction(() => window.__operationShownAt, undefined, UI_WAIT);
      times.push(Math.round(await page.evaluate(() => window.__operationShownAt)));
      await page.waitForLoadState('load');
      expect((await page.locator(`[id="${id}"] h2`).first().textContent()).trim()).toBe('Send SMS');
      expect(await page.locator(`[id="${id}"] [role="tab"]`).allTextContents()).toContain('TypeScript (@clicksend-kit/client)');
      if (i === 0) await page.screenshot({ path: path.join(results, 'deep-link-send-sms.png') });
      expect(errors).toEqual([]);
      await close();
    }
    times.sort((a, b) => a - b);
    metrics.deepLinkFirstRenderMs = { median: times[2], all: times };
  });
});

describe('search', () => {
  const cases = [
    ['by operationId', 'createContactList', 'createContactList'],
    ['by path', '/v3/lists/{list_id}/contacts', 'createContact'],
    ['by field name', 'message_search_term', 'createInboundSmsRule'],
  ];
  for (const [how, query, expected] of cases) {
    it(`finds an operation ${how} and opens it`, async () => {
      const { page, errors, close } = await freshPage();
      await page.goto(`${origin}/search.html`);
      await page.waitForSelector('body[data-ready="true"]', UI_WAIT);
      await page.locator('#search-input').fill(query);
      const hit = page.locator(`a.result[data-operation-id="${expected}"]`);
      await hit.waitFor(UI_WAIT);
      await page.screenshot({ path: path.join(results, `search-${how.replace(/ /g, '-')}.png`) });
      const tag = operations.find((o) => o.operation.operationId === expected).tag;
      await hit.click();
      await page.locator(`${operationSelector(tag, expected)} h2`).first().waitFor({ state: 'visible', ...UI_WAIT });
      expect(new URL(page.url()).hash).toBe(`#tag/${tag}/operation/${expected}`);
      expect(errors).toEqual([]);
      await close();
    });
  }
});

describe('guides, webhooks, index and changelog', () => {
  it('render from the READMEs and the bundle, linked from the index', async () => {
    const { page, errors, close } = await freshPage();
    await page.goto(`${origin}/index.html`);
    expect(await page.locator('#operation-count').textContent()).toBe(String(operations.filter((o) => o.section === 'paths').length));
    await page.screenshot({ path: path.join(results, 'index.png'), fullPage: true });
    for (const href of await page.locator('a[href^="guides/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
      await page.goto(`${origin}/${href}`);
      expect(await page.locator('h1').textContent()).toBeTruthy();
      expect(await page.locator('pre code').count(), `${href} shows code`).toBeGreaterThan(0);
    }
    await page.goto(`${origin}/guides/webhooks.html`);
    const text = await page.locator('body').textContent();
    for (const key of Object.keys(bundle.webhooks)) expect(text).toContain(key);
    for (const form of ['webhook_type: post', 'webhook_type: json', 'webhook_type: get', 'parseWebhook', 'custom_string', 'user_id']) expect(text).toContain(form);
    await page.screenshot({ path: path.join(results, 'webhooks.png') });
    await page.goto(`${origin}/changelog.html`);
    expect(await page.locator('#unreleased').count()).toBe(1);
    expect(errors).toEqual([]);
    await close();
  });
});

describe('requests', () => {
  it('none left 127.0.0.1: zero outside requests, with no allow-list', () => {
    expect(made.length).toBeGreaterThan(0);
    const outside = made.filter((u) => !u.startsWith(`${origin}/`) && !/^(data|blob):/.test(u));
    expect(outside).toEqual([]);
    expect(blocked).toEqual([]);
    expect(refused, 'loads the pages\' Content-Security-Policy refused').toEqual([]);
    const weight = (rel) => statSync(path.join(dist, rel)).size;
    metrics.pages = readdirSync(dist, { recursive: true }).filter((f) => String(f).endsWith('.html')).length;
    metrics.sendSmsPageBytes = { html: weight('reference/sms.html'), redoc: weight('assets/redoc.standalone.js') };
    metrics.requests = { made: made.length, served: served.length, outside: outside.length, refusedByPolicy: refused.length };
    console.log(`docs site: ${made.length} requests, ${outside.length} outside; ${JSON.stringify(metrics)}`);
  });
});
