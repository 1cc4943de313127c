#!/usr/bin/env node
// Builds the docs site into dist/ from the bundled spec (@clicksend-kit/openapi) and the package
// READMEs alone:
//
//   reference/<tag>.html   one Redoc page per tag, every operation and webhook with samples in
//                          TypeScript, curl, Python and Go (x-codeSamples of a decorated copy of
//                          the bundle; the spec itself is untouched)
//   search.html            offline search across operationIds, summaries, paths and field names
//   guides/*.html          getting started, errors and retries, pagination, Maton and SkillBoss,
//                          webhooks (payloads in all three delivery forms), from the READMEs
//   index.html, changelog.html, openapi.json (the decorated bundle), samples/<language>/*
//
// Every page is checked to load nothing from another host before the new dist/ replaces the old
// one, so a failed build leaves the previous site intact.
//
//   node build.mjs [--out <dir>]
import { copyFileSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GUIDES, guideMarkdown, webhooksMarkdown } from './lib/guides.mjs';
import { findExternalResources } from './lib/html-resources.mjs';
import { escapeHtml, renderMarkdown } from './lib/markdown.mjs';
import { listOperations } from './lib/openapi.mjs';
import { decorate, sliceForTag, tagPage } from './lib/reference.mjs';
import { LANGUAGES, generateSamples } from './lib/samples.mjs';
import { SEARCH_OPTIONS, buildSearchIndex } from './lib/search-index.mjs';
import { changelogHtml } from './lib/changelog.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const require = createRequire(import.meta.url);

const STYLE = `
  body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; max-width: 56rem; margin: 0 auto; padding: 60px 1rem 2rem; color: #1f2328; }
  .topnav { position: fixed; top: 0; left: 0; right: 0; height: 44px; display: flex; gap: 1.2rem; align-items: center; padding: 0 1rem; background: #1f2328; font-size: 15px; }
  .topnav a { color: #fff; text-decoration: none; } .topnav .here { font-weight: 600; }
  h1 { font-size: 1.8rem; margin-bottom: .25rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #d0d7de; }
  code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .9em; background: #f6f8fa; border-radius: 4px; }
  code { padding: .1em .3em; } pre { padding: .8rem; overflow-x: auto; } pre code { padding: 0; }
  table { border-collapse: collapse; } td, th { border: 1px solid #d0d7de; padding: .3rem .6rem; text-align: left; vertical-align: top; }
  .muted { color: #59636e; } .bump { font-size: .85rem; color: #59636e; }
  #search-input { width: 100%; font-size: 1.1rem; padding: .5rem; box-sizing: border-box; }
  #search-results li { margin: .4rem 0; } .method { font: 600 .8rem ui-monospace, monospace; color: #0969da; margin-right: .4rem; }
  .tags { columns: 3; } .tags li { break-inside: avoid; }`;

function nav(prefix, here) {
  const links = [['index.html', 'ClickSend API docs'], ['search.html', 'Search'], ['guides/getting-started.html', 'Guides'], ['guides/webhooks.html', 'Webhooks'], ['changelog.html', 'Changelog']];
  return `<nav class="topnav">${links.map(([href, text]) => `<a href="${prefix}${href}"${href === here ? ' class="here"' : ''}>${text}</a>`).join('')}</nav>`;
}

function page({ title, body, prefix = '', here = '', scripts = '' }) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${nav(prefix, here)}
${body}
${scripts}
</body>
</html>
`;
}

const tagTitle = (tag) => tag['x-displayName'] ?? tag.name;

export async function buildSite(spec) {
  const files = new Map(); // path in dist -> contents
  const samples = generateSamples(spec);
  const decorated = decorate(spec, samples);
  const operations = listOperations(spec);
  const tags = spec.tags.filter((t) => operations.some((o) => o.tag === t.name));
  const untagged = operations.filter((o) => !tags.some((t) => t.name === o.tag));
  if (untagged.length) throw new Error(`operations without a tag of spec.tags have no page: ${untagged.map((o) => o.operation.operationId).join(', ')}`);

  for (const tag of tags) {
    files.set(`reference/${tag.name}.html`, await tagPage({ tag: tag.name, title: escapeHtml(tagTitle(tag)), slice: sliceForTag(decorated, tag.name), nav: nav('../', '') }));
  }
  for (const s of samples) {
    for (const { key, ext } of LANGUAGES) files.set(`samples/${key}/${s.operationId}.${ext}`, s.samples[key]);
  }
  files.set('openapi.json', `${JSON.stringify(decorated, null, 2)}\n`);
  files.set('search-index.json', JSON.stringify({ options: SEARCH_OPTIONS, documents: buildSearchIndex(spec) }));
  files.set('assets/search.js', readFileSync(path.join(here, 'lib/search-page.js'), 'utf8'));

  const groups = (spec['x-tagGroups'] ?? [{ name: 'Reference', tags: tags.map((t) => t.name) }])
    .map((g) => `<h3>${escapeHtml(g.name)}</h3><ul class="tags">${g.tags.filter((t) => tags.some((x) => x.name === t)).map((t) => `<li><a href="reference/${t}.html">${escapeHtml(tagTitle(tags.find((x) => x.name === t)))}</a></li>`).join('')}</ul>`)
    .join('\n');
  const paths = operations.filter((o) => o.section === 'paths').length;
  files.set(
    'index.html',
    page({
      title: `${spec.info.title} — docs`,
      here: 'index.html',
      body: `<h1>${escapeHtml(spec.info.title)}</h1>
