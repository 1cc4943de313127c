// Reading the bundled spec the way the docs need it: operations and webhooks in document order,
// local `$ref`s followed, path-level and operation parameters merged. Node built-ins only.

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** The node a local `$ref` (`#/components/schemas/X`) points at; throws naming a broken one. */
export function resolveRef(spec, ref) {
  const node = ref
    .slice(2)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((n, key) => n?.[key], spec);
  if (node === undefined) throw new Error(`the bundle has no ${ref}`);
  return node;
}

/** Follows `$ref`s until a node without one. */
export function deref(spec, node) {
  while (node && typeof node === 'object' && typeof node.$ref === 'string') node = resolveRef(spec, node.$ref);
  return node;
}

/**
 * Every operation of `spec.paths` and every webhook of `spec.webhooks`, in document order:
 * `{ section, path, method, operation, parameters, tag }`, parameters resolved and merged
 * (an operation's own parameter replaces a path-level one of the same name and place).
 */
export function listOperations(spec) {
  const out = [];
  for (const section of ['paths', 'webhooks']) {
    for (const [path, item] of Object.entries(spec[section] ?? {})) {
      for (const method of METHODS) {
        const operation = item[method];
        if (!operation) continue;
        const merged = new Map();
        for (const p of [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((p) => deref(spec, p))) {
          merged.set(`${p.in}:${p.name}`, p);
        }
        out.push({ section, path, method, operation, parameters: [...merged.values()], tag: operation.tags?.[0] });
      }
    }
  }
  return out;
}

/** The JSON request body's media type object, or undefined. */
export function jsonBody(spec, operation) {
  const body = deref(spec, operation.requestBody);
  return body?.content?.['application/json'];
}

/** The example of a media type or parameter: `example`, else the first of `examples`. */
export function exampleOf(spec, node) {
  if (!node) return undefined;
  if (node.example !== undefined) return node.example;
  const first = Object.values(node.examples ?? {})[0];
  if (first) return deref(spec, first).value;
  return deref(spec, node.schema)?.example;
}
