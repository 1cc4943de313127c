import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/** JSON Schema as the bundle writes it (OpenAPI 3.1 = JSON Schema 2020-12). */
export type JsonSchema = Record<string, unknown>;

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** One operation of the spec, with every `$ref` already resolved. */
export interface Operation {
  operationId: string;
  method: HttpMethod;
  /** Path template, e.g. `/v3/sms/send`. */
  path: string;
  summary: string;
  description: string;
  tags: string[];
  /** `x-idempotent`: safe to send twice, so the client may retry it. */
  idempotent: boolean;
  deprecated: boolean;
  /** Path and query parameters as JSON Schema objects (absent when the operation has none). */
  params: { path?: JsonSchema; query?: JsonSchema };
  /** The JSON request body's schema, and whether a body is required. */
  body?: { schema: JsonSchema; required: boolean };
  example?: unknown;
  /** Description and schema of the first 2xx answer. */
  returns?: { status: string; description: string; schema?: JsonSchema };
}

const METHODS: readonly HttpMethod[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

interface RawParameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: JsonSchema;
}

type Raw = Record<string, any>;

/** The bundle with `$ref`s resolved, as published by @clicksend-kit/openapi. */
export function loadBundle(): Raw {
  const require = createRequire(import.meta.url);
  return JSON.parse(readFileSync(require.resolve("@clicksend-kit/openapi/openapi.dereferenced.json"), "utf8")) as Raw;
}

/** Every operation of a (dereferenced) bundle, by operationId. */
export function buildCatalog(bundle: Raw = loadBundle()): Map<string, Operation> {
  const catalog = new Map<string, Operation>();
  for (const [path, item] of Object.entries<Raw>(bundle.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method.toLowerCase()] as Raw | undefined;
      if (!op?.operationId) continue;
      const parameters = [...((item.parameters as RawParameter[]) ?? []), ...((op.parameters as RawParameter[]) ?? [])];
      const json = op.requestBody?.content?.["application/json"] as Raw | undefined;
      const success = Object.entries<Raw>(op.responses ?? {}).find(([status]) => status.startsWith("2"));
      catalog.set(op.operationId, {
        operationId: op.operationId,
        method,
        path,
        summary: op.summary ?? "",
        description: op.description ?? "",
        tags: op.tags ?? [],
        idempotent: op["x-idempotent"] === true,
        deprecated: op.deprecated === true,
        params: { ...parameterObject(parameters, "path"), ...parameterObject(parameters, "query") },
        ...(json?.schema ? { body: { schema: json.schema as JsonSchema, required: op.requestBody.required === true } } : {}),
        ...(json && "example" in json ? { example: json.example } : firstExample(json)),
        ...(success
          ? {
              returns: {
                status: success[0],
                description: success[1].description ?? "",
                ...(success[1].content?.["application/json"]?.schema ? { schema: success[1].content["application/json"].schema } : {}),
              },
            }
          : {}),
      });
    }
  }
  return catalog;
}

function firstExample(json: Raw | undefined): { example?: unknown } {
  const first = json?.examples && Object.values<Raw>(json.examples)[0];
  return first && "value" in first ? { example: first.value } : {};
}

/** The parameters of one location as an object schema, e.g. `{ path: { type: "object", properties: { list_id: … } } }`. */
function parameterObject(parameters: RawParameter[], location: "path" | "query"): { path?: JsonSchema; query?: JsonSchema } {
  const own = parameters.filter((p) => p.in === location);
  if (own.length === 0) return {};
  const properties: Record<string, JsonSchema> = {};
  for (const p of own) properties[p.name] = { ...(p.schema ?? {}), ...(p.description && !p.schema?.description ? { description: p.description } : {}) };
  const required = own.filter((p) => p.required || location === "path").map((p) => p.name);
  return { [location]: { type: "object", properties, ...(required.length ? { required } : {}), additionalProperties: false } };
}

/**
 * Whether a call needs `confirm: true`: anything the spec does not mark idempotent (sends,
 * purchases, transfers, creates) and every DELETE, which cannot be undone.
 */
export function needsConfirmation(op: Operation): boolean {
  return !op.idempotent || op.method === "DELETE";
}

/** The price operation to call before a send: the `/price` sibling of a `/send` path. */
export function priceOperationFor(op: Operation, catalog: Map<string, Operation>): Operation | undefined {
  if (!/\/send$/.test(op.path)) return undefined;
  const pricePath = op.path.replace(/\/send$/, "/price");
  for (const candidate of catalog.values()) if (candidate.path === pricePath && candidate.method === op.method) return candidate;
  return undefined;
}
