import type { Client, FetchResponse, MaybeOptionalInit, Middleware } from "openapi-fetch";
import type { HttpMethod, paths } from "@clicksend-kit/types";
import { platform } from "../internal/platform.js";
import { REQUEST_BODY, REQUEST_SIGNAL, RESPONSE_BYTES, type AbortHandle } from "../internal/body.js";
import { authorizedFetch, FOREIGN_ORIGIN, type FetchLike } from "./auth.js";
import {
  ClickSendAbortError,
  ClickSendApiError,
  ClickSendConnectionError,
  ClickSendInvalidResponseError,
  ClickSendTimeoutError,
} from "./errors.js";
import { loadOperations } from "./operations.js";
import type { CallState, ClientState, Failure, Lib } from "./failure.js";
import type { RetryOptions } from "./retry.js";

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
/** openapi-fetch's eight methods. ClickSend uses five; the other three keep the client a `Client<paths>`. */
export type AnyMethod = HttpMethod | "options" | "head" | "trace";
/** Paths with an operation for `M` (none for `options`, `head`, `trace`); openapi-fetch's own definition. */
type PathsFor<M extends AnyMethod> = { [P in keyof paths]: paths[P] extends { [K in M]: any } ? P : never }[keyof paths];
type Op<P, M extends AnyMethod> = P extends keyof paths ? Extract<paths[P][M & keyof paths[P]], Record<string | number, any>> : never;

/**
 * What a call resolves to: openapi-fetch's `FetchResponse` — `data` on success, else `error` —
 * where `error` is also a `ClickSendApiError` (it carries ClickSend's error envelope fields and
 * `status`, `responseCode`, `operationId`, `retryable`, …). A call with no response at all
 * (connection failure, timeout, abort) rejects instead; `unwrap()` turns both into one throw.
 */
export type ClickSendResult<T extends Record<string | number, any>, Init> = FetchResponse<T, Init, Media> & { error?: ClickSendApiError };

export type ClickSendMethod<M extends AnyMethod> = <P extends PathsFor<M>, Init extends MaybeOptionalInit<paths[P], M>>(
  url: P,
  ...init: InitParam<Init>
) => Promise<ClickSendResult<Op<P, M>, Init>>;

/**
 * The typed client every route returns: openapi-fetch's `Client<paths>` (assignable to it, so
 * code typed against openapi-fetch takes it), with ClickSend's errors, retries and timeouts.
 */
export interface ClickSendClient {
  GET: ClickSendMethod<"get">;
  PUT: ClickSendMethod<"put">;
  POST: ClickSendMethod<"post">;
  DELETE: ClickSendMethod<"delete">;
  PATCH: ClickSendMethod<"patch">;
  /** No ClickSend operation uses OPTIONS, HEAD or TRACE; they exist for openapi-fetch's `Client` shape. */
  OPTIONS: ClickSendMethod<"options">;
  HEAD: ClickSendMethod<"head">;
  TRACE: ClickSendMethod<"trace">;
  /**
   * Any method by name: `request("post", "/v3/sms/send", init)`. Typed exactly as openapi-fetch's
   * (its `error` is the error envelope; at run time it is a `ClickSendApiError` all the same):
   * a refined generic over all eight methods is too complex for TypeScript to compare with it.
   */
  request: Client<paths, Media>["request"];
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
type Outcome = Failure;

// What only a failure (or a logger) needs: errors, retries, redaction (./failure.ts), loaded on
// first use. It is built on its own (dist/failure.js) and gets the classes that must be the
// public ones from here.
const lib: Lib = [ClickSendAbortError, ClickSendApiError, ClickSendConnectionError, ClickSendInvalidResponseError, ClickSendTimeoutError, loadOperations];
let failureModule: Promise<typeof import("./failure.js")> | undefined;
const failures = () => (failureModule ??= import("./failure.js"));

/** What encodePath throws for a value that would address another endpoint. */
const BAD_PATH = Symbol();

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

/**
 * Path parameters in openapi-fetch's default (`simple`) style: fills `{name}` placeholders, each
 * value percent-encoded so `/`, `?` and `#` stay inside its segment. A value that would still
 * address another endpoint (missing, empty, `.` or `..`, which URL parsing resolves even when
 * percent-encoded) is refused before anything is sent.
 */
function encodePath(path: string, params: Record<string, unknown> = {}): string {
  return path.replace(/\{([^{}]+)\}/g, (_whole, name: string) => {
    const value = params[name];
    const parts = value == null ? [] : Array.isArray(value) ? value : typeof value === "object" ? Object.entries(value).flat() : [value];
    const segment = parts.map((v) => encodeURIComponent(`${v}`)).join(",");
    // call() turns this into a TypeError that says why (./failure.ts).
    if (segment === "" || /^(\.|%2e){1,2}$/i.test(segment)) throw { [BAD_PATH]: [name, path, value] };
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
  const authorize = (transport?: FetchLike) =>
    authorizedFetch({ authorization: config.authorization, origin: new URL(baseUrl).origin, ...(transport && { fetch: transport }) });
  let clientFetch: FetchLike | undefined; // built on the first call, to keep construction cheap
  const middlewares = [...(config.middleware ?? [])];
  const state: ClientState = { config, lib };

  async function call(method: string, path: string, init: Init = {}): Promise<Answer> {
    const signal = init.signal ?? undefined;
    const attempt: CallState = { method, path, retry: init.retry, timeoutMs: init.timeoutMs ?? config.timeoutMs ?? 30_000, signal, attempt: 0, sent: false };
    if (config.logger) await (await failures()).warnDeprecated(state, attempt);
    for (;;) {
      attempt.attempt++;
      const outcome = signal?.aborted
        ? undefined
        : await once(method, path, init, attempt.timeoutMs, signal).catch(async (e: { [BAD_PATH]?: [string, string, unknown] } | undefined) => {
            throw e?.[BAD_PATH] ? (await failures()).pathError(...e[BAD_PATH]) : e;
          });
      if (outcome && "response" in outcome && outcome.invalid === undefined && outcome.response.ok) {
        return { data: outcome.parsed, response: outcome.response };
      }
      const answer = await (await failures()).settle(state, attempt, outcome);
      if (answer) return answer;
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
    const failed = (failure: unknown): Outcome => ({ failure, timedOut, sent, code: errorCode(failure) });
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
      // Not an envelope: an invalid response, unless the operation answers bare (settled in ./failure.ts).
      return typeof parsed?.response_code === "string" ? { response: response!, parsed } : { response: response!, parsed, invalid: text };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    }
  }

  const client: Record<string, unknown> = {
    request: (name: string, path: string, init?: Init) => call(name.toUpperCase(), path, init),
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
  for (const name of ["GET", "PUT", "POST", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE"]) client[name] = (path: string, init?: Init) => call(name, path, init);
  return client as unknown as ClickSendClient;
}
