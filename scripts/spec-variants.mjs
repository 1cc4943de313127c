// The variants of the bundled spec that @clicksend-kit/openapi ships beside the OpenAPI 3.1
// bundle, for tools that read only OpenAPI 3.0 or cannot follow `$ref`s:
//
//   openapi-3.0.{json,yaml}    OpenAPI 3.0.3, by @apiture/openapi-down-convert
//   openapi.dereferenced.json  OpenAPI 3.1 with every `$ref` replaced by its target, by
//                              @apidevtools/json-schema-ref-parser
//
// bundle-spec.mjs calls buildVariants() on the bundle it has just made and writes the results in
// the same all-or-nothing step. Each variant is checked by @seriousme/openapi-schema-validator
// against the official schema of its own OpenAPI version before it is returned.
import { createRequire } from "node:module";
import { join } from "node:path";
import { repoRoot } from "./lib/cli.mjs";

const require = createRequire(join(repoRoot, "spec", "package.json"));
const { Converter } = require("@apiture/openapi-down-convert");
const { dereference } = require("@apidevtools/json-schema-ref-parser");
const { Validator } = require("@seriousme/openapi-schema-validator");

const clone = (value) => structuredClone(value);
const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
const isNullSchema = (schema) => isObject(schema) && schema.type === "null" && Object.keys(schema).every((k) => k === "type" || k === "description");

/** Calls visit(schemaLike, parent, key) on every object in the document, depth first, children before parents. */
function walkObjects(node, visit, parent = undefined, key = undefined) {
  if (Array.isArray(node)) node.forEach((item, i) => walkObjects(item, visit, node, i));
  else if (isObject(node)) {
    for (const [k, v] of Object.entries(node)) walkObjects(v, visit, node, k);
    visit(node, parent, key);
  }
}

/**
 * Rewrites what OpenAPI 3.0 cannot say and the converter leaves as it is, into the form 3.0 tools
 * read, counting each rewrite under the name the package README uses:
 * - an anyOf/oneOf branch `{type: "null"}` becomes `nullable: true` (on the one remaining branch,
 *   or on an `allOf` wrapper of a lone `$ref`, or beside the remaining branches);
 * - a schema that is only `{type: "null"}` ("always null") becomes `nullable: true` with no type;
 * - numeric `exclusiveMinimum`/`exclusiveMaximum` become `minimum`/`maximum` with the 3.0 boolean;
 * - `dependentRequired` has no 3.0 keyword: kept as `x-dependentRequired`, which no 3.0 validator checks;
 * - `info.summary` becomes `x-summary`.
 */
function rewriteBeyondConverter(doc, count) {
  walkObjects(doc, (schema, parent, key) => {
    for (const keyword of ["anyOf", "oneOf"]) {
      const branches = schema[keyword];
      if (!Array.isArray(branches) || !branches.some(isNullSchema)) continue;
      const rest = branches.filter((b) => !isNullSchema(b));
      count("null branch of anyOf/oneOf → nullable: true");
      delete schema[keyword];
      if (rest.length === 1 && rest[0].$ref) Object.assign(schema, { allOf: [rest[0]], nullable: true });
      else if (rest.length === 1) Object.assign(schema, rest[0], { nullable: true });
      else Object.assign(schema, { [keyword]: rest, nullable: true });
    }
    if (schema.type === "null" && parent && key !== undefined && !Array.isArray(parent)) {
      count('type "null" (always null) → nullable: true, any type');
      delete schema.type;
      schema.nullable = true;
    }
    for (const [exclusive, bound] of [["exclusiveMinimum", "minimum"], ["exclusiveMaximum", "maximum"]]) {
      if (typeof schema[exclusive] === "number") {
        count(`numeric ${exclusive} → ${bound} + ${exclusive}: true`);
        schema[bound] = schema[exclusive];
        schema[exclusive] = true;
      }
    }
    if (schema.dependentRequired) {
      count("dependentRequired → x-dependentRequired (not enforced by 3.0 validators)");
      schema["x-dependentRequired"] = schema.dependentRequired;
      delete schema.dependentRequired;
    }
  });
  if (doc.info?.summary) {
    count("info.summary → x-summary");
    doc.info["x-summary"] = doc.info.summary;
    delete doc.info.summary;
  }
}

