import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { deref, spec, type Json } from "./bundle.js";

// Fidelity to the sources: every input parameter that seed 004 names for an action
// (spec/inventory/action-parameters.tsv, written by scripts/action-parameters.mjs) is described
// on the operation that spec/inventory/endpoints.tsv maps the action to, and what the seed
// requires is required. Where the spec follows a newer source instead, the exception is listed
// here with its reason, and the spec's own description says the same.
const inventory = (file: string) =>
  readFileSync(join(import.meta.dirname, "../inventory", file), "utf8")
    .split("\n")
    .filter((line) => line && !line.startsWith("#"))
    .slice(1)
    .map((line) => line.split("\t"));

const EXCEPTIONS: Record<string, { renamed?: string; optional?: true; why: string }> = {
  "CLICKSEND_CREATE_SMS_INBOUND method": { renamed: "webhook_type", why: "ClickSend's SMS reference (seed 003) names the field webhook_type" },
  "CLICKSEND_UPDATE_AUTOMATIONS_SMS_INBOUND message_search_term": { optional: true, why: "the create action and ClickSend's rule semantics leave it out for message_search_type 0" },
  "CLICKSEND_UPLOADS_POST filename": { optional: true, why: "the other upload action and ClickSend's reference send content only" },
  // A subaccount update is partial: ClickSend's own client sends two fields, and its API description requires none.
  ...Object.fromEntries(
    ["api_username", "email", "phone_number", "first_name", "last_name"].map((field) => [
      `CLICKSEND_UPDATE_SUBACCOUNTS ${field}`,
      { optional: true, why: "a partial update: ClickSend requires none of the subaccount's fields" } as const,
    ]),
  ),
};

/** JSON Schema types a schema allows, through `anyOf`/`oneOf`/`allOf` and enums. */
function typesOf(node: Json | undefined): string[] {
  const s = node && deref(node);
  if (!s) return [];
  const out: string[] = [s.type].flat().filter(Boolean);
  for (const k of ["anyOf", "oneOf", "allOf"]) for (const sub of s[k] ?? []) out.push(...typesOf(sub));
  if (s.enum && out.length === 0) out.push(...s.enum.map((v: unknown) => (Number.isInteger(v) ? "integer" : typeof v)));
  return out;
}

/** Does a schema accept the seed's type (`integer`, `string`, `object[]`, …)? */
function accepts(schema: Json | undefined, seedType: string): boolean {
  const types = typesOf(schema);
  if (types.length === 0) return true; // any value
  if (seedType.endsWith("[]")) return types.includes("array");
  return types.includes(seedType) || (["integer", "number"].includes(seedType) && (types.includes("integer") || types.includes("number")));
}

/** Parameter and body-field names of an operation (fields at any depth) with their schemas, and the required ones. */
function fieldsOf(method: string, path: string) {
  const item = spec.paths[path];
  const op = item?.[method.toLowerCase()];
  if (!op) return undefined;
  const names = new Map<string, Json>();
  const required = new Set<string>();
  for (const p of [...(item.parameters ?? []), ...(op.parameters ?? [])].map((x: Json) => deref(x))) {
    names.set(p.name, p.schema);
    if (p.required) required.add(p.name);
  }
  const seen = new Set<Json>();
  const walk = (node: Json | undefined, top: boolean) => {
    const s = node && deref(node);
    if (!s || typeof s !== "object" || seen.has(s)) return;
    seen.add(s);
    for (const k of ["allOf", "anyOf", "oneOf"]) for (const sub of s[k] ?? []) walk(sub, top && k === "allOf");
    if (top) for (const r of s.required ?? []) required.add(r);
    for (const [name, sub] of Object.entries<Json>(s.properties ?? {})) {
      if (!names.has(name)) names.set(name, sub);
      walk(sub, false);
    }
    if (s.items) walk(s.items, false);
  };
  for (const media of Object.values<Json>((op.requestBody && deref(op.requestBody).content) ?? {})) walk(media.schema, true);
  return { names, required };
}

const parameters = new Map<string, { name: string; type: string; required: boolean }[]>();
for (const [action, name, type, required] of inventory("action-parameters.tsv")) {
  if (!parameters.has(action!)) parameters.set(action!, []);
  if (name !== "(none)") parameters.get(action!)!.push({ name: name!, type: type!, required: required === "yes" });
}

const rows = inventory("endpoints.tsv").flatMap(([method, path, , , , refs]) =>
  refs!
    .split(",")
    .filter((r) => r.startsWith("seed004:"))
    .map((r) => ({ method: method!, path: path!, action: r.slice("seed004:".length) })),
);

describe("seed 004's action parameters", () => {
  it("reads every action the inventory cites", () => {
    expect(rows.length).toBeGreaterThan(150);
    expect(rows.filter((r) => !parameters.has(r.action)).map((r) => r.action)).toEqual([]);
  });

  it("describes every parameter on its operation, of the seed's type, required where the seed requires it", () => {
    const problems: string[] = [];
    let checked = 0;
    for (const { method, path, action } of rows) {
      const fields = fieldsOf(method, path);
      if (!fields) {
        problems.push(`${method} ${path}: no such operation (${action})`);
        continue;
      }
      for (const p of parameters.get(action) ?? []) {
        checked++;
        const exception = EXCEPTIONS[`${action} ${p.name}`];
        const name = exception?.renamed ?? p.name;
        if (!fields.names.has(name)) problems.push(`${method} ${path}: no \`${name}\` (${action} names it)`);
        else if (!accepts(fields.names.get(name), p.type)) problems.push(`${method} ${path}: \`${name}\` does not accept ${p.type}, the type ${action} gives`);
        else if (p.required && !fields.required.has(name) && !exception?.optional) problems.push(`${method} ${path}: \`${name}\` is optional, ${action} requires it`);
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(500);
  });

  it("lists no exception that no longer applies", () => {
    const used = new Set(rows.flatMap(({ action }) => (parameters.get(action) ?? []).map((p) => `${action} ${p.name}`)));
    expect(Object.keys(EXCEPTIONS).filter((key) => !used.has(key))).toEqual([]);
  });
});
