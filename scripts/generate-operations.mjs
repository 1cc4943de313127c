#!/usr/bin/env node
// Generates packages/client/src/generated/{idempotency.ts,envelope.ts,operations.ts,webhooks.ts} from the
// bundled spec: what the client needs at run time that only the spec knows.
//
// - idempotency.ts: the operations whose `x-idempotent` differs from what HTTP defines for their
//   method (RFC 9110: GET, HEAD, OPTIONS, PUT, DELETE are idempotent; POST, PATCH are not), e.g.
//   `POST /v3/sms/price` (safe) or a PUT that purchases (not safe). With the method this decides
//   every retry, and it stays small however large the spec grows, so it ships with every call.
// - operations.ts: for every operation, `"METHOD /path/template"` → operationId and flags
//   (`x-idempotent`, `deprecated`). The client loads it only when it names an operation (in an
//   error or a log line), so it is not part of what loads to send a message.
// Both are keyed by the template path because that is what a call names
// (`client.POST("/v3/sms/send")`), so a lookup needs no pattern matching.
// - envelope.ts: the operations that answer without ClickSend's envelope (`x-clicksend-envelope: false`).
// - webhooks.ts: for every entry of the spec's `webhooks:`, the fields of its payload (types,
//   required ones, tag values) and the delivery forms it uses, so `parseWebhook` recognises new
//   callbacks without code changes.
//
// Both files are committed and drift-checked like the other generated files.
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

/** HTTP's own answer (RFC 9110 §9.2.2): which methods are idempotent. */
export const idempotentMethod = (method) => !["POST", "PATCH"].includes(method);

function renderIdempotency(rows, info) {
  const exceptions = rows.filter((r) => idempotentMethod(r.key.split(" ")[0]) !== r.idempotent);
  const lines = exceptions.map((r) => `  ${JSON.stringify(r.key)}: ${r.idempotent}, // ${r.operationId}`);
  return (
    header("generate-operations.mjs", info) +
    `
/**
 * The operations whose \`x-idempotent\` differs from HTTP's definition of their method (RFC 9110:
 * GET, HEAD, OPTIONS, PUT and DELETE are idempotent, POST and PATCH are not). Every other
 * operation of the spec is idempotent exactly when its method is. ${rows.length} operations, ${exceptions.length} exceptions.
 */
export const idempotencyExceptions: { readonly [key: string]: boolean } = {
${lines.join("\n")}
};
`
  );
}

function renderEnvelope(rows, info) {
  const bare = rows.filter((r) => r.bare).map((r) => `  ${JSON.stringify(r.key)}, // ${r.operationId}`);
  return (
    header("generate-operations.mjs", info) +
    `
/**
 * Operations ClickSend answers with the object itself (or no body), not its
 * \`{ http_code, response_code, response_msg, data }\` envelope: \`x-clicksend-envelope: false\`
 * in the spec. Every other success must be an envelope.
 */
export const bareOperations: ReadonlySet<string> = new Set([
${bare.join("\n")}
]);
`
  );
}

function renderOperations(rows, info) {
  const lines = rows.map((r) => {
    const flags = (r.idempotent ? 1 : 0) | (r.deprecated ? 2 : 0);
    return `  ${JSON.stringify(r.key)}: [${JSON.stringify(r.operationId)}, ${flags}],`;
  });
  return (
    header("generate-operations.mjs", info) +
    `
/**
 * Every operation of the spec, keyed by \`"METHOD /path/template"\` (the path as a call names it):
 * \`[operationId, flags]\`, where flag 1 = \`x-idempotent: true\` (safe to send twice, so the client
 * may retry it) and flag 2 = \`deprecated: true\`.
 */
export const operations: { readonly [key: string]: readonly [operationId: string, flags: number] } = {
${lines.join("\n")}
};
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
import type { WebhookShape } from "../core/webhook-shape.js";

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
    writeFileAtomic(join(outDir, "idempotency.ts"), renderIdempotency(rows, info));
    writeFileAtomic(join(outDir, "operations.ts"), renderOperations(rows, info));
    writeFileAtomic(join(outDir, "envelope.ts"), renderEnvelope(rows, info));
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
