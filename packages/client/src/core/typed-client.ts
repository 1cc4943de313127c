import type { FetchResponse, MaybeOptionalInit, Middleware } from "openapi-fetch";
import type { HttpMethod, PathsWithMethod, paths } from "@clicksend-kit/types";
import { platform } from "../internal/platform.js";
import { REQUEST_BODY, REQUEST_SIGNAL, RESPONSE_BYTES, type AbortHandle } from "../internal/body.js";
import { authorizedFetch, FOREIGN_ORIGIN, type FetchLike } from "./auth.js";
import {
  ClickSendAbortError,
  ClickSendApiError,
  ClickSendConnectionError,
  ClickSendInvalidResponseError,
  ClickSendTimeoutError,
  type ClickSendError,
} from "./errors.js";
import { isIdempotent } from "./idempotency.js";
import { bareOperations } from "../generated/envelope.js";
import { loadOperations } from "./operations.js";
import { backoffDelay, DEFAULT_RETRY, parseRetryAfter, sleep, type RetryOptions } from "./retry.js";

/** Receives the client's log lines (retries, deprecated operations). `console` fits. */
export interface Logger {
  warn(message: string): void;
}

/** What every route shares, whatever host and credentials it uses. */
export interface TransportOptions {
  /**
   * A `fetch` to send requests with. Default: on Node, a keep-alive transport over node:http
   * (faster than Node's fetch); elsewhere the global `fetch`. Tests inject a recording fetch.
   */
  fetch?: FetchLike;
  /** Extra headers on every request (not `Authorization`: credentials come from their own options). */
  headers?: Record<string, string>;
  /** Time limit for each attempt, in ms, until the whole body has arrived (default 30 000; 0 = none). */
  timeoutMs?: number;
  /** Retries of idempotent operations (default `{ retries: 2, minDelayMs: 300, maxDelayMs: 10000 }`); `false` for none. */
  retry?: RetryOptions | false;
  /** Where to log retries and calls to deprecated operations (default: nowhere). */
  logger?: Logger;
}

export interface TypedClientConfig extends TransportOptions {
  /** Full URL that spec paths (`/v3/...`) are appended to. */
  baseUrl: string;
  /** The `Authorization` header value; sent only to the origin of `baseUrl`. */
  authorization: string;
  /** Route-specific middleware (e.g. a gateway's response unwrapping), run on every request. */
  middleware?: Middleware[];
}

/** Options of one call, next to openapi-fetch's (`params`, `body`, `headers`, `signal`, `parseAs`, …). */
export interface CallOptions {
  /** Time limit for each attempt of this call, in ms (overrides the client's `timeoutMs`; 0 = none). */
  timeoutMs?: number;
  /** Retry policy for this call (merged over the client's); `false` for none. */
  retry?: RetryOptions | false;
}

type Media = `${string}/${string}`;
type RequiredKeysOfHelper<T> = { [K in keyof T]: {} extends Pick<T, K> ? never : K }[keyof T];
type RequiredKeysOf<T> = RequiredKeysOfHelper<T> extends undefined ? never : RequiredKeysOfHelper<T>;
type Extra = CallOptions & { [key: string]: unknown };
/** The init argument: optional unless the operation has required parameters or a required body. */
export type InitParam<Init> = RequiredKeysOf<Init> extends never ? [(Init & Extra)?] : [Init & Extra];
type Op<P, M extends HttpMethod> = P extends keyof paths ? Extract<paths[P][M & keyof paths[P]], Record<string | number, any>> : never;

/**
 * What a call resolves to, as in openapi-fetch: `data` on success, else `error`. `error` is a
 * `ClickSendApiError`, which is also ClickSend's error envelope. A call with no response at all
 * (connection failure, timeout, abort) rejects instead; `unwrap()` turns both into one throw.
 */
export type ClickSendResult<T extends Record<string | number, any>, Init> =
  | { data: NonNullable<FetchResponse<T, Init, Media>["data"]>; error?: never; response: Response }
  | { data?: never; error: ClickSendApiError; response: Response };

export type ClickSendMethod<M extends HttpMethod> = <
  P extends PathsWithMethod<M>,
  Init extends MaybeOptionalInit<paths[P], M>,
>(
  url: P,
  ...init: InitParam<Init>
) => Promise<ClickSendResult<Op<P, M>, Init>>;