/** Counts what the converter itself rewrites, before it runs, so the report names each change. */
function countConverterRewrites(doc, count) {
  walkObjects(doc, (schema) => {
    if (Array.isArray(schema.type) && schema.type.length === 2 && schema.type.includes("null")) count('type list [T, "null"] → type T + nullable: true');
    if ("const" in schema && typeof schema.type === "string") count("const → enum of one");
    if (Array.isArray(schema.examples) && (schema.type || schema.properties || schema.$ref)) count("schema examples[] → example (the first)");
    if (schema.contentEncoding === "base64") count("contentEncoding: base64 → format: byte");
    if (typeof schema.$ref === "string" && Object.keys(schema).length > 1) count("$ref with sibling keywords → siblings ignored by 3.0 readers");
  });
  if (doc.info?.license?.identifier) count("info.license.identifier dropped (3.0 has only name and url)");
}

/** The JSON types a 3.0 schema accepts, or undefined when it cannot tell (no type, or a `$ref` it cannot follow). */
function acceptedTypes(schema, doc, seen = new Set()) {
  if (!isObject(schema)) return undefined;
  if (typeof schema.$ref === "string") {
    const name = schema.$ref.match(/^#\/components\/schemas\/([^/]+)$/)?.[1];
    if (!name || seen.has(name)) return undefined;
    return acceptedTypes(doc.components?.schemas?.[name], doc, new Set(seen).add(name));
  }
  let types;
  if (typeof schema.type === "string") types = schema.type === "number" ? ["number", "integer"] : [schema.type];
  else if (Array.isArray(schema.anyOf ?? schema.oneOf)) {
    const parts = (schema.anyOf ?? schema.oneOf).map((b) => acceptedTypes(b, doc, seen));
    if (parts.some((p) => p === undefined)) return undefined;
    types = parts.flat();
  } else return undefined;
  return schema.nullable ? [...types, "null"] : types;
}

/** A branch that holds any JSON of its type: an array of anything, or an object with no properties named. */
const isFreeForm = (schema) =>
  (schema.type === "array" && isObject(schema.items) && Object.keys(schema.items).length === 0) ||
  (schema.type === "object" && !schema.properties && !schema.allOf && !schema.anyOf && !schema.oneOf);

/**
 * An anyOf whose branches accept disjoint JSON types (a number or a string of digits) admits
 * exactly the values the same oneOf does; many 3.0-era generators read only oneOf (openapi-generator's
 * Rust client writes an anyOf as an empty struct), so the 3.0 form says oneOf. Unions with a
 * free-form branch ("details of any shape") stay anyOf: generators name such oneOf variants badly.
 */
function disjointAnyOfToOneOf(doc, count) {
  walkObjects(doc, (schema) => {
    if (!Array.isArray(schema.anyOf) || schema.anyOf.length < 2 || schema.anyOf.some(isFreeForm)) return;
    const seen = new Set();
    for (const branch of schema.anyOf) {
      const types = acceptedTypes(branch, doc);
      if (!types || types.some((t) => seen.has(t))) return;
      types.forEach((t) => seen.add(t));
    }
    count("anyOf of disjoint types → oneOf (the same values)");
    schema.oneOf = schema.anyOf;
    delete schema.anyOf;
  });
}

/**
 * OpenAPI 3.1 → 3.0.3. Webhooks have no 3.0 home: they are converted like paths and carried as
 * `x-webhooks` (the extension Redocly and others read for 3.0).
 * @returns {{ doc: object, changes: Map<string, number> }}
 */
export function toOpenApi30(bundle) {
  const changes = new Map();
  const count = (what) => changes.set(what, (changes.get(what) ?? 0) + 1);
  const source = clone(bundle);
  rewriteBeyondConverter(source, count);
  countConverterRewrites(source, count);

  const webhooks = source.webhooks;
  delete source.webhooks;
  // A JSON round trip drops the symbol-keyed marks the converter leaves on schema objects.
  const convert = (input) => JSON.parse(JSON.stringify(new Converter(input, { verbose: false }).convert()));
  const doc = convert(source);
  if (webhooks) {
    const asPaths = convert({ ...source, paths: webhooks });
    doc["x-webhooks"] = asPaths.paths;
    changes.set("webhooks → x-webhooks", Object.keys(webhooks).length);
  }
  disjointAnyOfToOneOf(doc, count);
  const left = leftoverKeywords31(doc);
  if (left.length > 0) throw new Error(`the 3.0 conversion left OpenAPI 3.1 keywords behind:\n${left.map((l) => `  ${l}`).join("\n")}`);
  return { doc, changes };
}

/** JSON pointers of 3.1-only schema keywords still in a 3.0 document (a converter gap). */
export function leftoverKeywords31(doc) {
  const left = [];
  const walk = (node, at) => {
    if (Array.isArray(node)) return node.forEach((v, i) => walk(v, `${at}/${i}`));
    if (!isObject(node)) return;
    if (Array.isArray(node.type) || node.type === "null") left.push(`${at}: type ${JSON.stringify(node.type)}`);
    for (const k of ["const", "prefixItems", "dependentRequired", "dependentSchemas", "unevaluatedProperties", "$defs", "contentMediaType", "contentEncoding"]) {
      if (k in node && !at.endsWith("/properties")) left.push(`${at}: ${k}`);
    }
    if (typeof node.exclusiveMinimum === "number" || typeof node.exclusiveMaximum === "number") left.push(`${at}: numeric exclusiveMinimum/exclusiveMaximum`);
    for (const [k, v] of Object.entries(node)) walk(v, `${at}/${k.replaceAll("~", "~0").replaceAll("/", "~1")}`);
  };
  walk(doc, "#");
  return left;
}

/** The bundle with every `$ref` replaced by what it points to; fails on a circular `$ref`. */
export async function dereferenced(bundle) {
  const doc = await dereference(clone(bundle), { resolve: { external: false }, dereference: { circular: false } });
  // Shared targets become shared objects; a JSON round trip writes each one out in full.
  const plain = JSON.parse(JSON.stringify(doc));
  const refs = [];
  walkObjects(plain, (node) => {
    if (typeof node.$ref === "string") refs.push(node.$ref);
  });
  if (refs.length > 0) throw new Error(`the dereferenced spec still has ${refs.length} $ref(s), e.g. ${refs[0]}`);
  return plain;
}

/** Checks a document against the official schema of its OpenAPI version; throws naming the errors. */
export async function assertValidOpenApi(doc, name) {
  const validator = new Validator();
  const result = await validator.validate(clone(doc));
  if (!result.valid) {
    const errors = Array.isArray(result.errors)
      ? result.errors.slice(0, 20).map((e) => `  ${e.instancePath || "/"} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ""}`)
      : [`  ${result.errors}`];
    throw new Error(`${name} is not a valid OpenAPI ${doc.openapi} document:\n${errors.join("\n")}`);
  }
  return validator.version;
}

/**
 * Builds and validates the variants of the 3.1 bundle.
 * @returns {Promise<{ openapi30: object, dereferenced: object, changes: Map<string, number> }>}
 */
export async function buildVariants(bundle) {
  const { doc: openapi30, changes } = toOpenApi30(bundle);
  const deref = await dereferenced(bundle);
  await assertValidOpenApi(openapi30, "openapi-3.0.json");
  await assertValidOpenApi(deref, "openapi.dereferenced.json");
  return { openapi30, dereferenced: deref, changes };
}
