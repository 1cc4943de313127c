// Reconciliation: our bundle against the facts of each of ClickSend's own API descriptions,
// operation by operation and field by field. A field is one of
//   `query.<name>` / `header.<name>` / `path.<name>`   a parameter (path ones matched by position)
//   `body.<field path>`                               a request body field (`body.messages[].to`)
//   `data.<field path>`                               a field of the 200 response's `data`
// and each comparison is `agreed` or a difference of one kind:
//   missing   the source has it, we do not          extra     we have it, the source does not
//   type      the types differ                      required  one requires it, the other not
//   enum      the closed sets of values differ
// A difference is settled when a source of higher precedence that describes the operation agrees
// with us on that field (`precedence`), or when an entry of the decisions file covers it
// (`decided`); otherwise it is `undecided` and the check fails.
import { documentFacts } from './operation-facts.mjs';

export const KINDS = Object.freeze(['missing', 'extra', 'type', 'required', 'enum']);

/** Types as a set, `integer` read as a kind of `number`, `null` left out (nullability is not compared). */
function typeSet(fact) {
  return new Set((fact?.type ?? []).filter((t) => t !== 'null'));
}

/** True when every type the source states is one our schema accepts. */
export function acceptsTypes(ours, theirs) {
  const o = typeSet(ours);
  const t = typeSet(theirs);
  if (t.size === 0 || o.size === 0) return true; // an untyped side constrains nothing
  for (const type of t) {
    if (o.has(type)) continue;
    if (type === 'integer' && o.has('number')) continue;
    return false;
  }
  return true;
}

function sameEnum(a, b) {
  const x = a ?? null;
  const y = b ?? null;
  if (x === null || y === null) return x === y;
  return x.length === y.length && x.every((v, i) => String(v) === String(y[i]));
}

/**
 * The facts of our bundle keyed like a source's, with each operation's operationId, tag and
 * the fields listed as above. Parameters of `in: path` are keyed by position (`path.#1`).
 */
export function fieldsOf(operationFacts) {
  const fields = {};
  let position = 0;
  const pathParams = Object.values(operationFacts.parameters ?? {}).filter((p) => p.in === 'path');
  const order = (operationFacts.path.match(/\{[^}]*\}/g) ?? []).map((s) => s.slice(1, -1));
  for (const p of Object.values(operationFacts.parameters ?? {})) {
    if (p.in === 'path') continue;
    fields[`${p.in}.${p.name}`] = p;
  }
  for (const name of order) {
    position += 1;
    const p = pathParams.find((x) => x.name === name);
    if (p) fields[`path.#${position}`] = { ...p, name };
  }
  for (const [path, fact] of Object.entries(operationFacts.body?.fields ?? {})) fields[`body.${path}`] = fact;
  for (const [path, fact] of Object.entries(operationFacts.data ?? {})) fields[path] = { ...fact, response: true };
  return fields;
}

/** Compares one field of ours with the source's; returns the kinds of difference (empty when agreed). */
export function compareField(ours, theirs) {
  if (!ours) return ['missing'];
  if (!theirs) return ['extra'];
  const kinds = [];
  if (!acceptsTypes(ours, theirs)) kinds.push('type');
  if (!ours.response && Boolean(ours.required) !== Boolean(theirs.required)) kinds.push('required');
  if (!sameEnum(ours.enum, theirs.enum)) kinds.push('enum');
  return kinds;
}

/**
 * Every comparison of the bundle with one source:
 * `[{ source, key, operationId, tag, field, kind, ours, theirs }]` with kind `agreed` or one of KINDS,
 * plus the operations only one side has.
 */
export function compareWithSource(bundle, sourceFacts) {
  const ours = bundleOperations(bundle);
  const theirs = sourceFacts.operations;
  const rows = [];
  const onlyInSource = [];
  for (const [key, theirOp] of Object.entries(theirs)) {
    const ourOp = ours.get(key);
    if (!ourOp) {
      onlyInSource.push({ key, operationId: theirOp.operationId });
      continue;
    }
    const a = fieldsOf(ourOp);
    const b = fieldsOf(theirOp);
    // A source that states nothing about the response (Swagger 2.0 types every answer as a
    // string) is not compared on it.
    const describesData = Boolean(theirOp.data || theirOp.dataFromExample);
    if (!describesData) for (const field of Object.keys(a)) if (a[field].response) delete a[field];
    // Response fields read from an example count only where the source's schema says nothing.
    for (const [path, fact] of Object.entries(theirOp.dataFromExample ?? {})) {
      if (!(path in b) && !schemaListsMembers(theirOp.data, path)) b[path] = { ...fact, response: true };
    }
    const names = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const field of names) {
      const kinds = compareField(a[field], b[field]);
      const base = { source: sourceFacts.source.id, key, operationId: ourOp.operationId, tag: ourOp.tag, field, ours: a[field] ?? null, theirs: b[field] ?? null };
      if (kinds.length === 0) rows.push({ ...base, kind: 'agreed' });
      for (const kind of kinds) rows.push({ ...base, kind });
    }
  }
  const onlyInOurs = [...ours.keys()].filter((k) => !(k in theirs));
  const matched = Object.keys(theirs).filter((k) => ours.has(k)).length;
  return { rows, onlyInSource, onlyInOurs, matched };
}

// True when the source's schema lists the members of the object or array that holds `path`:
// then it has said what it means to say. A schema that types a field as a plain object or array
// with nothing inside leaves its members to the example.
function schemaListsMembers(data, path) {
  if (!data) return false;
  const parent = Object.keys(data)
    .filter((p) => path.startsWith(`${p}.`) || path.startsWith(`${p}[]`))
    .sort((x, y) => y.length - x.length)[0];
  if (!parent) return true;
  return Object.keys(data).some((p) => p !== parent && (p.startsWith(`${parent}.`) || p.startsWith(`${parent}[]`)));
}

const bundleCache = new WeakMap();
/** Our operations' facts keyed like a source's, with their tag. */
export function bundleOperations(bundle) {
  if (bundleCache.has(bundle)) return bundleCache.get(bundle);
  const out = new Map();
  for (const [key, facts] of Object.entries(documentFacts(bundle))) {
    const [method, path] = key.split(' ');
    const operation = bundle.paths[facts.path][method.toLowerCase()];
    out.set(key, { ...facts, tag: operation.tags?.[0] ?? '(untagged)' });
  }
  bundleCache.set(bundle, out);
  return out;
}

/**
 * Settles differences by precedence (sources in `order`, highest first): a difference with a
 * lower source is settled when the highest source that describes the operation has no difference
 * with us on that field, i.e. it agrees, or, like us, does not have the field.
 */
export function applyPrecedence(rowsBySource, order) {
  const described = new Set(); // `${source}|${key}`
  const disagrees = new Set(); // `${source}|${key}|${field}`
  for (const id of order) {
    for (const row of rowsBySource.get(id) ?? []) {
      described.add(`${id}|${row.key}`);
      if (row.kind !== 'agreed') disagrees.add(`${id}|${row.key}|${row.field}`);
    }
  }
  for (const [index, id] of order.entries()) {
    for (const row of rowsBySource.get(id) ?? []) {
      if (row.kind === 'agreed') continue;
      const higher = order.slice(0, index).find((h) => described.has(`${h}|${row.key}`));
      if (higher && !disagrees.has(`${higher}|${row.key}|${row.field}`)) row.settled = { by: 'precedence', source: higher };
    }
  }
}
