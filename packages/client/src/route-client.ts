import type { Client, Middleware } from "openapi-fetch";
import type { paths } from "@clicksend-kit/types";
import { authorizer } from "./auth.js";
import type { ClickSendClient } from "./client-types.js";
import { createClickSendError, type CallFacts } from "./error-factory.js";
import { createLog } from "./logger.js";
import { resolveOperation, type ResolvedOperation } from "./operations.js";
import { checkRetry, checkTimeout, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT_MS, retryPolicy, trimTrailingSlashes, type TransportOptions } from "./options.js";
import { credentialForms, redactor } from "./redaction.js";
import { pathSerializerOf, querySerializerFor } from "./request-building.js";
import { retryingFetch, type CallRecord, type RouteRuntime } from "./retrying-fetch.js";
import { fetchTransport, type FetchLike } from "./transport/fetch.js";
import { platformTransport } from "./transport/platform.js";

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
  querySerializer?: Parameters<typeof querySerializerFor>[1];
  [key: string]: unknown;
};
type Result = { data?: unknown; error?: unknown; response: Response };

let openapiFetchModule: Promise<typeof import("openapi-fetch")> | undefined;
const loadOpenapiFetch = () => (openapiFetchModule ??= import("openapi-fetch"));

const METHODS = ["GET", "PUT", "POST", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE"] as const;

/**
 * The request openapi-fetch builds (its `Request` option, called with `new`), for a call no
 * middleware will see: what the client's fetch reads (`url`, `method`, `headers`, `body`,
 * `signal`) without the stream and abort signal a WHATWG `Request` sets up, a measurable share
 * of a call. A body that is not text (FormData, a Blob) or a method fetch forbids gets the real
 * `Request` (which refuses the method).
 */
const PlainRequest = function PlainRequest(url: string, init: RequestInit & { method: string }) {
  if (!(init.body == null || typeof init.body === "string") || /^(CONNECT|TRACE|TRACK)$/i.test(init.method)) return new Request(url, init);
  return { url, method: init.method, headers: init.headers, body: init.body ?? null, signal: init.signal ?? null };
} as unknown as typeof Request;

/** What openapi-fetch's `use()` refuses, refused the same way before the first call. */
function checkMiddleware(middleware: readonly unknown[]): void {
  for (const m of middleware) {
    if (m && (typeof m !== "object" || !("onRequest" in m || "onResponse" in m || "onError" in m))) {
      throw new Error("Middleware must be an object with one of `onRequest()`, `onResponse() or `onError()`");
    }
  }
}

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
    userAgent: undefined,
    warned: new Set(),
  };
  const basePath = trimTrailingSlashes(new URL(baseUrl).pathname);
  const transport = config.fetch ? fetchTransport(config.fetch) : platformTransport;
  // openapi-fetch is loaded and its client built on the first call: creating one reads
  // `process.versions.undici`, which on Node loads the fetch implementation (some 25 ms), and
  // importing and constructing a client should cost next to nothing.
  let openapi: Client<paths> | undefined;
  let building: Promise<Client<paths>> | undefined;
  const client = () =>
    (building ??= loadOpenapiFetch().then((openapiFetch) => {
      openapi = openapiFetch.default<paths>({ baseUrl, ...(config.headers && { headers: config.headers }), pathSerializer: pathSerializerOf(openapiFetch) });
      openapi.use(...middlewares);
      return openapi;
    }));
  // The client's middleware (openapi-fetch's own list is built from it on the first call).
  const middlewares: Middleware[] = [...(config.middleware ?? [])];

  async function call(method: string, path: string, init: Init = {}): Promise<Result> {
    const where = `${method} ${path}`;
    const { timeoutMs, retry, fetch: callFetch, querySerializer, parseAs = "json", ...rest } = init ?? {};
    checkTimeout(timeoutMs, where);
    checkRetry(retry, where);
    const record: CallRecord & { body?: unknown } = { attempts: 0 };
    const openapiFetch = await loadOpenapiFetch();
    const serialize = (init.bodySerializer as ((body: unknown, headers?: Headers) => unknown) | undefined) ?? openapiFetch.defaultBodySerializer;
    const untouched = middlewares.length === 0 && !(init.middleware as unknown[] | undefined)?.length;
    const fetch = retryingFetch(runtime, {
      transport: callFetch ? fetchTransport(callFetch) : transport,
      timeoutMs: timeoutMs ?? config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      retry: retryPolicy(config.retry, retry),
      signal: init.signal ?? undefined,
      maxResponseBytes: config.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      basePath: init.baseUrl ? trimTrailingSlashes(new URL(init.baseUrl).pathname) : basePath,
      record,
      ...(untouched && { serializedBody: () => record.body }),
    });
    // JSON is read as text and parsed here, so that a body that is not ClickSend's envelope
    // becomes a ClickSendInvalidResponseError rather than a SyntaxError.
    const openapiClient = await client();
    const options = {
      // Nothing but the client's own fetch will see the request: the light one will do.
      ...(untouched && !init.Request && { Request: PlainRequest }),
      ...rest,
      fetch,
      parseAs: parseAs === "json" ? "text" : parseAs,
      querySerializer: querySerializerFor(openapiFetch, querySerializer),
      // The same serializer, keeping what it made so the client's fetch need not read it back.
      bodySerializer: (body: unknown, headers?: Headers) => (record.body = serialize(body, headers)),
    };
    const result = (await openapiClient.request(method as never, path as never, options as never)) as Result;
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

  const methods: Record<string, unknown> = {
    request: (method: string, path: string, init?: Init) => call(String(method).toUpperCase(), path, init),
    use(...middleware: Middleware[]) {
      checkMiddleware(middleware);
      openapi?.use(...middleware);
      middlewares.push(...middleware.filter(Boolean));
    },
    eject(...middleware: Middleware[]) {
      openapi?.eject(...middleware);
      for (const m of middleware) if (middlewares.includes(m)) middlewares.splice(middlewares.indexOf(m), 1);
    },
  };
  for (const method of METHODS) methods[method] = (path: string, init?: Init) => call(method, path, init);
  return methods as unknown as ClickSendClient;
}
