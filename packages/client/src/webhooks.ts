import type { webhooks } from "@clicksend-kit/types";
import { webhookShapes } from "./generated/webhooks.js";
import type { WebhookShape } from "./webhook-shape.js";

/** Names of ClickSend's callbacks, from the spec's `webhooks:` (`inboundSms`, `smsDeliveryReceipt`, …). */
export type WebhookName = keyof webhooks & keyof typeof webhookShapes;

/** The payload type of a callback, as the spec describes it. */
export type WebhookPayload<N extends WebhookName> = webhooks[N] extends {
  post: { requestBody?: { content: { "application/json": infer P } } };
}
  ? P
  : webhooks[N] extends { post: { requestBody?: { content: { "application/x-www-form-urlencoded": infer P } } } }
    ? P
    : never;

/** How ClickSend delivered it: `post` (form-encoded), `json`, or `get` (query string). */
export type WebhookType = "post" | "json" | "get";

/** A parsed callback: switch on `type` to get its typed `payload`. */
export type WebhookEvent<N extends WebhookName = WebhookName> = {
  [K in N]: { type: K; webhookType: WebhookType; payload: WebhookPayload<K> };
}[N];

/** The parts of an HTTP request a webhook needs, e.g. from Express (`{ method, url, headers, body }`). */
export interface WebhookRequestLike {
  method: string;
  /** Absolute, or path and query (`/hooks/clicksend?message_id=…`). */
  url: string;
  headers?: Headers | Record<string, string | string[] | undefined>;
  /** Raw (string, bytes) or already parsed by a body parser (an object, `URLSearchParams`). */
  body?: string | Uint8Array | ArrayBuffer | URLSearchParams | Record<string, unknown> | null;
}

export interface ParseWebhookOptions<N extends WebhookName> {
  /** Accept only these callbacks (e.g. the URL is configured for one kind). */
  type?: N | readonly N[];
}

/** Why a webhook was refused: `method`, `body` (unreadable), `unknown` (no callback matches), `ambiguous`, `invalid` (a field breaks the spec). */
export type WebhookErrorReason = "method" | "body" | "unknown" | "ambiguous" | "invalid";

/** A request that is not a ClickSend callback the spec describes. Answer it with 400. */
export class ClickSendWebhookError extends Error {
  override readonly name = "ClickSendWebhookError";
  constructor(
    message: string,
    readonly reason: WebhookErrorReason,
  ) {
    super(message);
  }
}

const shapes = webhookShapes as unknown as Record<WebhookName, WebhookShape>;
const has = (record: object, key: string) => Object.prototype.hasOwnProperty.call(record, key);

/** Field names as an error may show them: the first few, each cut short, control characters as "?". */
function quoteKeys(keys: readonly string[], max = 10): string {
  const shown = keys.slice(0, max).map((key) => (key.length > 40 ? `${key.slice(0, 40)}…` : key).replace(/[\u0000-\u001f\u007f]/g, "?"));
  return `[${shown.join(", ")}${keys.length > max ? `, … ${keys.length - max} more` : ""}]`;
}

function header(headers: WebhookRequestLike["headers"], name: string): string {
  if (!headers) return "";
  if (headers instanceof Headers) return headers.get(name) ?? "";
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : headers[key];
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

async function readFields(input: Request | WebhookRequestLike): Promise<{ fields: Record<string, unknown>; webhookType: WebhookType }> {
  const method = input.method.toUpperCase();
  if (method === "GET") {
    const query = new URL(input.url, "http://webhook.invalid").searchParams;
    if ([...query.keys()].length === 0) throw new ClickSendWebhookError("webhook: a GET callback carries its fields in the query string, and it is empty", "body");
    return { fields: Object.fromEntries(query), webhookType: "get" };
  }
  if (method !== "POST") throw new ClickSendWebhookError(`webhook: ClickSend calls with POST or GET, not ${method}`, "method");
  const type = header(input.headers, "content-type").toLowerCase();
  let body: unknown = input instanceof Request ? await input.text() : input.body;
  if (body instanceof URLSearchParams) return { fields: Object.fromEntries(body), webhookType: "post" };
  if (body instanceof ArrayBuffer || body instanceof Uint8Array) body = new TextDecoder().decode(body);
  if (isRecord(body)) return { fields: body, webhookType: type.includes("json") ? "json" : "post" };
  if (typeof body !== "string" || body.trim() === "") throw new ClickSendWebhookError("webhook: the POST body is empty", "body");
  const json = type.includes("json") || (!type.includes("form") && body.trimStart().startsWith("{"));
  if (!json) return { fields: Object.fromEntries(new URLSearchParams(body)), webhookType: "post" };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (err) {
    throw new ClickSendWebhookError(`webhook: the body is not valid JSON (${(err as Error).message})`, "body");
  }
  if (!isRecord(parsed)) throw new ClickSendWebhookError("webhook: the JSON body must be an object of fields", "body");
  return { fields: parsed, webhookType: "json" };
}

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function problems(shape: WebhookShape, fields: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const name of shape.required) {
    if (!has(fields, name) || fields[name] === undefined || fields[name] === "") out.push(`\`${name}\` is required`);
  }
  for (const [name, value] of Object.entries(fields)) {
    const allowed = has(shape.fields, name) ? shape.fields[name] : undefined;
    if (!allowed || allowed.length === 0) continue;
    const actual = typeOf(value);
    if (!allowed.includes(actual as never) && !(actual === "integer" && allowed.includes("number"))) {
      out.push(`\`${name}\` must be ${allowed.join(" or ")}, got ${actual}`);
    }
  }
  return out;
}

