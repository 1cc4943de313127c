// The one way repo scripts and tests walk an OpenAPI (or Swagger 2.0) document: which Path Item
// keys are operations, how to list operations, how to follow a local `$ref`.
// Node built-ins only, so any script or test can import it.

/** OpenAPI Path Item fields that are operations, in the order scripts print them. */
export const HTTP_METHODS = Object.freeze(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

const METHOD_SET = new Set(HTTP_METHODS);

/** True when `key` of a Path Item names an operation. */
export function isHttpMethod(key) {
  return METHOD_SET.has(key);
}

/**
 * Every operation of `doc[section]` (`paths` or `webhooks`) in document order:
 * `{ section, path, method, key: "POST /v3/sms/send", operation, pathItem }`.
 * Path-level `parameters` stay on `pathItem`; use `operationParameters` to merge them.
 */
export function listOperations(doc, section = 'paths') {
  const out = [];
  for (const [path, pathItem] of Object.entries(doc?.[section] ?? {})) {
    if (!pathItem || typeof pathItem !== 'object') continue;
    for (const [method, operation] of Object.entries(pathItem)) {
      if (!isHttpMethod(method) || !operation || typeof operation !== 'object') continue;
      out.push({ section, path, method, key: `${method.toUpperCase()} ${path}`, operation, pathItem });
    }
  }
  return out;
}

/** Decodes one JSON Pointer token (`~1` → `/`, `~0` → `~`). */
export function decodePointerToken(token) {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The node a local `$ref` (`#/components/schemas/X`) points at, or undefined. */
export function resolvePointer(doc, ref) {
  if (typeof ref !== 'string' || !ref.startsWith('#')) return undefined;
  if (ref === '#') return doc;
  return ref
    .slice(2)
    .split('/')
    .map(decodePointerToken)
    .reduce((node, token) => (node == null ? undefined : node[token]), doc);
}

/**
 * Follows `$ref`s until a node without one. Throws naming `where` on a ref that is not local,
 * does not resolve, or loops.
 */
export function deref(doc, node, where = 'document') {
  const seen = new Set();
  let current = node;
  while (current && typeof current === 'object' && typeof current.$ref === 'string') {
    const ref = current.$ref;
    if (!ref.startsWith('#')) throw new Error(`${where}: only local $refs are supported, got ${ref}`);
    if (seen.has(ref)) throw new Error(`${where}: circular $ref ${ref}`);
    seen.add(ref);
    const target = resolvePointer(doc, ref);
    if (target === undefined) throw new Error(`${where}: unresolved $ref ${ref}`);
    current = target;
  }
  return current;
}

/** An operation's parameters with the Path Item's merged in (the operation's win), `$ref`s resolved. */
export function operationParameters(doc, { pathItem, operation, key }) {
  const byId = new Map();
  for (const raw of [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])]) {
    const parameter = deref(doc, raw, key);
    byId.set(`${parameter.in}:${parameter.name}`, parameter);
  }
  return [...byId.values()];
}
