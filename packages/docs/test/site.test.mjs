// The docs site in a real browser: Debian's Chromium driven by playwright-core, the built
// dist/ served on 127.0.0.1. Every request the pages make is counted; anything not for
// 127.0.0.1 is blocked, and the pages must still render in full.
//
// Needs `pnpm run docs` (turbo runs it first) and /usr/bin/chromium (`apt-get install -y chromium`).
// Writes screenshots and the request log to packages/docs/test-results/.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOperations } from '../../../scripts/lib/openapi-walk.mjs';

const docs = path.resolve(import.meta.dirname, '..');
const dist = path.join(docs, 'dist');
const results = path.join(docs, 'test-results');
const bundle = JSON.parse(readFileSync(path.resolve(docs, '../../spec/dist/openapi.json'), 'utf8'));
const CHROMIUM = '/usr/bin/chromium';
// Redoc's "API docs by Redocly" badge points at this image on Redocly's CDN. It is blocked like
// any other outside request; the page renders without it (asserted below).
const KNOWN_OUTSIDE = [/^https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini-full\.svg$/];
// Redoc debounces its search box by 500 ms and builds the search index after the page loads;
// while turbo runs every package's tests on two cores that takes seconds, not the 1 s
// expect.poll waits by default.
const UI_WAIT = { timeout: 30_000, interval: 250 };

/** operationIds of the bundle, lower-cased as Redoc puts them in its URLs: { paths: [], webhooks: [] } */
function bundleOperations() {
  const ids = (section) => listOperations(bundle, section).map(({ operation }) => operation.operationId.toLowerCase());
  return { paths: ids('paths'), webhooks: ids('webhooks') };
}

/** `#/<tag>/<operationid>` of the first operation (or webhook) of every tag, in spec order. */
function tagEntryPoints() {
  const first = new Map();
  for (const { operation: op } of [...listOperations(bundle, 'paths'), ...listOperations(bundle, 'webhooks')]) {
    for (const tag of op.tags ?? []) if (!first.has(tag)) first.set(tag, `#/${tag.toLowerCase()}/${op.operationId.toLowerCase()}`);
  }
  return [...first.values()];
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml', '.ico': 'image/x-icon' };
let server;
let origin;
let context;
let profile;
const served = []; // every request that reached our server
const made = []; // every request the browser made
const blocked = []; // requests for anywhere but 127.0.0.1, aborted

beforeAll(async () => {
  for (const f of ['index.html', 'reference.html', 'changelog.html']) {
    if (!existsSync(path.join(dist, f))) throw new Error(`packages/docs/dist/${f} is missing: run \`pnpm run docs\` first`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install Debian's Chromium (\`apt-get install -y chromium\`)`);
  mkdirSync(results, { recursive: true });

  server = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    served.push(url.pathname);
    const file = path.join(dist, path.normalize(decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)));
    if (!file.startsWith(dist + path.sep) || !existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  origin = `http://127.0.0.1:${server.address().port}`;

  profile = mkdtempSync(path.join(tmpdir(), 'docs-chromium-')); // a fresh --user-data-dir
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true, // --headless
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 1280, height: 900 },
  });
  context.on('request', (r) => made.push(r.url()));
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    blocked.push(url.href);
    return route.abort('blockedbyclient');
  });
});

afterAll(async () => {
  await context?.close(); // stops the Chromium process playwright started
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
  if (profile) rmSync(profile, { recursive: true, force: true });
  if (existsSync(results)) {
    writeFileSync(path.join(results, 'requests.json'), `${JSON.stringify({ made, served, blocked }, null, 2)}\n`);
  }
});

