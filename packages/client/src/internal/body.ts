/**
 * How the client and the Node transport skip work Node's fetch classes would do for nothing.
 *
 * When no middleware and no user `fetch` will see a request ("lean"), the client does not build a
 * `Request` at all: it hands the transport an object with `url`, `method` and `headers`, the body
 * it already serialized under `REQUEST_BODY`, and an `AbortHandle` under `REQUEST_SIGNAL` instead
 * of an `AbortController`'s signal. The transport answers with a `Response` whose bytes are under
 * `RESPONSE_BYTES` (and, for a lean request, not also in a body stream), which the client decodes
 * directly. Anything else - a request or response a middleware built - is read the standard way.
 */
export const REQUEST_BODY: unique symbol = Symbol.for("@clicksend-kit/client.body") as never;
export const REQUEST_SIGNAL: unique symbol = Symbol.for("@clicksend-kit/client.signal") as never;
export const RESPONSE_BYTES: unique symbol = Symbol.for("@clicksend-kit/client.bytes") as never;

/** Abort state of a lean request: `onabort` is set by the transport and called once on abort. */
export interface AbortHandle {
  aborted: boolean;
  reason?: unknown;
  onabort?: () => void;
}

/** What the client passes to a platform transport: the request, plus the headers to send it with. */
export type PlatformFetch = (request: Request, init: { headers: Headers }) => Promise<Response>;