/** The typed client every route returns: openapi-fetch's `GET`/`POST`/…/`use` over ClickSend's paths. */
export interface ClickSendClient {
  GET: ClickSendMethod<"get">;
  PUT: ClickSendMethod<"put">;
  POST: ClickSendMethod<"post">;
  DELETE: ClickSendMethod<"delete">;
  PATCH: ClickSendMethod<"patch">;
  /** Any method by name: `request("post", "/v3/sms/send", init)`. */
  request<M extends HttpMethod, P extends PathsWithMethod<M>, Init extends MaybeOptionalInit<paths[P], M>>(
    method: M,
    url: P,
    ...init: InitParam<Init>
  ): Promise<ClickSendResult<Op<P, M>, Init>>;
  /** Adds middleware (openapi-fetch's `onRequest` / `onResponse` / `onError`), run on every attempt. */
  use(...middleware: Middleware[]): void;
  eject(...middleware: Middleware[]): void;
}

type HeaderValue = string | number | boolean | (string | number | boolean)[] | null | undefined;
type HeadersInput = HeadersInit | Record<string, HeaderValue> | undefined;

interface Init extends CallOptions, Omit<RequestInit, "body" | "headers"> {
  params?: { path?: Record<string, unknown>; query?: Record<string, unknown>; header?: Record<string, HeaderValue> };
  body?: unknown;
  headers?: HeadersInput;
  parseAs?: "json" | "text" | "blob" | "arrayBuffer" | "stream";
  querySerializer?: (query: Record<string, unknown>) => string;
  bodySerializer?: (body: unknown, headers: Headers) => unknown;
  pathSerializer?: (path: string, params: Record<string, unknown>) => string;
  baseUrl?: string;
  fetch?: FetchLike;
  middleware?: Middleware[];
}

/** What a call resolves to when a response arrived. */
type Answer = { data: unknown; response: Response } | { error: ClickSendApiError; response: Response };
/** One attempt: a response (its envelope, or `invalid` = a body that is not one) or a failure. */
type Outcome = { response: Response; parsed?: unknown; invalid?: string } | { failure: unknown; timedOut: boolean; sent: boolean };

/** Codes of failures that happen before a byte of the request is written. */
const NOT_SENT = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|UND_ERR_CONNECT_TIMEOUT)$/;
const UNKNOWN_OUTCOME = " The outcome is unknown: ClickSend may have received it, so it was not sent again; check before resending.";

function errorCode(err: unknown): string | undefined {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 4; e = e.cause as typeof e, i++) {
    if (typeof e.code === "string") return e.code;
  }
  return undefined;
}

function mergeHeaders(...sources: HeadersInput[]): Headers {
  const out = new Headers();
  for (const source of sources) {
    if (!source) continue;
    const entries = source instanceof Headers ? source.entries() : Array.isArray(source) ? source : Object.entries(source);
    for (const [name, value] of entries as Iterable<[string, HeaderValue]>) {
      if (value === null) out.delete(name);
      else if (Array.isArray(value)) for (const v of value) out.append(name, `${v}`);
      else if (value !== undefined) out.set(name, `${value}`);
    }
  }
  return out;
}

/** Path parameters in openapi-fetch's default (`simple`) style. */
/**
 * Fills `{name}` placeholders, each value percent-encoded so `/`, `?` and `#` stay inside its
 * segment. A value that would still address another endpoint (missing, empty, `.` or `..`,
 * which URL parsing resolves even when percent-encoded) is refused before anything is sent.
 */
function encodePath(path: string, params: Record<string, unknown> = {}): string {
  return path.replace(/\{([^{}]+)\}/g, (_whole, name: string) => {
    const value = params[name];
    const parts = value == null ? [] : Array.isArray(value) ? value : typeof value === "object" ? Object.entries(value).flat() : [value];
    const segment = parts.map((v) => encodeURIComponent(`${v}`)).join(",");
    if (segment === "" || /^(\.|%2e){1,2}$/i.test(segment)) {
      throw new TypeError(
        `path parameter "${name}" of ${path} is ${value == null ? "missing" : JSON.stringify(`${value}`)}; ` +
          "it must be a non-empty value other than \".\" or \"..\" (anything else would address another endpoint)",
      );
    }
    return segment;
  });
}

/** Query parameters in openapi-fetch's default style: `form` + explode for arrays, `deepObject` for objects. */
function encodeQuery(query: Record<string, unknown>): string {
  const parts: string[] = [];
  const add = (name: string, value: unknown) => value != null && parts.push(`${name}=${encodeURIComponent(`${value}`)}`);
  for (const [name, value] of Object.entries(query)) {
    if (Array.isArray(value)) for (const v of value) add(name, v);
    else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) add(`${name}[${k}]`, v);
    else add(name, value);
  }
  return parts.join("&");
}

