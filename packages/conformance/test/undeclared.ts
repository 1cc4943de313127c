// What Prism cannot see: a query parameter or body field the SDK sends that the spec does not
// declare. Prism accepts unknown query parameters and, as our schemas are open (no
// `additionalProperties: false`), unknown body fields; ClickSend ignores what it does not know, so
// such a value is silently lost. This walks the operation's parameters and request schema and names
// every sent field that none of them declares.
import { readFileSync } from "node:fs";
import { parse } from "yaml";

type Json = Record<string, unknown>;

export interface SpecIndex {
  /** The operation matching a method and a path (`/v3/...`, no query), as Prism would route it. */
  find(method: string, path: string): { template: string; operation: Json; pathItem: Json } | undefined;
  deref(node: unknown): Json;
}

export function loadSpec(file: string): SpecIndex {
  const doc = parse(readFileSync(file, "utf8")) as Json;
  const deref = (node: unknown): Json => {
    let current = node as Json;
    const seen = new Set<string>();
    while (current && typeof current === "object" && typeof current.$ref === "string") {
      const ref = current.$ref;
      if (!ref.startsWith("#/") || seen.has(ref)) throw new Error(`cannot resolve ${ref} in ${file}`);
      seen.add(ref);
      current = ref
        .slice(2)
        .split("/")
        .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
        .reduce<unknown>((acc, key) => (acc as Json)[key], doc) as Json;
    }
    return current;
  };
  const routes = Object.entries((doc.paths ?? {}) as Record<string, Json>).map(([template, item]) => {
    const segments = template.split("/");
    const regex = new RegExp(`^${segments.map((s) => (/^\{[^}]+\}$/.test(s) ? "[^/]+" : s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))).join("/")}/?$`);
    const literal = segments.filter((s) => !s.startsWith("{")).length;
    return { template, item: deref(item), regex, literal };
  });
  return {
    deref,
    find(method, path) {
      const candidates = routes
        .filter((r) => r.regex.test(path) && r.item[method.toLowerCase()])
        .sort((a, b) => b.literal - a.literal);
      const best = candidates[0];
      if (!best) return undefined;
      return { template: best.template, pathItem: best.item, operation: deref(best.item[method.toLowerCase()]) };
    },
  };
}

/** Every property name a schema declares at this level (through allOf/oneOf/anyOf), or null if it is open. */
function declaredProperties(spec: SpecIndex, schemaNode: unknown, depth = 0): Map<string, unknown[]> | null {
  const schema = spec.deref(schemaNode);
  if (!schema || typeof schema !== "object" || depth > 20) return null;
  const out = new Map<string, unknown[]>();
  let closedSomewhere = false;
  const add = (name: string, sub: unknown) => out.set(name, [...(out.get(name) ?? []), sub]);
  if (schema.properties && typeof schema.properties === "object") {
    closedSomewhere = true;
    for (const [name, sub] of Object.entries(schema.properties as Json)) add(name, sub);
  }
  for (const key of ["allOf", "oneOf", "anyOf"] as const) {
    for (const part of (schema[key] as unknown[] | undefined) ?? []) {
      const inner = declaredProperties(spec, part, depth + 1);
      if (inner === null) continue;
      closedSomewhere = true;
      for (const [name, subs] of inner) for (const sub of subs) add(name, sub);
    }
  }
  // A schema that lists no properties, or explicitly allows others, declares nothing to hold fields to.
  if (!closedSomewhere) return null;
  if (schema.additionalProperties && schema.additionalProperties !== false) return null;
  return out;
}

function itemSchemas(spec: SpecIndex, schemas: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const node of schemas) {
    const schema = spec.deref(node);
    if (schema?.items) out.push(schema.items);
    for (const key of ["allOf", "oneOf", "anyOf"] as const) {
      for (const part of (schema?.[key] as unknown[] | undefined) ?? []) out.push(...itemSchemas(spec, [part]));
    }
  }
  return out;
}

/** Body fields (as `messages[].from_email`) that no schema among `schemas` declares. */
function undeclaredFields(spec: SpecIndex, value: unknown, schemas: unknown[], at: string, out: string[]): void {
  if (Array.isArray(value)) {
    const items = itemSchemas(spec, schemas);
    if (items.length === 0) return;
    for (const element of value) undeclaredFields(spec, element, items, `${at}[]`, out);
    return;
  }
  if (!value || typeof value !== "object") return;
  const merged = new Map<string, unknown[]>();
  for (const schema of schemas) {
    const props = declaredProperties(spec, schema);
    if (props === null) return; // open at this level
    for (const [name, subs] of props) merged.set(name, [...(merged.get(name) ?? []), ...subs]);
  }
  for (const [name, child] of Object.entries(value as Json)) {
    const path = at ? `${at}.${name}` : name;
    const subs = merged.get(name);
    if (!subs) {
      if (!out.includes(path)) out.push(path);
      continue;
    }
    undeclaredFields(spec, child, subs, path, out);
  }
}

/** Query parameters and body fields of a request that its operation in the spec does not declare. */
export function undeclared(spec: SpecIndex, method: string, url: string, body: string): string[] {
  const parsed = new URL(url, "http://sdk.invalid");
  const match = spec.find(method, decodeURIComponent(parsed.pathname));
  if (!match) return [];
  const params = [...((match.pathItem.parameters as unknown[]) ?? []), ...((match.operation.parameters as unknown[]) ?? [])].map(spec.deref);
  const queryNames = new Set(params.filter((p) => p.in === "query").map((p) => String(p.name)));
  const out: string[] = [];
  for (const name of new Set(parsed.searchParams.keys())) if (!queryNames.has(name)) out.push(`query ${name}`);
  if (body) {
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      return out;
    }
    const requestBody = match.operation.requestBody ? spec.deref(match.operation.requestBody) : undefined;
    const schema = (requestBody?.content as Record<string, { schema?: unknown }> | undefined)?.["application/json"]?.schema;
    if (schema) {
      const fields: string[] = [];
      undeclaredFields(spec, value, [schema], "", fields);
      out.push(...fields.map((f) => `body ${f}`));
    }
  }
  return out;
}
