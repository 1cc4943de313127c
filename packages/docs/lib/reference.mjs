// The API reference as one page per tag, each rendered by Redoc from a slice of the decorated
// bundle: that tag's operations and webhooks and only the components they reach. Redoc renders the
// page at build time (server-side, as its docs describe) so a deep link shows its operation as
// soon as the HTML is parsed; Redoc's JavaScript, one shared file, then hydrates it.
import React from 'react';
import { renderToString } from 'react-dom/server';
import redoc from 'redoc';
import { ServerStyleSheet } from 'styled-components';
import { listOperations } from './openapi.mjs';
import { LANGUAGES } from './samples.mjs';

/** The bundle with each operation's and webhook's samples as Redoc's `x-codeSamples`. */
export function decorate(spec, samples) {
  const copy = structuredClone(spec);
  const byId = new Map(samples.map((s) => [s.operationId, s]));
  for (const { operation } of listOperations(copy)) {
    const s = byId.get(operation.operationId);
    operation['x-codeSamples'] = LANGUAGES.map(({ key, lang, label }) => ({ lang, label, source: s.samples[key] }));
  }
  return copy;
}

/** Every `#/...` `$ref` reachable from `node`, following them into `spec`. */
function reachableComponents(spec, node, seen = new Set()) {
  const stack = [node];
  while (stack.length) {
    const n = stack.pop();
    if (!n || typeof n !== 'object') continue;
    if (typeof n.$ref === 'string' && n.$ref.startsWith('#/components/') && !seen.has(n.$ref)) {
      seen.add(n.$ref);
      const [, , kind, name] = n.$ref.split('/');
      stack.push(spec.components[kind][name]);
    }
    for (const v of Object.values(n)) stack.push(v);
  }
  return seen;
}

/** The decorated bundle cut down to one tag: its paths, webhooks and the components they use. */
export function sliceForTag(spec, tag) {
  const out = { openapi: spec.openapi, info: spec.info, servers: spec.servers, security: spec.security, tags: spec.tags.filter((t) => t.name === tag) };
  for (const section of ['paths', 'webhooks']) {
    const items = {};
    for (const [p, item] of Object.entries(spec[section] ?? {})) {
      const kept = Object.fromEntries(Object.entries(item).filter(([k, v]) => k === 'parameters' || v?.tags?.includes(tag)));
      if (Object.keys(kept).some((k) => k !== 'parameters')) items[p] = kept;
    }
    if (Object.keys(items).length) out[section] = items;
  }
  const refs = reachableComponents(spec, { paths: out.paths, webhooks: out.webhooks, security: spec.components.securitySchemes });
  out.components = { securitySchemes: spec.components.securitySchemes };
  for (const ref of refs) {
    const [, , kind, name] = ref.split('/');
    (out.components[kind] ??= {})[name] = spec.components[kind][name];
  }
  return out;
}

/** Where an operation lives: its tag page and Redoc's anchor for it. */
export const operationHref = (tag, operationId) => `reference/${tag}.html#tag/${tag}/operation/${operationId}`;

// Redoc's sidebar has an "API docs by Redocly" badge whose image is on Redocly's CDN; the policy
// makes the browser refuse it (and anything else from another host) before any request is made.
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; frame-src 'none'; object-src 'none'";

const REDOC_OPTIONS = {
  hideDownloadButton: true,
  jsonSampleExpandLevel: 3,
  pathInMiddlePanel: true,
  scrollYOffset: 44,
  sortTagsAlphabetically: false,
};

/** One tag's reference page: rendered by Redoc now, hydrated by ../assets/redoc.standalone.js. */
export async function tagPage({ tag, title, slice, nav }) {
  const store = await redoc.createStore(slice, undefined, REDOC_OPTIONS);
  const sheet = new ServerStyleSheet();
  let html;
  let styles;
  try {
    html = renderToString(sheet.collectStyles(React.createElement(redoc.Redoc, { store })));
    styles = sheet.getStyleTags();
  } finally {
    sheet.seal();
  }
  const state = JSON.stringify(await store.toJS()).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<title>${title} — ClickSend API reference</title>
<style>
  body { margin: 0; } .topnav { position: fixed; top: 0; left: 0; right: 0; height: 44px; z-index: 10; display: flex; gap: 1.2rem; align-items: center; padding: 0 1rem; background: #1f2328; font: 15px system-ui, sans-serif; }
  .topnav a { color: #fff; text-decoration: none; } .topnav .here { font-weight: 600; } #redoc { padding-top: 44px; }
</style>
</head>
<body>
${nav}
${styles}
<div id="redoc" data-tag="${tag}">${html}</div>
<script src="../assets/redoc.standalone.js"></script>
<script>Redoc.hydrate(${state}, document.getElementById("redoc"));</script>
</body>
</html>
`;
}
