#!/usr/bin/env node
// The docs site's front page and changelog, next to the API reference that
// scripts/build-docs.mjs renders into dist/reference.html:
//
//   dist/index.html      spec title, version, operation count and sha256; links to the
//                        reference and the changelog; the published packages and their versions
//   dist/changelog.html  pending changesets ("Unreleased") and each package's CHANGELOG.md
//
// Both pages are self-contained (inline CSS, no scripts, nothing from another host; checked with
// the same scanner build-docs uses) and written via temp file + rename.
//
//   node build-index.mjs [--out <dir>]
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Marked } from 'marked';
import { isMain, repoRoot as root } from '../../scripts/lib/cli.mjs';
import { findExternalResources } from '../../scripts/lib/html-resources.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

export const PACKAGES = [
  { name: '@clicksend-kit/openapi', dir: 'spec' },
  { name: '@clicksend-kit/types', dir: 'packages/types' },
  { name: '@clicksend-kit/client', dir: 'packages/client' },
  { name: '@clicksend-kit/gateway', dir: 'packages/gateway' },
];

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

// Markdown from our own changesets and changelogs; raw HTML in it is shown as text, and links
// stay links (a click, not a load).
const markdown = new Marked({ gfm: true, async: false, renderer: { html: ({ text }) => escape(text) } });
const md = (text) => markdown.parse(text);

const STYLE = `
  body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #1f2328; }
  h1 { font-size: 1.8rem; margin-bottom: .25rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #d0d7de; }
  code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .9em; background: #f6f8fa; padding: .1em .3em; border-radius: 4px; }
  table { border-collapse: collapse; } td, th { border: 1px solid #d0d7de; padding: .3rem .6rem; text-align: left; }
  .links a { display: inline-block; margin-right: 1.5rem; font-size: 1.15rem; }
  .muted { color: #59636e; } .bump { font-size: .85rem; color: #59636e; }`;

function page(title, body) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** Pending changesets: [{ id, bumps: [[name, bump]], body }], sorted by id. */
export function readChangesets(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .sort()
    .map((f) => {
      const text = readFileSync(path.join(dir, f), 'utf8');
      const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
      if (!m) throw new Error(`.changeset/${f} has no front matter (---)`);
      const bumps = m[1]
        .split('\n')
        .map((l) => /^\s*["']?([^"':]+)["']?\s*:\s*(major|minor|patch)\s*$/.exec(l))
        .filter(Boolean)
        .map((x) => [x[1], x[2]]);
      return { id: f.replace(/\.md$/, ''), bumps, body: m[2].trim() };
    });
}

export function buildPages({ repo = root } = {}) {
  const info = JSON.parse(readFileSync(path.join(repo, 'spec/dist/spec-info.json'), 'utf8'));
  const versions = PACKAGES.map((p) => ({ ...p, version: JSON.parse(readFileSync(path.join(repo, p.dir, 'package.json'), 'utf8')).version }));
  const pending = readChangesets(path.join(repo, '.changeset'));

  const index = page(
    `${info.title} — clicksend-kit docs`,
    `<h1>${escape(info.title)}</h1>
<p class="muted">OpenAPI ${escape(info.openapi)} description, spec version ${escape(info.version)}, <span id="operation-count">${info.operations}</span> operations, sha256 <code>${escape(info.sha256.slice(0, 16))}</code>…</p>
<p class="links"><a id="reference-link" href="reference.html">API reference</a><a id="changelog-link" href="changelog.html">Changelog</a></p>
<h2>Packages</h2>
<table>
<tr><th>package</th><th>version</th></tr>
${versions.map((p) => `<tr><td><code>${escape(p.name)}</code></td><td>${escape(p.version)}</td></tr>`).join('\n')}
</table>
<p class="muted">${pending.length ? `${pending.length} pending changeset(s) will go into the next release.` : 'No pending changesets.'} Every page of this site works offline: nothing is loaded from another host.</p>`,
  );

  const sections = [];
  sections.push('<h2 id="unreleased">Unreleased</h2>');
  if (pending.length === 0) sections.push('<p class="muted">Nothing pending.</p>');
  for (const c of pending) {
    sections.push(`<section class="changeset" id="changeset-${escape(c.id)}"><p class="bump">${c.bumps.map(([n, b]) => `<code>${escape(n)}</code> ${escape(b)}`).join(', ')}</p>\n${md(c.body)}</section>`);
  }
  for (const p of versions) {
    const file = path.join(repo, p.dir, 'CHANGELOG.md');
    sections.push(`<h2 id="${escape(p.name.replace(/[@/]/g, '-').replace(/^-/, ''))}">${escape(p.name)} ${escape(p.version)}</h2>`);
    // The changelog's own "# @clicksend-kit/x" title duplicates the heading above.
    sections.push(existsSync(file) ? md(readFileSync(file, 'utf8').replace(/^# .*\n/, '')) : '<p class="muted">Not released yet.</p>');
  }
  const changelog = page(`Changelog — clicksend-kit`, `<p><a href="index.html">← docs home</a></p>\n<h1>Changelog</h1>\n${sections.join('\n')}`);
  return { 'index.html': index, 'changelog.html': changelog };
}

export function main(argv = process.argv.slice(2)) {
  const outIdx = argv.indexOf('--out');
  const out = outIdx === -1 ? path.join(here, 'dist') : path.resolve(argv[outIdx + 1]);
  const pages = buildPages();
  mkdirSync(out, { recursive: true });
  for (const [name, html] of Object.entries(pages)) {
    const external = findExternalResources(html);
    if (external.length) {
      process.stderr.write(`build-index: ${name} would load ${external.map((r) => r.url).join(', ')} from other hosts; not written\n`);
      return 1;
    }
    const tmp = path.join(out, `.${name}.${process.pid}.tmp`);
    writeFileSync(tmp, html);
    renameSync(tmp, path.join(out, name));
  }
  process.stdout.write(`build-index: wrote ${Object.keys(pages).map((n) => path.relative(root, path.join(out, n))).join(', ')}\n`);
  return 0;
}

if (isMain(import.meta.url)) process.exitCode = main();
