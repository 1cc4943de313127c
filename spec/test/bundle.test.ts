import { describe, expect, it } from "vitest";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { deref, operations, spec, type Json } from "./bundle.js";

// Checks over the whole bundle that Redocly's rules do not make: the conventions of
// spec/README.md, and every example validated against its own schema with a JSON Schema
// 2020-12 validator (OpenAPI 3.1 schemas are 2020-12).
const ERROR_CODES = ["400", "401", "403", "404", "405", "429", "500"];

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
// Register the bundle so `#/components/...` refs inside schemas resolve against it.
ajv.addSchema({ $id: "clicksend.json", components: spec.components }, "clicksend.json");

// Compiling is the slow part and most schemas repeat (error responses, shared components).
const compiled = new Map<string, ReturnType<typeof ajv.compile>>();
function validatorFor(schema: Json) {
  const text = JSON.stringify(schema).replaceAll('"#/components/', '"clicksend.json#/components/');
  let validate = compiled.get(text);
  if (!validate) compiled.set(text, (validate = ajv.compile(JSON.parse(text))));
  return validate;
}

function check(where: string, schema: Json | undefined, example: unknown): string[] {
  if (!schema || example === undefined) return [];
  const validate = validatorFor(schema);
  return validate(example) ? [] : [`${where}: ${ajv.errorsText(validate.errors)}`];
}

/**
 * Fields an example has that its schema never declares. JSON Schema lets undeclared fields
 * through unless `additionalProperties: false`, and through `allOf` even Redocly's check misses
 * them, so a typo in an example would pass; this walks schema and example together instead.
 * Members of allOf/anyOf/oneOf count together (lenient for unions, strict for typos).
 */
function undeclared(schema: Json | undefined, value: unknown, at: string, out: string[]): void {
  if (!schema || value === null || typeof value !== "object") return;
  const members: Json[] = [];
  const flatten = (node: Json | undefined) => {
    const s = node && deref(node);
    if (!s || typeof s !== "object") return;
    members.push(s);
    for (const key of ["allOf", "anyOf", "oneOf"]) for (const sub of s[key] ?? []) flatten(sub);
  };
  flatten(schema);
  if (Array.isArray(value)) {
    const items = members.map((m) => m.items).filter(Boolean);
    value.forEach((v, i) => undeclared({ allOf: items }, v, `${at}[${i}]`, out));
    return;
  }
  const declared = new Map<string, Json[]>();
  for (const m of members) for (const [k, v] of Object.entries<Json>(m.properties ?? {})) declared.set(k, [...(declared.get(k) ?? []), v]);
  const extra = members.map((m) => m.additionalProperties).filter((a) => a && typeof a === "object");
  const open = declared.size === 0 || members.some((m) => m.additionalProperties === true || m.patternProperties);
  for (const [key, v] of Object.entries(value as Json)) {
    const known = declared.get(key);
    if (known) undeclared({ allOf: known }, v, `${at}.${key}`, out);
    else if (extra.length) undeclared({ allOf: extra }, v, `${at}.${key}`, out);
    else if (!open) out.push(`${at}.${key}`);
  }
}

function examples(): { where: string; schema: Json; example: unknown }[] {
  const out: { where: string; schema: Json; example: unknown }[] = [];
  for (const { where, op } of [...operations("paths"), ...operations("webhooks")]) {
    for (const [code, response] of Object.entries<Json>(op.responses ?? {})) {
      for (const [type, media] of Object.entries<Json>(deref(response).content ?? {})) {
        if (media.example !== undefined) out.push({ where: `${where} ${code} ${type}`, schema: media.schema, example: media.example });
      }
    }
    for (const [type, media] of Object.entries<Json>((op.requestBody && deref(op.requestBody).content) ?? {})) {
      if (media.example !== undefined) out.push({ where: `${where} request ${type}`, schema: media.schema, example: media.example });
    }
  }
  return out;
}

