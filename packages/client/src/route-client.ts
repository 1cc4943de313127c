import createClient, { type Middleware } from "openapi-fetch";
import type { paths } from "@clicksend-kit/types";
import { authorizer } from "./auth.js";
import type { ClickSendClient } from "./client-types.js";
import { createClickSendError, type CallFacts } from "./error-factory.js";
import { createLog } from "./logger.js";
import { resolveOperation, type ResolvedOperation } from "./operations.js";
import { checkRetry, checkTimeout, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT_MS, retryPolicy, trimTrailingSlashes, type TransportOptions } from "./options.js";
import { credentialForms, redactor } from "./redaction.js";
import { pathSerializer, querySerializerFor } from "./request-building.js";
import { retryingFetch, type CallRecord, type RouteRuntime } from "./retrying-fetch.js";
import { fetchTransport, type FetchLike } from "./transport/fetch.js";
import { platformTransport } from "./transport/platform.js";
import { defaultUserAgent } from "./user-agent.js";

/** A route to ClickSend's API: where requests go, with which credentials, and what the route adds. */
export interface RouteConfig extends TransportOptions {
  /** Full URL that spec paths (`/v3/...`) are appended to, without a trailing slash. */
  baseUrl: string;
  /** The `Authorization` header value; sent only to the origin of `baseUrl`, never shown to middleware. */
  authorization: string;
  /** openapi-fetch middleware of the route (e.g. a gateway's connection header), run before the user's. */
  middleware?: Middleware[];
  /**
   * Turns the route's answers into ClickSend's own (a gateway's wrapper or error body), below all
   * middleware and before retries and errors are decided, so every route behaves the same.
   */
  adaptResponse?: (response: Response) => Response | Promise<Response>;
  /** The operation of `METHOD path`, for retries and error names (default: ClickSend's spec). */
  resolveOperation?: (method: string, path: string) => ResolvedOperation | undefined;
}

/** The call options the client adds to openapi-fetch's. */
export interface CallOptions {
  /** Time limit for each attempt of this call, in ms (overrides the client's `timeoutMs`; 0 = none). */
  timeoutMs?: number;
  /** Retry policy for this call (merged over the client's); `false` for none. */
  retry?: TransportOptions["retry"];
}

type Init = CallOptions & {
  signal?: AbortSignal | null;
  fetch?: FetchLike;
  baseUrl?: string;
  parseAs?: "json" | "text" | "blob" | "arrayBuffer" | "stream";
  querySerializer?: Parameters<typeof querySerializerFor>[0];
  [key: string]: unknown;
};
type Result = { data?: unknown; error?: unknown; response: Response };

const METHODS = ["GET", "PUT", "POST", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE"] as const;

/**
 * The one place a typed client is assembled: openapi-fetch's own `createClient`, with ClickSend's
 * behaviour in its extension points. Each call gets a `fetch` of its own (retries, timeouts,
 * credentials, over the platform transport or the caller's `fetch`), and its result has its
 * `error` mapped to a `ClickSendError`. ClickSend and the gateway routes differ only in base URL,
 * credentials, middleware and `adaptResponse`.
 */
export function createRouteClient(config: RouteConfig): ClickSendClient {
  const baseUrl = trimTrailingSlashes(config.baseUrl);
  const redact = redactor(credentialForms(config.authorization));
  const runtime: RouteRuntime = {
    authorize: authorizer(config.authorization, new URL(baseUrl).origin),
    resolve: config.resolveOperation ?? resolveOperation,
    adaptResponse: config.adaptResponse,
    log: createLog(config.logger, config.logLevel, redact),
    redact,
    userAgent: defaultUserAgent(),
    warned: new Set(),
  };
  const basePath = trimTrailingSlashes(new URL(baseUrl).pathname);
  const transport = config.fetch ? fetchTransport(config.fetch) : platformTransport;
  const openapi = createClient<paths>({ baseUrl, ...(config.headers && { headers: config.headers }), pathSerializer });
  if (config.middleware?.length) openapi.use(...config.middleware);

  async function call(method: string, path: string, init: Init = {}): Promise<Result> {
    const where = `${method} ${path}`;
    const { timeoutMs, retry, fetch: callFetch, querySerializer, parseAs = "json", ...rest } = init ?? {};
    checkTimeout(timeoutMs, where);
    checkRetry(retry, where);
    const record: CallRecord = { attempts: 0 };
    const fetch = retryingFetch(runtime, {
      transport: callFetch ? fetchTransport(callFetch) : transport,
      timeoutMs: timeoutMs ?? config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      retry: retryPolicy(config.retry, retry),
      signal: init.signal ?? undefined,
      maxResponseBytes: config.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      basePath: init.baseUrl ? trimTrailingSlashes(new URL(init.baseUrl).pathname) : basePath,
      record,
    });
    // JSON is read as text and parsed here, so that a body that is not ClickSend's envelope
    // becomes a ClickSendInvalidResponseError rather than a SyntaxError.
    const options = { ...rest, fetch, parseAs: parseAs === "json" ? "text" : parseAs, querySerializer: querySerializerFor(querySerializer) };
    const result = (await openapi.request(method as never, path as never, options as never)) as Result;
    return settle(method, path, parseAs, result, record);
  }

  function settle(method: string, path: string, parseAs: string, result: Result, record: CallRecord): Result {
    const { response } = result;
    const facts = (): CallFacts => ({
      method,
      path: record.path ?? path,
      operation: record.operation ?? runtime.resolve(method, path),
      attempts: record.attempts,
      redact,
    });
    if (!response.ok) return { error: createClickSendError(facts(), { kind: "response", response, body: result.error }), response };
    if (parseAs !== "json") return result;
    const text = result.data as string | undefined;
    if (response.status === 204) return { data: undefined, response };
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      return { error: createClickSendError(facts(), { kind: "response", response, body: text }), response };
    }
    const envelope = typeof (parsed as { response_code?: unknown } | null)?.response_code === "string";
    const bare = facts().operation?.envelope === false;
    if (envelope || (bare && (parsed !== undefined || !text))) return { data: parsed, response };
    return { error: createClickSendError(facts(), { kind: "response", response, body: parsed ?? text ?? "" }), response };
  }

  const client: Record<string, unknown> = {
    request: (method: string, path: string, init?: Init) => call(String(method).toUpperCase(), path, init),
    use: (...middleware: Middleware[]) => openapi.use(...middleware),
    eject: (...middleware: Middleware[]) => openapi.eject(...middleware),
  };
  for (const method of METHODS) client[method] = (path: string, init?: Init) => call(method, path, init);
  return client as unknown as ClickSendClient;
}
