import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule, { type FormatsPlugin } from "ajv-formats";
import type { JsonSchema, Operation } from "./catalog.js";

// ajv-formats is CommonJS; its default export arrives wrapped under NodeNext.
const addFormats: FormatsPlugin = (addFormatsModule as unknown as { default?: FormatsPlugin }).default ?? (addFormatsModule as unknown as FormatsPlugin);

/** The arguments of a call_operation, as the agent gave them. */
export interface CallArguments {
  params?: { path?: Record<string, unknown>; query?: Record<string, unknown> } | undefined;
  body?: unknown;
}

/**
 * Checks call arguments against the bundle's schemas. Schemas are compiled on first use
 * and kept, so a server that only ever sends SMS compiles one body schema.
 */
export class ArgumentValidator {
  // strict: false because OpenAPI keywords (example, discriminator, x-*) sit beside JSON Schema's;
  // logger: false because stdout is the MCP channel on stdio.
  readonly #ajv = new Ajv2020({ strict: false, allErrors: true, logger: false, validateFormats: true });
  readonly #compiled = new Map<JsonSchema, ValidateFunction>();

  constructor() {
    addFormats(this.#ajv);
  }

  /** What is wrong with the arguments, one line each; empty when they may be sent. */
  problems(op: Operation, args: CallArguments): string[] {
    const problems: string[] = [];
    for (const location of ["path", "query"] as const) {
      const schema = op.params[location];
      const given = args.params?.[location];
      if (!schema) {
        if (given && Object.keys(given).length > 0) problems.push(`params.${location}: ${op.operationId} takes no ${location} parameters`);
        continue;
      }
      problems.push(...this.#check(schema, given ?? {}, `params.${location}`));
    }
    if (!op.body) {
      if (args.body !== undefined) problems.push(`body: ${op.operationId} takes no request body`);
    } else if (args.body === undefined) {
      if (op.body.required) problems.push(`body: ${op.operationId} requires a request body`);
    } else {
      problems.push(...this.#check(op.body.schema, args.body, "body"));
    }
    return problems;
  }

  #check(schema: JsonSchema, value: unknown, where: string): string[] {
    let validate = this.#compiled.get(schema);
    if (!validate) this.#compiled.set(schema, (validate = this.#ajv.compile(closed(schema))));
    return validate(value) ? [] : (validate.errors ?? []).map((e) => describeError(e, where));
  }
}

const COMBINATORS = ["allOf", "anyOf", "oneOf"] as const;

/**
 * A copy of `schema` in which objects take no property their schema does not name, so a
 * misspelled key (`schedual`) is refused instead of being ignored by ClickSend. Only objects
 * that say nothing about extra properties are closed, and with `unevaluatedProperties`, so
 * objects composed with allOf/anyOf/oneOf accept the properties of every branch that applies.
 */
export function closed(schema: JsonSchema): JsonSchema {
  const copy = structuredClone(schema);
  const visit = (node: unknown, inBranch: boolean): void => {
    if (Array.isArray(node)) return node.forEach((n) => visit(n, inBranch));
    if (typeof node !== "object" || node === null) return;
    const object = node as Record<string, unknown>;
    const composed = COMBINATORS.some((k) => Array.isArray(object[k]));
    const open = object.additionalProperties === undefined && object.unevaluatedProperties === undefined;
    if (open && !inBranch && (object.properties !== undefined || composed)) object.unevaluatedProperties = false;
    for (const [key, value] of Object.entries(object)) {
      if (key === "example" || key === "examples" || key === "enum" || key === "const" || key === "default") continue;
      if ((COMBINATORS as readonly string[]).includes(key)) visit(value, true);
      else if (key === "properties" || key === "patternProperties" || key === "$defs") {
        for (const child of Object.values(value as Record<string, unknown>)) visit(child, false);
      } else visit(value, false);
    }
  };
  visit(copy, false);
  return copy;
}

function describeError(error: ErrorObject, where: string): string {
  const at = `${where}${error.instancePath.replace(/\//g, ".")}`;
  if (error.keyword === "unevaluatedProperties") return `${at}: unknown property "${String(error.params.unevaluatedProperty)}"`;
  if (error.keyword === "additionalProperties") return `${at}: unknown property "${String(error.params.additionalProperty)}"`;
  return `${at}: ${error.message ?? error.keyword}`;
}