async function openPage(rel) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${origin}/${rel}`, { waitUntil: 'load' });
  return { page, errors };
}

describe('reference.html (Redoc, one offline page)', () => {
  it('renders every operation and webhook of the bundle, needing nothing from outside 127.0.0.1', async () => {
    const expected = bundleOperations();
    const { page, errors } = await openPage('reference.html');
    await page.waitForSelector('[data-section-id]');
    await page.screenshot({ path: path.join(results, 'reference.png') });

    // Redoc renders a tag's operations when you enter the tag (`#/<tag>/<operation>`). Enter
    // each tag of the bundle through its first operation, and collect what the page renders.
    const rendered = new Set();
    const unreachable = [];
    for (const href of tagEntryPoints()) {
      await page.goto(`${origin}/reference.html${href}`);
      const ok = await page.waitForSelector(`[data-section-id="${href.slice(1)}"]`, { timeout: 20_000 }).then(() => true, () => false);
      if (!ok) unreachable.push(href);
      for (const id of await page.$$eval('[data-section-id]', (els) => els.map((e) => e.getAttribute('data-section-id')))) {
        const m = /^\/[^/]+\/([^/]+)$/.exec(id);
        if (m) rendered.add(m[1]);
      }
    }
    expect(unreachable, 'tags whose first operation the page does not show').toEqual([]);
    const missing = [...expected.paths, ...expected.webhooks].filter((id) => !rendered.has(id));
    expect(missing, `operations of spec/dist/openapi.json that the page does not render (is their tag in x-tagGroups?)`).toEqual([]);
    expect(rendered.size).toBe(expected.paths.length + expected.webhooks.length);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('finds "Send SMS" with its search box and opens the operation', async () => {
    const { page } = await openPage('reference.html');
    await page.waitForSelector('[data-section-id]');
    await page.locator('[data-testid="search-trigger"]').first().click();
    const input = page.locator('input[placeholder^="Search"]');
    await input.fill('Send SMS');
    const dialog = page.locator('[data-testid="search-dialog"]');
    await expect.poll(() => dialog.textContent(), UI_WAIT).toContain('POST/v3/sms/send');
    await page.screenshot({ path: path.join(results, 'search.png') });
    await dialog.getByText('Send SMS', { exact: true }).first().click();
    await page.waitForSelector('[data-section-id="/sms/sendsms"]');
    expect(new URL(page.url()).hash).toBe('#/sms/sendsms');
    await expect.poll(() => page.locator('h2', { hasText: /^Send SMS$/ }).count(), UI_WAIT).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(results, 'send-sms.png') });
    await page.close();
  });
});

describe('index.html and changelog.html', () => {
  it('links the reference and the changelog, and states the spec it was built from', async () => {
    const { page, errors } = await openPage('index.html');
    const count = bundleOperations().paths.length;
    expect(await page.locator('#operation-count').textContent()).toBe(String(count));
    expect(await page.locator('h1').textContent()).toBe(bundle.info.title);
    await page.screenshot({ path: path.join(results, 'index.png') });

    await page.locator('#changelog-link').click();
    await page.waitForURL(`${origin}/changelog.html`);
    expect(await page.locator('#unreleased').count()).toBe(1);
    // Pending changesets name operations; the changelog shows them.
    expect(await page.locator('body').textContent()).toMatch(/sendSms/);
    await page.screenshot({ path: path.join(results, 'changelog.png'), fullPage: true });

    await page.goBack();
    await page.locator('#reference-link').click();
    await page.waitForURL(`${origin}/reference.html`);
    await page.waitForSelector('[data-section-id]');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('requests', () => {
  it('made no request outside 127.0.0.1 that got through; only known ones were tried and blocked', () => {
    expect(made.length).toBeGreaterThan(0);
    const outside = made.filter((u) => !u.startsWith(`${origin}/`) && !/^(data|blob):/.test(u));
    expect(outside.sort()).toEqual([...blocked].sort()); // every outside attempt was blocked
    for (const url of blocked) expect(KNOWN_OUTSIDE.some((re) => re.test(url)), `unexpected outside request ${url}`).toBe(true);
    expect(served.every((p) => p.startsWith('/'))).toBe(true);
    console.log(`docs site: ${made.length} requests made, ${served.length} served by 127.0.0.1, ${blocked.length} blocked (${[...new Set(blocked)].join(', ') || 'none'})`);
  });
});
