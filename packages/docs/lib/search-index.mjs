// The offline search index: one document per operation and webhook with its operationId,
// summary, method and path, and every field name its parameters, request body and 200 answer
// use. The search page loads it with MiniSearch; nothing leaves the browser.
import { deref, listOperations } from './openapi.mjs';
import { operationHref } from './reference.mjs';

/** Property names anywhere in a schema (cycle-safe, following `$ref`s). */
function fieldNames(spec, schema, names = new Set(), seen = new Set()) {
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return names;
  seen.add(schema);
  const s = deref(spec, schema);
  for (const [name, sub] of Object.entries(s.properties ?? {})) {
    names.add(name);
    fieldNames(spec, sub, names, seen);
  }
  for (const key of ['items', 'additionalProperties']) if (typeof s[key] === 'object') fieldNames(spec, s[key], names, seen);
  for (const key of ['allOf', 'anyOf', 'oneOf']) for (const sub of s[key] ?? []) fieldNames(spec, sub, names, seen);
  return names;
}

export function buildSearchIndex(spec) {
  return listOperations(spec).map(({ section, method, path, operation, parameters, tag }) => {
    const names = new Set(parameters.map((p) => p.name));
    for (const p of parameters) fieldNames(spec, p.schema, names);
    for (const media of Object.values(deref(spec, operation.requestBody)?.content ?? {})) fieldNames(spec, media.schema, names);
    for (const media of Object.values(deref(spec, operation.responses?.['200'])?.content ?? {})) fieldNames(spec, media.schema, names);
    return {
      id: operation.operationId,
      summary: operation.summary,
      method: section === 'webhooks' ? `webhook ${method.toUpperCase()}` : method.toUpperCase(),
      path,
      tag,
      fields: [...names].join(' '),
      href: operationHref(tag, operation.operationId),
    };
  });
}

/** MiniSearch options shared by the page and the tests: what is searched and what is returned. */
export const SEARCH_OPTIONS = {
  fields: ['id', 'summary', 'path', 'fields'],
  storeFields: ['id', 'summary', 'method', 'path', 'tag', 'href'],
  // The page tokenizes at spaces, /, _, braces and dots too, so `list_id` and `sms` match.
  searchOptions: { boost: { id: 3, summary: 2, path: 2 }, prefix: true, fuzzy: 0.1 },
};