/** A success with no body: 204, or a 200 without content. */
function bodyless(op: Json): boolean {
  const ok = op.responses?.["200"];
  return (!ok && Boolean(op.responses?.["204"])) || (Boolean(ok) && !deref(ok).content);
}

const paths = operations("paths");
const webhooks = operations("webhooks");

describe("the bundled spec", () => {
  it("is OpenAPI 3.1 with operations and webhooks", () => {
    expect(spec.openapi).toBe("3.1.0");
    expect(paths.length).toBeGreaterThan(0);
    expect(webhooks.length).toBeGreaterThan(0);
  });

  it("gives every operation a unique camelCase operationId, one tag, and a boolean x-idempotent", () => {
    const problems: string[] = [];
    const seen = new Map<string, string>();
    for (const { where, op } of [...paths, ...webhooks]) {
      if (!/^[a-z][A-Za-z0-9]*$/.test(op.operationId ?? "")) problems.push(`${where}: operationId ${op.operationId} is not camelCase`);
      if (seen.has(op.operationId)) problems.push(`${where}: operationId ${op.operationId} also used by ${seen.get(op.operationId)}`);
      seen.set(op.operationId, where);
      if (op.tags?.length !== 1) problems.push(`${where}: needs exactly one tag`);
      if (typeof op["x-idempotent"] !== "boolean") problems.push(`${where}: x-idempotent must be true or false`);
      if (!op.summary || !op.description) problems.push(`${where}: needs a summary and a description`);
    }
    expect(problems).toEqual([]);
  });

  it("never marks a POST that creates or sends as idempotent by accident", () => {
    // A POST may be idempotent when it only prices, or when its description says why.
    const suspicious = paths
      .filter(({ where, op }) => where.includes(" POST ") && op["x-idempotent"] === true)
      .filter(({ op }) => !/price|quote|calculate/i.test(op.operationId) && !op.description.includes("Idempotent although it is a POST"))
      .map(({ where }) => where);
    expect(suspicious).toEqual([]);
  });

  it("gives every API operation a typed 200 with an example and the shared error responses", () => {
    const problems: string[] = [];
    for (const { where, op } of paths) {
      const ok = op.responses?.["200"]?.content?.["application/json"];
      if (bodyless(op)) {
        // A call ClickSend answers with no body (204, or 200 with nothing): it must say so.
        if (op["x-clicksend-envelope"] !== false) problems.push(`${where}: a success without a body needs x-clicksend-envelope: false`);
      } else {
        if (!ok?.schema) problems.push(`${where}: no JSON 200 schema`);
        if (ok?.example === undefined) problems.push(`${where}: no 200 example`);
      }
      for (const code of ERROR_CODES) {
        if (!op.responses?.[code]) problems.push(`${where}: no ${code} response`);
      }
      const body = op.requestBody && deref(op.requestBody).content?.["application/json"];
      if (body && body.example === undefined) problems.push(`${where}: request body has no example`);
    }
    expect(problems).toEqual([]);
  });

  it("gives `data` a real shape in every 200 response (never an untyped object)", () => {
    const problems: string[] = [];
    for (const { where, op } of paths) {
      if (op["x-clicksend-envelope"] === false) {
        // ClickSend's newer endpoints (own numbers, alpha tags) answer with the object itself.
        if (bodyless(op)) continue;
        const schema = op.responses["200"].content["application/json"].schema;
        const refs = JSON.stringify(schema.allOf ?? []);
        const resolved = deref(schema);
        if (refs.includes("/Envelope")) problems.push(`${where}: x-clicksend-envelope: false but the 200 schema uses Envelope`);
        else if (!resolved.properties && !resolved.allOf) problems.push(`${where}: bare 200 body has no shape`);
        continue;
      }
      const schema = op.responses["200"].content["application/json"].schema;
      const dataSchema = schema.allOf?.[1]?.properties?.data;
      if (!dataSchema) {
        problems.push(`${where}: 200 schema is not Envelope + data`);
        continue;
      }
      const resolved = deref(dataSchema);
      const untyped = resolved.type === "object" && !resolved.properties && !resolved.additionalProperties && !resolved.allOf;
      if (untyped || Object.keys(resolved).length === 0) problems.push(`${where}: data has no shape`);
    }
    expect(problems).toEqual([]);
  });

  it("has request, response and parameter examples that validate against their own schemas", () => {
    const problems: string[] = [];
    for (const { where, op, pathParams } of [...paths, ...webhooks]) {
      for (const [code, response] of Object.entries<Json>(op.responses ?? {})) {
        for (const [type, media] of Object.entries<Json>(deref(response).content ?? {})) {
          problems.push(...check(`${where} ${code} ${type}`, media.schema, media.example));
        }
      }
      if (op.requestBody) {
        for (const [type, media] of Object.entries<Json>(deref(op.requestBody).content ?? {})) {
          problems.push(...check(`${where} request ${type}`, media.schema, media.example));
        }
      }
      for (const param of [...pathParams, ...(op.parameters ?? [])].map((p) => deref(p))) {
        problems.push(...check(`${where} parameter ${param.name}`, param.schema, param.example));
      }
    }
    expect(problems).toEqual([]);
  });

  it("catches an example that breaks its schema (the validator is live)", () => {
    const op = paths.find((p) => p.op.operationId === "sendSms")!.op;
    const media = op.responses["200"].content["application/json"];
    const broken = structuredClone(media.example);
    broken.data.total_price = "free";
    expect(check("sendSms", media.schema, broken)).toHaveLength(1);
  });

  it("has no example field that its schema does not declare", () => {
    const problems: string[] = [];
    for (const { where, schema, example } of examples()) {
      const found: string[] = [];
      undeclared(schema, example, "example", found);
      if (found.length) problems.push(`${where}: ${found.join(", ")}`);
    }
    expect(problems).toEqual([]);
  });

  it("catches an undeclared example field inside allOf (the walker is live)", () => {
    const op = paths.find((p) => p.op.operationId === "listSmsHistory")!.op;
    const media = op.responses["200"].content["application/json"];
    const broken = structuredClone(media.example);
    broken.data.data[0].statsu = "Sent";
    const found: string[] = [];
    undeclared(media.schema, broken, "example", found);
    expect(found).toEqual(["example.data.data[0].statsu"]);
  });

  it("stays within what code generators of other languages handle", () => {
    // oapi-codegen fails on a `type` list of several non-null types (use anyOf), and
    // openapi-python-client drops an array schema without `items`; see polyglot/README.md.
    const problems: string[] = [];
    const walk = (node: unknown, at: string, inExample: boolean): void => {
      if (Array.isArray(node)) return node.forEach((v, i) => walk(v, `${at}/${i}`, inExample));
      if (!node || typeof node !== "object") return;
      const n = node as Json;
      if (!inExample) {
        if (Array.isArray(n.type) && n.type.filter((t: string) => t !== "null").length > 1) problems.push(`${at}: type list ${JSON.stringify(n.type)}`);
        const isArray = n.type === "array" || (Array.isArray(n.type) && n.type.includes("array"));
        if (isArray && !("items" in n) && !("prefixItems" in n)) problems.push(`${at}: array without items`);
      }
      for (const [k, v] of Object.entries(n)) walk(v, `${at}/${k}`, inExample || k === "example" || k === "examples");
    };
    walk(spec, "#", false);
    expect(problems).toEqual([]);
  });

  it("marks deprecated operations in their description too", () => {
    const undocumented = paths
      .filter(({ op }) => op.deprecated && !/legacy|deprecated/i.test(op.description))
      .map(({ where }) => where);
    expect(undocumented).toEqual([]);
  });
});