/** Replaces the credential (the header value, its token, and for Basic `user:key` and the key) in text a caller may see. */
export function redactor(authorization: string): (text: string) => string {
  const token = authorization.slice(authorization.indexOf(" ") + 1);
  const secrets = [authorization, token];
  try {
    const pair = new TextDecoder().decode(Uint8Array.from(atob(token), (c) => c.charCodeAt(0)));
    if (authorization.startsWith("Basic ")) secrets.push(pair, pair.slice(pair.indexOf(":") + 1));
  } catch {
    // a Bearer token need not be base64
  }
  const live = secrets.filter((s) => s.length > 3).sort((a, b) => b.length - a.length);
  return (text) => live.reduce((t, s) => t.split(s).join("[REDACTED]"), text);
}

/**
 * The one place a typed client is assembled; ClickSend and the gateway routes differ only in
 * `baseUrl`, credentials and middleware, so retries, timeouts and errors behave the same on all.
 *
 * A call: build the request, run middleware, send it (credentials are added below all
 * middleware), read the answer. Idempotent operations (the spec's `x-idempotent`) are retried on
 * 429, 5xx, timeouts and connection failures; any operation is retried when the connection was
 * refused before a byte was sent. Everything else fails after one request.
 */
export function createTypedClient(config: TypedClientConfig): ClickSendClient {
  const baseUrl = config.baseUrl.replace(/\/+$/, "");
  let redactText: ((text: string) => string) | undefined;
  const redact = (text: string) => (redactText ??= redactor(config.authorization))(text);
  const authorize = (transport?: FetchLike) =>
    authorizedFetch({ authorization: config.authorization, origin: new URL(baseUrl).origin, ...(transport && { fetch: transport }) });
  let clientFetch: FetchLike | undefined; // built on the first call, to keep construction cheap
  const middlewares = [...(config.middleware ?? [])];
  const warned = new Set<string>();
  const log = (message: string) => config.logger?.warn(redact(`clicksend: ${message}`));

  async function call(method: string, path: string, init: Init = {}): Promise<Answer> {
    const operation = `${method} ${path}`;
    const idempotent = isIdempotent(method, path);
    let entry: readonly [string, number] | undefined;
    const name = async () => {
      entry ??= (await loadOperations())[operation];
      return entry ? `${entry[0]} (${operation})` : operation;
    };
    if (config.logger && !warned.has(operation)) {
      const named = await name();
      if (entry && entry[1] & 2) {
        warned.add(operation);
        log(`${named} is deprecated in the ClickSend API`);
      }
    }
    const retry =
      init.retry === false || (init.retry === undefined && config.retry === false)
        ? undefined
        : { ...DEFAULT_RETRY, ...(config.retry || undefined), ...init.retry };
    const attempts = retry ? retry.retries + 1 : 1;
    const timeoutMs = init.timeoutMs ?? config.timeoutMs ?? 30_000;
    const signal = init.signal ?? undefined;
    let sent = false;

    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) {
        throw new ClickSendAbortError(`${await name()}: aborted by the caller${sent && !idempotent ? UNKNOWN_OUTCOME : ""}`, {
          operationId: entry?.[0],
          operation,
          attempts: attempt - 1,
          maybeDelivered: sent,
          retryable: false,
        }, { cause: signal.reason });
      }
      const outcome = await once(method, path, init, timeoutMs, signal);
      if ("response" in outcome && outcome.invalid === undefined && outcome.response.ok) {
        return { data: outcome.parsed, response: outcome.response };
      }
      const named = await name();
      const base = { operationId: entry?.[0], operation, attempts: attempt };
      let error: ClickSendError;
      let again: boolean;
      let waitMs: number | undefined;
      if ("response" in outcome) {
        const { response, parsed, invalid } = outcome;
        const status = response.status;
        const transient = status === 429 || status >= 500;
        // A 429 was turned away; a 4xx page from a proxy never reached ClickSend.
        const maybeDelivered = status !== 429 && (status >= 500 || status < 400);
        waitMs = parseRetryAfter(response.headers.get("retry-after"));
        const fields = { ...base, status, retryAfterMs: waitMs, maybeDelivered, retryable: transient && (idempotent || !maybeDelivered) };
        const unknown = maybeDelivered && !idempotent ? UNKNOWN_OUTCOME : "";
        if (invalid !== undefined) {
          const type = response.headers.get("content-type");
          const body = redact(invalid);
          const msg = `expected a ClickSend JSON envelope, got ${body ? `${type || "a body"} starting ${JSON.stringify(body.slice(0, 80))}` : `an empty ${type || "body"}`}`;
          const envelope = { http_code: status, response_code: "INVALID_RESPONSE", response_msg: msg, data: null };
          error = new ClickSendInvalidResponseError(`${named}: ${status}: ${msg}.${unknown}`, {
            ...fields,
            ...envelope,
            responseCode: envelope.response_code,
            responseMsg: msg,
            body: body.slice(0, 500),
          });
        } else {
          const env = parsed as { http_code?: unknown; response_code: string; response_msg?: unknown; data?: unknown };
          const msg = redact(`${env.response_msg ?? ""}`);
          error = new ClickSendApiError(`${named} failed: ${status} ${env.response_code}${msg && `: ${msg}`}${unknown}`, {
            ...fields,
            http_code: typeof env.http_code === "number" ? env.http_code : status,
            response_code: env.response_code,
            response_msg: msg,
            data: env.data ?? null,
            responseCode: env.response_code,
            responseMsg: msg,
          });
        }
        again = transient && idempotent;
        sent = true;
      } else {
        const { failure, timedOut } = outcome;
        const code = errorCode(failure);
        const notSent = !outcome.sent || (code !== undefined && NOT_SENT.test(code));
        sent ||= !notSent;
        if (signal?.aborted) continue; // reported at the top of the loop
        const fields = { ...base, maybeDelivered: !notSent, retryable: idempotent || notSent };
        const unknown = notSent || idempotent ? "" : UNKNOWN_OUTCOME;
        error = timedOut
          ? new ClickSendTimeoutError(`${named}: no complete response within ${timeoutMs} ms${unknown}`, { ...fields, timeoutMs }, { cause: failure })
          : new ClickSendConnectionError(`${named}: connection failed${code ? ` (${code})` : ""}${unknown}`, { ...fields, code }, { cause: failure });
        again = idempotent || notSent;
      }

      if (again && retry && attempt < attempts && !(waitMs! > retry.maxDelayMs)) {
        const delay = waitMs ?? backoffDelay(attempt, retry, retry.random);
        log(`${named}: ${error.status ?? error.name} on attempt ${attempt} of ${attempts}; retrying in ${delay} ms`);
        await (retry.sleep ?? sleep)(delay, signal).catch((reason: unknown) => {
          if (!signal?.aborted) throw reason; // an abort is reported at the top of the loop
        });
        continue;
      }
      if ("response" in outcome) return { error: error as ClickSendApiError, response: outcome.response };
      throw error;
    }
  }

  /** One attempt: a fresh timer, middleware, the request, and the whole body read. */
  async function once(method: string, path: string, init: Init, timeoutMs: number, signal: AbortSignal | undefined): Promise<Outcome> {
    const {
      params = {},
      body,
      headers,
      parseAs = "json",
      querySerializer = encodeQuery,
      bodySerializer,
      pathSerializer = encodePath,
      baseUrl: callBase,
      fetch: callFetch,
      middleware: callMiddleware = [],
      timeoutMs: _t,
      retry: _r,
      signal: _s,
      ...rest
    } = init;
    const query = params.query ? querySerializer(params.query) : "";
    const url = (callBase?.replace(/\/+$/, "") || baseUrl) + pathSerializer(path, params.path ?? {}) + (query && `?${query}`);
    const merged = mergeHeaders(config.headers, headers, params.header);
    let payload: unknown;
    if (body !== undefined) {
      payload = bodySerializer
        ? bodySerializer(body, merged)
        : body instanceof FormData
          ? body
          : merged.get("content-type")?.includes("application/x-www-form-urlencoded")
            ? `${new URLSearchParams(body as Record<string, string>)}`
            : JSON.stringify(body);
      if (!(payload instanceof FormData) && !merged.has("content-type")) merged.set("content-type", "application/json");
    }

    const all = [...middlewares, ...callMiddleware];
    // No middleware or user fetch will see it, and the platform transport takes it lean (body.ts).
    const lean = (await platform()).outOfBand && !all.length && !callFetch && !config.fetch && (payload === undefined || typeof payload === "string");

    // A fresh timer for each attempt, combined with the caller's signal.
    const handle: AbortHandle = { aborted: false };
    const controller = lean ? undefined : new AbortController();
    let timedOut = false;
    const abort = (reason: unknown) => {
      if (handle.aborted) return;
      Object.assign(handle, { aborted: true, reason });
      controller?.abort(reason);
      handle.onabort?.();
    };
    const onAbort = () => abort(signal!.reason);
    signal?.addEventListener("abort", onAbort);
    const timer =
      timeoutMs > 0 && timeoutMs < Infinity
        ? setTimeout(() => {
            timedOut = true;
            abort(new DOMException(`no complete response within ${timeoutMs} ms`, "TimeoutError"));
          }, timeoutMs)
        : undefined;
    let sent = false;
    const failed = (failure: unknown): Outcome => ({ failure, timedOut, sent });
    try {
      const requestInit = { redirect: "follow", ...rest, method, headers: merged } as RequestInit;
      let request = lean
        ? ({ url, method, headers: merged, [REQUEST_BODY]: payload, [REQUEST_SIGNAL]: handle } as unknown as Request)
        : new Request(url, { ...requestInit, body: payload as BodyInit, signal: controller!.signal });
      if (typeof payload === "string") Object.assign(request, { [REQUEST_BODY]: payload });
      for (const key in rest) if (!(key in request)) Object.assign(request, { [key]: rest[key as keyof typeof rest] });

      const id = Math.random().toString(36).slice(2, 11);
      clientFetch ??= authorize(config.fetch);
      const options = { baseUrl, parseAs, querySerializer, bodySerializer, pathSerializer, fetch: clientFetch } as never;
      const context = () => ({ request, schemaPath: path, params, options, id });
      let response: Response | undefined;
      for (const m of all) {
        const result = await m.onRequest?.(context());
        if (result instanceof Response) {
          response = result;
          break;
        }
        if (result) request = result;
      }
      if (!response) {
        try {
          sent = true;
          response = await (callFetch ? authorize(callFetch) : clientFetch!)(request);
        } catch (failure) {
          if (errorCode(failure) === FOREIGN_ORIGIN) throw failure;
          let error: unknown = failure;
          for (const m of [...all].reverse()) {
            const result = await m.onError?.({ ...context(), error });
            if (result instanceof Response) {
              response = result;
              break;
            }
            if (result) error = result;
          }
          if (!response) return failed(error);
        }
        try {
          for (const m of [...all].reverse()) response = (await m.onResponse?.({ ...context(), response: response! })) || response;
        } catch (e) {
          // A middleware reading a body the connection dropped is a transport failure, not its own bug.
          if (handle.aborted || errorCode(e) !== undefined) return failed(e);
          throw e;
        }
      }

      let text = "";
      try {
        const bytes = (response as { [RESPONSE_BYTES]?: Uint8Array<ArrayBuffer> })[RESPONSE_BYTES];
        if (response!.ok && parseAs !== "json") {
          const source = bytes ? new Response(bytes) : response!;
          return { response: response!, parsed: parseAs === "stream" ? source.body : await source[parseAs]() };
        }
        text = bytes ? new TextDecoder().decode(bytes) : await response!.text();
      } catch (e) {
        return failed(e);
      }
      let parsed: { response_code?: unknown } | undefined;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: an invalid response
      }
      if (typeof parsed?.response_code === "string") return { response: response!, parsed };
      // A few operations answer with the object itself or nothing at all (spec: x-clicksend-envelope: false).
      if (response!.ok && bareOperations.has(`${method} ${path}`) && (text === "" || parsed !== undefined)) return { response: response!, parsed };
      return { response: response!, invalid: text };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    }
  }

  const method = (name: string) => (path: string, init?: Init) => call(name, path, init);
  const client = {
    request: (name: string, path: string, init?: Init) => call(name.toUpperCase(), path, init),
    GET: method("GET"),
    PUT: method("PUT"),
    POST: method("POST"),
    DELETE: method("DELETE"),
    PATCH: method("PATCH"),
    use(...added: Middleware[]) {
      for (const m of added) {
        if (m && typeof m !== "object") throw new TypeError("Middleware must be an object with onRequest, onResponse or onError");
        if (m) middlewares.push(m);
      }
    },
    eject(...removed: Middleware[]) {
      for (const m of removed) if (middlewares.includes(m)) middlewares.splice(middlewares.indexOf(m), 1);
    },
  };
  return client as unknown as ClickSendClient;
}
