import type { Client, FetchResponse, MaybeOptionalInit, Middleware } from "openapi-fetch";
import type { HttpMethod, paths } from "@clicksend-kit/types";
import type { ClickSendApiError } from "./errors.js";
import type { CallOptions } from "./route-client.js";

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

