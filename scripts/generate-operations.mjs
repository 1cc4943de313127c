#!/usr/bin/env node
// Generates packages/client/src/generated/{operations.ts,methods.ts,webhooks.ts} from the bundled
// spec: what the client needs at run time and at type-check time that only the spec knows.
//
// - operations.ts: every operation by method and path template, with its operationId,
//   `x-idempotent` (may the client send it twice?), `deprecated` and whether it answers without
//   ClickSend's envelope (`x-clicksend-envelope: false`). The client resolves the URL it is about
//   to send against these templates, so a filled-in path (`/v3/recharge/purchase/7`) is known
//   for what it is, and a path outside the spec is never retried.
// - methods.ts: one interface per HTTP method mapping each path to its operation's types, so a
//   call is checked against the paths of its method only (no inference over the whole spec).
// - webhooks.ts: for every entry of the spec's `webhooks:`, the fields of its payload (types,
//   required ones, tag values) and the delivery forms it uses, so `parseWebhook` recognises new
//   callbacks without code changes.
//
// All three are committed and drift-checked like the other generated files.
import { join } from "node:path";
import { isMain } from "./lib/cli.mjs";
import { listOperations, resolvePointer } from "./lib/openapi-walk.mjs";
import { header, readBundle, repoRoot, writeFileAtomic } from "./lib/generated.mjs";

const outDir = join(repoRoot, "packages/client/src/generated");

/** Resolves local `$ref`s and merges `allOf`, enough for the flat objects webhooks carry. */
export function resolveSchema(spec, schema, where, seen = new Set()) {
  if (!schema || typeof schema !== "object") throw new Error(`${where}: expected a schema object`);
  if (schema.$ref) {
    const ref = schema.$ref;
    if (!ref.startsWith("#/")) throw new Error(`${where}: only local $refs are supported, got ${ref}`);
    if (seen.has(ref)) throw new Error(`${where}: circular $ref ${ref}`);
    const target = resolvePointer(spec, ref);
    if (!target) throw new Error(`${where}: unresolved $ref ${ref}`);
    return resolveSchema(spec, target, where, new Set([...seen, ref]));
  }
  if (schema.allOf) {
    const merged = { type: "object", properties: {}, required: [], additionalProperties: schema.additionalProperties };
    for (const part of schema.allOf) {
      const r = resolveSchema(spec, part, where, seen);
      Object.assign(merged.properties, r.properties ?? {});
      merged.required.push(...(r.required ?? []));
      if (r.additionalProperties !== undefined && merged.additionalProperties === undefined) {
        merged.additionalProperties = r.additionalProperties;
      }
    }
    Object.assign(merged.properties, schema.properties ?? {});
    merged.required.push(...(schema.required ?? []));
    return merged;
  }
  if (schema.oneOf || schema.anyOf) {
    throw new Error(`${where}: oneOf/anyOf payloads are not supported by parseWebhook; describe one object per webhook`);
  }
  return schema;
}

/** The JSON types a field may take; `anyOf`/`oneOf` members (e.g. string or integer) are merged. */
function jsonTypes(spec, schema, where) {
  const deref = (node, seen = new Set()) => {
    if (!node?.$ref) return node ?? {};
    if (seen.has(node.$ref)) throw new Error(`${where}: circular $ref ${node.$ref}`);
    return deref(resolveSchema(spec, { $ref: node.$ref }, where), new Set([...seen, node.$ref]));
  };
  const s = deref(schema);
  const members = s.anyOf ?? s.oneOf;
  const types = members
    ? members.flatMap((m) => jsonTypes(spec, m, where))
    : Array.isArray(s.type)
      ? [...s.type]
      : s.type
        ? [s.type]
        : s.allOf
          ? jsonTypes(spec, resolveSchema(spec, s, where), where)
          : [];
  if (s.enum?.some((v) => v === null) || s.nullable === true) types.push("null");
  return [...new Set(types)];
}

/** A field's fixed value, when the schema pins one (`const`, or an `enum` of one value). */
function pinnedValue(s) {
  if (s.const !== undefined) return s.const;
  if (Array.isArray(s.enum) && s.enum.length === 1) return s.enum[0];
  return undefined;
}

export function collectOperations(spec) {
  const rows = [];
  for (const { key: where, operation: op } of listOperations(spec)) {
    if (typeof op.operationId !== "string" || op.operationId === "") throw new Error(`${where} has no operationId`);
    if (typeof op["x-idempotent"] !== "boolean") {
      throw new Error(`${where} (${op.operationId}) has no boolean x-idempotent; the client cannot tell whether it may retry it`);
    }
    rows.push({
      key: where,
      operationId: op.operationId,
      idempotent: op["x-idempotent"],
      deprecated: op.deprecated === true,
      bare: op["x-clicksend-envelope"] === false,
    });
  }
  rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return rows;
}

