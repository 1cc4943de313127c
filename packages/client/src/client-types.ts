// The client's call signatures, from per-method path maps generated from the spec
// (./generated/methods.ts). Each call's `init` is a plain object type computed from its path, not
// a type inferred from the argument, so TypeScript checks it for excess properties: a misspelled
// key anywhere in `body`, `params` or the options fails to compile, at any depth.
import type { Middleware, QuerySerializer, QuerySerializerOptions } from "openapi-fetch";
import type { Schema } from "@clicksend-kit/types";
import type { ClickSendApiError } from "./errors.js";
import type { MethodPaths } from "./generated/methods.js";
import type { RetryOptions } from "./retry-policy.js";
import type { FetchLike } from "./transport/fetch.js";

/** The methods ClickSend's operations use, as openapi-fetch names them. */
export type ApiMethod = keyof MethodPaths;

/** How the body of a success is read (openapi-fetch's `parseAs`). */
export type ParseAs = "json" | "text" | "blob" | "arrayBuffer" | "stream";

/** Options of every call: openapi-fetch's, the `RequestInit` ones a `fetch` honours, and the client's own. */
export interface RequestOptions extends Omit<RequestInit, "body" | "headers" | "method" | "signal"> {
  headers?: HeadersInit | Record<string, string | number | boolean | (string | number | boolean)[] | null | undefined>;
  signal?: AbortSignal | null;
  baseUrl?: string;
  querySerializer?: QuerySerializer<unknown> | QuerySerializerOptions;
  bodySerializer?: (body: any, headers?: Headers | Record<string, string>) => any;
  pathSerializer?: (pathname: string, pathParams: Record<string, unknown>) => string;
  fetch?: FetchLike;
  middleware?: Middleware[];
  /** Time limit for each attempt of this call, in ms (overrides the client's `timeoutMs`; 0 = none). */
  timeoutMs?: number;
  /** Retry policy for this call (merged over the client's); `false` for none. */
  retry?: RetryOptions | false;
}

type Parameters_<O> = O extends { parameters: infer P } ? P : {};
type ParamsOption<O> = {} extends Parameters_<O> ? { params?: Parameters_<O> } : { params: Parameters_<O> };
type JsonOf<C> = C extends { content: { "application/json": infer B } } ? B : C extends { content: { [media: string]: infer B } } ? B : never;
type BodyOption<O> = O extends { requestBody?: infer R }
  ? [NonNullable<R>] extends [never]
    ? { body?: never }
    : undefined extends R
      ? { body?: JsonOf<NonNullable<R>> }
      : { body: JsonOf<R> }
  : { body?: never };

/** The `init` of a call to operation `O`, reading the success body as `A`. */
export type CallInit<O, A extends ParseAs = "json"> = RequestOptions & ParamsOption<O> & BodyOption<O> & { parseAs?: A };

/** The init argument: optional unless the operation has required parameters or a required body. */
export type InitArgs<O, A extends ParseAs> = {} extends ParamsOption<O> & BodyOption<O> ? [init?: CallInit<O, A>] : [init: CallInit<O, A>];

type SuccessBody<O> = O extends { responses: infer R }
  ? R extends { 200: infer S }
    ? JsonOf<S>
    : R extends { 201: infer S }
      ? JsonOf<S>
      : undefined
  : never;

type Parsed<O, A extends ParseAs> = A extends "json"
  ? SuccessBody<O>
  : A extends "text"
    ? string
    : A extends "blob"
      ? Blob
      : A extends "arrayBuffer"
        ? ArrayBuffer
        : ReadableStream<Uint8Array> | null;

/**
 * What a call resolves to, shaped as openapi-fetch's `FetchResponse`: `data` on success, else
 * `error`, a `ClickSendApiError` that is also ClickSend's error envelope. A call with no response
 * at all (connection failure, timeout, abort) rejects instead; `unwrap()` turns both into one throw.
 */
export type ClickSendResult<O, A extends ParseAs = "json"> =
  | { data: Parsed<O, A>; error?: never; response: Response }
  | { data?: never; error: ClickSendApiError & Schema<"ErrorEnvelope">; response: Response };

/** A call of one method: the path picks the operation, and the init is checked against it. */
export type ClickSendMethod<Paths> = <P extends keyof Paths, A extends ParseAs = "json">(
  url: P,
  ...init: InitArgs<Paths[P], A>
) => Promise<ClickSendResult<Paths[P], A>>;

/** OPTIONS, HEAD and TRACE: no ClickSend operation uses them, so no path type-checks. */
export type UnusedMethod = (url: never, init?: RequestOptions) => Promise<never>;

/**
 * The typed client every route returns: openapi-fetch's client (its methods, `use`, `eject`),
 * with ClickSend's errors, retries and timeouts, typed from the spec's per-method path maps.
 */
export interface ClickSendClient {
  GET: ClickSendMethod<MethodPaths["get"]>;
  PUT: ClickSendMethod<MethodPaths["put"]>;
  POST: ClickSendMethod<MethodPaths["post"]>;
  DELETE: ClickSendMethod<MethodPaths["delete"]>;
  PATCH: ClickSendMethod<MethodPaths["patch"]>;
  OPTIONS: UnusedMethod;
  HEAD: UnusedMethod;
  TRACE: UnusedMethod;
  /** Any method by name: `request("post", "/v3/sms/send", init)`. */
  request<M extends ApiMethod, P extends keyof MethodPaths[M], A extends ParseAs = "json">(
    method: M,
    url: P,
    ...init: InitArgs<MethodPaths[M][P], A>
  ): Promise<ClickSendResult<MethodPaths[M][P], A>>;
  /** Adds openapi-fetch middleware (`onRequest` / `onResponse` / `onError`), run once per call. */
  use(...middleware: Middleware[]): void;
  eject(...middleware: Middleware[]): void;
}