<p class="muted">Spec version ${escapeHtml(spec.info.version)}: <span id="operation-count">${paths}</span> operations and <span id="webhook-count">${operations.length - paths}</span> webhook deliveries, each with samples in TypeScript, curl, Python and Go.</p>
<form action="search.html"><input id="search-input" name="q" placeholder="Search operations, paths and field names (sendSms, /v3/sms/send, custom_string)" autocomplete="off"></form>
<h2>Guides</h2>
<ul>${[...GUIDES, { file: 'webhooks.html', title: 'Webhooks' }].map((g) => `<li><a href="guides/${g.file}">${escapeHtml(g.title)}</a></li>`).join('')}<li><a id="changelog-link" href="changelog.html">Changelog</a></li></ul>
<h2>API reference</h2>
${groups}
<h2>Downloads</h2>
<p><a href="openapi.json">openapi.json</a>: the bundled spec with every sample as <code>x-codeSamples</code>.</p>`,
    }),
  );
  files.set(
    'search.html',
    page({
      title: 'Search — ClickSend API docs',
      here: 'search.html',
      body: `<h1>Search</h1>\n<input id="search-input" type="search" placeholder="operationId, summary, path or field name" autocomplete="off" autofocus>\n<p id="search-status" class="muted"></p>\n<ol id="search-results"></ol>`,
      scripts: '<script src="assets/minisearch.js"></script>\n<script src="assets/search.js"></script>',
    }),
  );
  for (const guide of GUIDES) {
    files.set(`guides/${guide.file}`, page({ title: `${guide.title} — ClickSend API docs`, prefix: '../', here: 'guides/getting-started.html', body: `<h1>${escapeHtml(guide.title)}</h1>\n${renderMarkdown(guideMarkdown(repo, guide))}` }));
  }
  files.set('guides/webhooks.html', page({ title: 'Webhooks — ClickSend API docs', prefix: '../', here: 'guides/webhooks.html', body: `<h1>Webhooks</h1>\n${renderMarkdown(webhooksMarkdown(repo, spec))}` }));
  files.set('changelog.html', page({ title: 'Changelog — ClickSend API docs', here: 'changelog.html', body: changelogHtml(repo) }));

  for (const [name, text] of files) {
    if (!name.endsWith('.html')) continue;
    const external = findExternalResources(text);
    if (external.length) throw new Error(`${name} would load ${external.map((r) => r.url).join(', ')} from another host`);
  }
  return { files, samples, tags, operations };
}

// Redoc's sidebar badge ("API docs by Redocly") loads its logo from Redocly's CDN on every visit.
// The shared copy of Redoc points that one image at an empty data: URL instead (the badge hides
// an image that fails), so the reference makes no request outside the host that serves it.
const BADGE_IMAGE = 'https://cdn.redoc.ly/redoc/logo-mini.svg';
export function redocWithoutBadgeImage(source) {
  const count = source.split(BADGE_IMAGE).length - 1;
  if (count !== 1) throw new Error(`redoc.standalone.js names ${BADGE_IMAGE} ${count} times, expected once: check the Redoc upgrade for outside requests`);
  return source.replace(BADGE_IMAGE, 'data:,');
}

export async function main(argv = process.argv.slice(2)) {
  const outIdx = argv.indexOf('--out');
  const out = outIdx === -1 ? path.join(here, 'dist') : path.resolve(argv[outIdx + 1]);
  const spec = JSON.parse(readFileSync(require.resolve('@clicksend-kit/openapi/openapi.json'), 'utf8'));
  const { files, samples, tags } = await buildSite(spec);

  const staging = `${out}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  for (const [name, text] of files) {
    mkdirSync(path.dirname(path.join(staging, name)), { recursive: true });
    writeFileSync(path.join(staging, name), text);
  }
  writeFileSync(path.join(staging, 'assets/redoc.standalone.js'), redocWithoutBadgeImage(readFileSync(path.join(here, 'node_modules/redoc/bundles/redoc.standalone.js'), 'utf8')));
  copyFileSync(path.join(here, 'node_modules/minisearch/dist/umd/index.js'), path.join(staging, 'assets/minisearch.js'));
  rmSync(out, { recursive: true, force: true });
  renameSync(staging, out);

  const pages = [...files.keys()].filter((n) => n.endsWith('.html')).length;
  process.stdout.write(
    `docs: ${pages} pages (${tags.length} reference pages), ${samples.length} operations and webhooks with ${LANGUAGES.length} samples each (${LANGUAGES.map((l) => `${samples.length} ${l.key}`).join(', ')}) -> ${path.relative(repo, out)}\n`,
  );
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => (process.exitCode = code),
    (e) => {
      process.stderr.write(`docs: ${e.message}\n`);
      process.exitCode = 1;
    },
  );
}
