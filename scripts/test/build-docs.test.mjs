import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPage } from '../build-docs.mjs';
import { findExternalResources } from '../lib/html-resources.mjs';

const scripts = path.resolve(import.meta.dirname, '..');
const docsDir = path.resolve(scripts, '../packages/docs');
const fixture = (name) => path.join(import.meta.dirname, 'fixtures/docs', name);

describe('findExternalResources', () => {
  const urls = (html) => findExternalResources(html).map((r) => `${r.tag} ${r.attribute} ${r.url}`);

  it('finds scripts, stylesheets, fonts, preloads, images and frames from other hosts', () => {
    const html = `<!doctype html><html><head>
      <script src="https://cdn.example.com/a.js"></script>
      <link rel="stylesheet" href="https://fonts.example.com/css?family=Roboto">
      <link rel="modulepreload" href='https://cdn.example.com/m.js' crossorigin>
      <link rel=preconnect href=//fonts.example.com>
      <style>@font-face { src: url("https://fonts.example.com/r.woff2") } @import 'http://x.example.com/y.css';</style>
      </head><body>
      <img src="https://img.example.com/a.png" alt="">
      <img srcset="/local.png 1x, https://img.example.com/b.png 2x">
      <div style="background: url(https://img.example.com/bg.png)"></div>
      <iframe src="https://embed.example.com/"></iframe>
      <script type="module">import { hydrate } from "https://cdn.example.com/redoc.js";</script>
      </body></html>`;
    expect(urls(html)).toEqual([
      'script src https://cdn.example.com/a.js',
      'link href https://fonts.example.com/css?family=Roboto',
      'link href https://cdn.example.com/m.js',
      'link href //fonts.example.com',
      'style <style> https://fonts.example.com/r.woff2',
      'style <style> http://x.example.com/y.css',
      'img src https://img.example.com/a.png',
      'img srcset https://img.example.com/b.png',
      'div style https://img.example.com/bg.png',
      'iframe src https://embed.example.com/',
      'script import https://cdn.example.com/redoc.js',
    ]);
  });

  it('ignores anchors, text, comments, local and data: URLs, and tags inside inline script strings', () => {
    const html = `<html><head>
      <link rel="canonical" href="https://docs.example.com/">
      <link rel="stylesheet" href="/local.css">
      <script>var s = '<script src="https://evil.example.com/x.js"></' + 'script>'; var i = "<img src='https://evil.example.com/i.png'>";</script>
      <!-- <script src="https://commented.example.com/x.js"></script> -->
      </head><body>
      <a href="https://www.clicksend.com">ClickSend</a> see https://rest.clicksend.com/v3
      <img src="data:image/png;base64,AAAA"> <img src="logo.png">
      <code>&lt;img src="https://text.example.com/x.png"&gt;</code>
      </body></html>`;
    expect(urls(html)).toEqual([]);
  });

  it('decodes entities an attribute might hide a URL behind', () => {
    expect(urls('<img src="https&#x3a;//img.example.com/a.png">')).toEqual(['img src https://img.example.com/a.png']);
  });
});

describe('checkPage', () => {
  const options = (o) => `<script type="module">\nconst __redoc_options = ${JSON.stringify(o)};\n</script>`;

  it('accepts a self-contained page with telemetry disabled', () => {
    expect(checkPage(options({ disableTelemetry: true }))).toEqual([]);
  });

  it('rejects page telemetry that is on or cannot be found', () => {
    expect(checkPage(options({ disableTelemetry: false }))[0]).toMatch(/do not set disableTelemetry: true/);
    expect(checkPage('<html></html>')[0]).toMatch(/cannot find Redoc options/);
  });

  it('names each external URL', () => {
    const [problem] = checkPage(`<link rel="stylesheet" href="https://fonts.example.com/x.css">${options({ disableTelemetry: true })}`);
    expect(problem).toContain('<link> href: https://fonts.example.com/x.css');
  });
});

describe('build-docs CLI (real Redocly)', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'build-docs-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const out = path.join(tmp, 'dist/index.html');

  function run(args) {
    // No telemetry variables from the caller: the script must switch telemetry off itself.
    const env = { ...process.env };
    for (const k of ['REDOCLY_TELEMETRY', 'REDOCLY_SUPPRESS_UPDATE_NOTICE', 'DO_NOT_TRACK']) delete env[k];
    const r = spawnSync(process.execPath, ['../../scripts/build-docs.mjs', ...args], { cwd: docsDir, encoding: 'utf8', env });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }
  const leftovers = () => readdirSync(path.dirname(out)).filter((f) => f !== 'index.html');

  it('writes one self-contained page with the spec in it and page telemetry off', () => {
    const r = run(['--spec', fixture('openapi.yaml'), '--output', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^build-docs: wrote .*index\.html \(\d+\.\d+ MiB\), self-contained\n$/);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<title>Docs fixture API</title>');
    expect(html).toContain('Send an SMS');
    expect(html).toMatch(/__redoc_options = \{[^\n]*"disableTelemetry":true/);
    expect(findExternalResources(html)).toEqual([]);
    expect(leftovers()).toEqual([]);
  });

  it('leaves the previous page intact when Redocly fails', () => {
    writeFileSync(out, 'previous page');
    const r = run(['--spec', fixture('broken.yaml'), '--output', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('redocly build-docs exited with 1');
    expect(r.stderr).toContain('was left as it was');
    expect(readFileSync(out, 'utf8')).toBe('previous page');
    expect(leftovers()).toEqual([]);
  });

  it('refuses a page that would load images from another host, naming them, and keeps the old page', () => {
    writeFileSync(out, 'previous page');
    const r = run(['--spec', fixture('external-image.yaml'), '--output', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('<img> src: https://images.example.com/logo.png');
    expect(r.stderr).toContain('<img> src: https://images.example.com/diagram.png');
    expect(readFileSync(out, 'utf8')).toBe('previous page');
    expect(leftovers()).toEqual([]);
  });

  it('names a missing spec file', () => {
    const r = run(['--spec', path.join(tmp, 'missing.yaml'), '--output', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${path.join(tmp, 'missing.yaml')} not found`);
  });
});
