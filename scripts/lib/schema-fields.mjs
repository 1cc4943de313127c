// Flattens a JSON Schema (OpenAPI 3.1, 3.0 or Swagger 2.0 flavour) into field facts keyed by a
// path: `messages` (array), `messages[]` (object), `messages[].to` (string, required).
// A fact holds names and types only: `{ type: [...], required?, enum?, format?, additional? }`.
// The same flattening reads our bundle and ClickSend's descriptions, so they compare like for like.
import { deref } from './openapi-walk.mjs';

const MAX_DEPTH = 8;

/** JSON Schema type names of a schema node, sorted; `nullable: true` (3.0) adds "null". */
export function typeNames(schema) {
  const names = new Set();
  if (Array.isArray(schema.type)) schema.type.forEach((t) => names.add(t));
  else if (typeof schema.type === 'string') names.add(schema.type);
  else if (schema.properties || schema.additionalProperties) names.add('object');
  else if (schema.items) names.add('array');
  if (schema.nullable === true || schema['x-nullable'] === true) names.add('null');
  if (names.size === 0 && 'const' in schema) names.add(schema.const === null ? 'null' : jsonType(schema.const));
  return [...names].sort();
}

/** The JSON Schema type of a JSON value (`1` → integer, `1.5` → number). */
export function jsonType(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/**
 * Merges `allOf`, `oneOf` and `anyOf` into one node: properties united, `required` kept when
 * every branch (of a oneOf/anyOf) requires it, types and enums united.
 */
export function flattenComposition(doc, schema, where) {
  const node = deref(doc, schema, where);
  if (!node || typeof node !== 'object') return {};
  const parts = node.allOf ?? null;
  const choices = node.oneOf ?? node.anyOf ?? null;
  if (!parts && !choices) return node;
  const { allOf, oneOf, anyOf, ...own } = node;
  let merged = own;
  for (const part of parts ?? []) merged = mergeAll(merged, flattenComposition(doc, part, where));
  if (choices) merged = mergeAll(merged, mergeChoices(choices.map((c) => flattenComposition(doc, c, where))));
  return merged;
}

/** Two schemas that both apply (allOf): properties and required united, types united. */
function mergeAll(a, b) {
  const out = { ...b, ...a };
  // A property both parts describe must satisfy both: keep both schemas.
  const properties = { ...(b.properties ?? {}), ...(a.properties ?? {}) };
  for (const name of Object.keys(properties)) {
    if (a.properties?.[name] && b.properties?.[name]) properties[name] = { allOf: [a.properties[name], b.properties[name]] };
  }
  const required = [...new Set([...(a.required ?? []), ...(b.required ?? [])])];
  if (Object.keys(properties).length) out.properties = properties;
  else delete out.properties;
  if (required.length) out.required = required;
  else delete out.required;
  const types = new Set([...typeNames(a), ...typeNames(b)]);
  if (types.size) out.type = [...types].sort();
  if (a.items || b.items) out.items = a.items ?? b.items;
  return out;
}

function mergeChoices(choices) {
  const types = new Set(choices.flatMap(typeNames));
  const properties = {};
  for (const c of choices) Object.assign(properties, c.properties ?? {});
  const members = Object.keys(properties).length ? { properties } : {};
  const required = choices.length ? choices.map((c) => c.required ?? []).reduce((x, y) => x.filter((n) => y.includes(n))) : [];
  const enums = choices.every((c) => Array.isArray(c.enum) || 'const' in c)
    ? choices.flatMap((c) => (Array.isArray(c.enum) ? c.enum : [c.const]))
    : undefined;
  const items = choices.find((c) => c.items)?.items;
  return { type: [...types].sort(), ...members, ...(required.length ? { required } : {}), ...(enums ? { enum: enums } : {}), ...(items ? { items } : {}) };
}

/** The fact for one schema node (not its children). */
export function fieldFact(schema, required) {
  const fact = { type: typeNames(schema) };
  if (required) fact.required = true;
  const values = Array.isArray(schema.enum) ? schema.enum : 'const' in schema ? [schema.const] : null;
  if (values) fact.enum = [...new Set(values.filter((v) => v !== null))].sort((a, b) => String(a).localeCompare(String(b)));
  if (typeof schema.format === 'string') fact.format = schema.format;
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') fact.additional = true;
  if (schema.additionalProperties === true && fact.type.includes('object')) fact.additional = true;
  return fact;
}

/**
 * Every field of `schema` as `{ "<path>": fact }`, in schema order. `prefix` names the root
 * (`""` for a request body, `"data"` for a response's data). Cycles and depth stop the walk.
 */
export function schemaFields(doc, schema, { prefix = '', where = 'schema', required = false } = {}) {
  const out = {};
  walk(schema, prefix, required, 0, new Set());
  return out;

  function walk(raw, path, isRequired, depth, refs) {
    if (!raw || typeof raw !== 'object') return;
    const ref = typeof raw.$ref === 'string' ? raw.$ref : null;
    if (ref && refs.has(ref)) return; // a recursive model: its fields are listed once
    const nextRefs = ref ? new Set([...refs, ref]) : refs;
    const node = flattenComposition(doc, raw, `${where} ${path || '(root)'}`);
    if (path !== '') out[path] = fieldFact(node, isRequired);
    if (depth >= MAX_DEPTH) return;
    const required = new Set(node.required ?? []);
    for (const [name, child] of Object.entries(node.properties ?? {})) {
      walk(child, path === '' ? name : `${path}.${name}`, required.has(name), depth + 1, nextRefs);
    }
    if (node.items && typeNames(node).includes('array')) walk(node.items, `${path}[]`, false, depth + 1, nextRefs);
  }
}

/**
 * Field facts read from an example value, for descriptions that give a response only as an
 * example: every key with the JSON type of its value (arrays read from their first item).
 */
export function exampleFields(value, prefix) {
  const out = {};
  walk(value, prefix, 0);
  return out;

  function walk(v, path, depth) {
    out[path] = { type: [jsonType(v)], fromExample: true };
    if (depth >= MAX_DEPTH) return;
    if (Array.isArray(v)) {
      if (v.length > 0) walk(v[0], `${path}[]`, depth + 1);
    } else if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) walk(child, `${path}.${k}`, depth + 1);
    }
  }
}