/**
 * Parses a ClickSend callback (inbound SMS, a delivery receipt, …) from a Fetch API `Request`
 * or `{ method, url, headers, body }`, in any delivery form: form POST, JSON POST or GET query.
 * Which callback it is comes from the spec's `webhooks:` (required fields, `message_type`,
 * documented fields), so callbacks added to the spec are recognised without code changes.
 * Throws `ClickSendWebhookError` for anything else; answer that with 400.
 *
 * ClickSend may deliver a callback more than once: key your handling on `message_id`.
 *
 * @example
 * const event = await parseWebhook(request);
 * if (event.type === "inboundSms") reply(event.payload.from, event.payload.body);
 */
export async function parseWebhook<N extends WebhookName = WebhookName>(
  input: Request | WebhookRequestLike,
  options: ParseWebhookOptions<N> = {},
): Promise<WebhookEvent<N>> {
  const { fields, webhookType } = await readFields(input);
  const wanted = options.type === undefined ? undefined : ([] as readonly string[]).concat(options.type);
  const names = (Object.keys(shapes) as WebhookName[]).filter((name) => !wanted || wanted.includes(name));
  for (const name of wanted ?? []) {
    if (!has(shapes, name)) throw new TypeError(`parseWebhook: unknown webhook type ${JSON.stringify(name)}; known: ${Object.keys(shapes).join(", ")}`);
  }
  const keys = Object.keys(fields);
  const scored = names
    .map((name) => {
      const shape = shapes[name];
      const tagFields = Object.entries(shape.tags).filter(([field]) => has(fields, field) && fields[field] !== undefined);
      const tagsMatch = tagFields.every(([field, value]) => String(fields[field]).toLowerCase() === value.toLowerCase());
      const missing = shape.required.filter((field) => !has(fields, field) || fields[field] === undefined || fields[field] === "");
      // Fields the spec does not document count for nothing: ClickSend adds fields over time,
      // and they must not tip a callback over to another kind.
      const known = keys.filter((key) => has(shape.fields, key)).length;
      return { name, shape, ok: tagsMatch && missing.length === 0, score: tagFields.length * 1000 + known };
    })
    .sort((a, b) => b.score - a.score);
  const candidates = scored.filter((c) => c.ok);

  if (candidates.length === 0) {
    const expected = names.map((n) => `${n} (${shapes[n].required.join(", ")})`).join("; ");
    if (wanted && names.length === 1) {
      const issues = problems(shapes[names[0]!], fields);
      const tags = Object.entries(shapes[names[0]!].tags).map(([f, v]) => `\`${f}\` must be ${JSON.stringify(v)}`);
      throw new ClickSendWebhookError(`webhook: not a valid ${names[0]}: ${[...issues, ...tags].join("; ")}`, "invalid");
    }
    throw new ClickSendWebhookError(
      `webhook: fields ${quoteKeys(keys)} match no ClickSend callback in the spec; expected one of: ${expected}`,
      "unknown",
    );
  }
  const [best, next] = candidates;
  if (next && next.score === best!.score) {
    throw new ClickSendWebhookError(
      `webhook: fields match ${candidates.filter((c) => c.score === best!.score).map((c) => c.name).join(" and ")} equally; pass { type } to say which this URL receives`,
      "ambiguous",
    );
  }
  const issues = problems(best!.shape, fields);
  if (issues.length) throw new ClickSendWebhookError(`webhook: not a valid ${best!.name}: ${issues.join("; ")}`, "invalid");
  return { type: best!.name, webhookType, payload: fields } as WebhookEvent<N>;
}