export function collectWebhooks(spec) {
  const out = {};
  for (const [name, item] of Object.entries(spec.webhooks ?? {})) {
    const forms = [];
    let schema;
    const post = item.post;
    if (post) {
      const content = post.requestBody?.content ?? {};
      if (content["application/x-www-form-urlencoded"]) forms.push("post");
      if (content["application/json"]) forms.push("json");
      schema = content["application/json"]?.schema ?? content["application/x-www-form-urlencoded"]?.schema;
    }
    const get = item.get;
    if (get) {
      const query = (get.parameters ?? []).find((p) => p.in === "query" && p.schema && p.style === "form" && p.explode !== false);
      if (query) {
        forms.push("get");
        schema ??= query.schema;
      }
    }
    if (!schema) throw new Error(`webhook ${name}: no form, JSON or query payload schema found`);
    const where = `webhook ${name}`;
    const s = resolveSchema(spec, schema, where);
    const fields = {};
    const tags = {};
    for (const [field, fieldSchema] of Object.entries(s.properties ?? {})) {
      fields[field] = jsonTypes(spec, fieldSchema, `${where}.${field}`);
      const resolved = fieldSchema.$ref ? resolveSchema(spec, fieldSchema, `${where}.${field}`) : fieldSchema;
      const pinned = pinnedValue(resolved);
      if (typeof pinned === "string") tags[field] = pinned;
    }
    out[name] = {
      required: [...(s.required ?? [])],
      fields,
      tags,
      open: s.additionalProperties !== undefined && s.additionalProperties !== false,
      forms,
    };
  }
  return out;
}

function renderOperations(rows, info) {
  const byMethod = new Map();
  for (const r of rows) {
    const [method, path] = r.key.split(" ");
    if (!byMethod.has(method)) byMethod.set(method, []);
    const facts = [`operationId: ${JSON.stringify(r.operationId)}`, `idempotent: ${r.idempotent}`];
    if (r.deprecated) facts.push("deprecated: true");
    if (r.bare) facts.push("envelope: false");
    byMethod.get(method).push(`    ${JSON.stringify(path)}: { ${facts.join(", ")} },`);
  }
  const methods = [...byMethod].map(([method, lines]) => `  ${method}: {\n${lines.join("\n")}\n  },`);
  return (
    header("generate-operations.mjs", info) +
    `
import type { OperationTable } from "../operation-table.js";

/**
 * Every operation of the spec, by method and path template. \`idempotent\` is the spec's
 * \`x-idempotent\` (safe to send twice, so the client may retry it); \`envelope: false\` marks the
 * operations that answer with the object itself (or no body) instead of ClickSend's envelope.
 * ${rows.length} operations.
 */
export const operations: OperationTable = {
${methods.join("\n")}
};
`
  );
}

/** The per-method path maps: `PostPaths["/v3/sms/send"]` is `operations["sendSms"]`. */
function renderMethods(rows, info) {
  const byMethod = new Map();
  for (const r of rows) {
    const [method, path] = r.key.split(" ");
    if (!byMethod.has(method)) byMethod.set(method, []);
    byMethod.get(method).push(`  ${JSON.stringify(path)}: operations[${JSON.stringify(r.operationId)}];`);
  }
  const name = (method) => `${method[0]}${method.slice(1).toLowerCase()}Paths`;
  const blocks = [...byMethod].map(
    ([method, lines]) => `/** The paths with a ${method} operation, each to its operation's types. */\nexport interface ${name(method)} {\n${lines.join("\n")}\n}`,
  );
  const all = ["GET", "PUT", "POST", "DELETE", "PATCH"];
  const missing = all.filter((m) => !byMethod.has(m)).map((m) => `/** No operation of the spec uses ${m}. */\nexport interface ${name(m)} {}`);
  return (
    header("generate-operations.mjs", info) +
    `
import type { operations } from "@clicksend-kit/types";

${[...blocks, ...missing].join("\n\n")}

/** The path maps by openapi-fetch's method name. */
export interface MethodPaths {
${all.map((m) => `  ${m.toLowerCase()}: ${name(m)};`).join("\n")}
}
`
  );
}

function renderShapes(hooks) {
  const j = (v) => JSON.stringify(v);
  return Object.entries(hooks)
    .map(([name, h]) => {
      const fields = Object.entries(h.fields).map(([f, t]) => `      ${j(f)}: ${j(t)},`);
      return [
        `  ${j(name)}: {`,
        `    required: ${j(h.required)},`,
        `    fields: {`,
        ...fields,
        `    },`,
        `    tags: ${j(h.tags)},`,
        `    open: ${h.open},`,
        `    forms: ${j(h.forms)},`,
        `  },`,
      ].join("\n");
    })
    .join("\n");
}

function renderWebhooks(hooks, info) {
  return (
    header("generate-operations.mjs", info) +
    `
import type { WebhookShape } from "../webhook-shape.js";

/** Every entry of the spec's \`webhooks:\`, by name. */
export const webhookShapes = {
${renderShapes(hooks)}
} as const satisfies { readonly [name: string]: WebhookShape };
`
  );
}

function main() {
  try {
    const { spec, info } = readBundle();
    const rows = collectOperations(spec);
    const hooks = collectWebhooks(spec);
    writeFileAtomic(join(outDir, "operations.ts"), renderOperations(rows, info));
    writeFileAtomic(join(outDir, "methods.ts"), renderMethods(rows, info));
    writeFileAtomic(join(outDir, "webhooks.ts"), renderWebhooks(hooks, info));
    console.log(
      `client metadata generated from ${info.title} ${info.version}: ${rows.length} operations ` +
        `(${rows.filter((r) => !r.idempotent).length} not idempotent), ${Object.keys(hooks).length} webhooks`,
    );
  } catch (err) {
    console.error(`generate-operations: ${err instanceof Error ? err.message : err}`);
    process.exitCode = 1;
  }
}

if (isMain(import.meta.url)) main();
