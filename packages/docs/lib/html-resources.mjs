// Find the external resources an HTML page would load on render: scripts, stylesheets, fonts,
// images, frames. Links a reader may click (<a href>) and URLs in text or inside inline script
// strings are not loads and are ignored. A small scanner rather than a DOM library keeps the
// scripts dependency-free; it only has to understand the page Redocly writes.

const EXTERNAL = /^\s*(?:https?:)?\/\//i; // http://, https:// and protocol-relative //host

// Attributes that make the browser fetch, per tag.
const FETCH_ATTRS = {
  script: ['src'],
  link: ['href'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  iframe: ['src'],
  frame: ['src'],
  embed: ['src'],
  audio: ['src'],
  video: ['src', 'poster'],
  track: ['src'],
  input: ['src'],
  object: ['data'],
  image: ['href', 'xlink:href'],
  use: ['href', 'xlink:href'],
  feimage: ['href', 'xlink:href'],
};

// <link rel=…> values that never fetch anything; every other rel (stylesheet, icon, preload,
// modulepreload, preconnect, dns-prefetch, manifest, unknown) counts as a request.
const NON_FETCHING_RELS = new Set([
  'alternate', 'author', 'bookmark', 'canonical', 'external', 'help', 'license', 'me', 'next',
  'nofollow', 'noopener', 'noreferrer', 'prev', 'search', 'tag',
]);

const TAG = /<!--|<([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ATTR = /([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const CSS_URL = /url\(\s*(["']?)([^"')]+)\1\s*\)|@import\s+(["'])([^"']+)\3/gi;
const MODULE_IMPORT = /\bimport\s*(?:\(\s*|[^'"`;()]*?\bfrom\s*|)(["'`])([^"'`]+)\1/g;

function decodeEntities(s) {
  return s
    .replace(/&#x([0-9a-f]+);?/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);?/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&colon;/gi, ':')
    .replace(/&sol;/gi, '/')
    .replace(/&quot;/gi, '"')
    .replace(/&amp;/gi, '&');
}

function parseAttrs(src) {
  const attrs = new Map();
  for (const m of src.matchAll(ATTR)) {
    const name = m[1].toLowerCase();
    if (!attrs.has(name)) attrs.set(name, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return attrs;
}

function cssUrls(css) {
  return [...css.matchAll(CSS_URL)].map((m) => (m[2] ?? m[4]).trim());
}

/**
 * @param {string} html
 * @returns {{ tag: string, attribute: string, url: string }[]} external loads, in document
 *   order, without duplicates. `attribute` is e.g. "src", "style", "<style>", "import".
 */
export function findExternalResources(html) {
  const found = [];
  const seen = new Set();
  const add = (tag, attribute, url) => {
    if (!EXTERNAL.test(url)) return;
    const k = `${tag}\0${attribute}\0${url}`;
    if (seen.has(k)) return;
    seen.add(k);
    found.push({ tag, attribute, url: url.trim() });
  };

  const TAG_RE = new RegExp(TAG.source, 'g'); // own lastIndex per call
  let m;
  while ((m = TAG_RE.exec(html))) {
    if (m[0] === '<!--') {
      const end = html.indexOf('-->', TAG_RE.lastIndex);
      TAG_RE.lastIndex = end === -1 ? html.length : end + 3;
      continue;
    }
    const tag = m[1].toLowerCase();
    const attrs = parseAttrs(m[2]);

    for (const name of FETCH_ATTRS[tag] ?? []) {
      const value = attrs.get(name);
      if (value === undefined) continue;
      if (tag === 'link' && name === 'href') {
        const rels = (attrs.get('rel') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
        if (rels.length > 0 && rels.every((r) => NON_FETCHING_RELS.has(r))) continue;
      }
      if (name === 'srcset') {
        for (const candidate of value.split(',')) add(tag, name, candidate.trim().split(/\s+/)[0] ?? '');
      } else {
        add(tag, name, value);
      }
    }
    if (attrs.has('style')) for (const url of cssUrls(attrs.get('style'))) add(tag, 'style', url);

    // Script and style bodies are raw text up to their end tag: scan them for what they load
    // themselves, then skip them so strings inside scripts are not mistaken for tags.
    if ((tag === 'script' || tag === 'style') && !m[2].trimEnd().endsWith('/')) {
      const close = new RegExp(`</${tag}`, 'ig');
      close.lastIndex = TAG_RE.lastIndex;
      const end = close.exec(html);
      const body = html.slice(TAG_RE.lastIndex, end ? end.index : html.length);
      if (tag === 'style') {
        for (const url of cssUrls(body)) add('style', '<style>', url);
      } else if ((attrs.get('type') ?? '').toLowerCase() === 'module') {
        for (const im of body.matchAll(MODULE_IMPORT)) add('script', 'import', im[2]);
      }
      TAG_RE.lastIndex = end ? end.index : html.length;
    }
  }
  return found;
}
