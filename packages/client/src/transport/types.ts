/** A request as the client hands it to a transport, for one attempt. */
export interface OutgoingRequest {
  url: string;
  method: string;
  /** Every header to send, credentials included. */
  headers: Headers;
  /** The serialized body (text as the serializer made it, else bytes), sent again as it is on a retry. */
  body: string | Uint8Array<ArrayBuffer> | undefined;
  /** Aborts this attempt: the caller's signal and the attempt's timer, combined. */
  abort: AttemptAbort;
  /** Body size past which a transport that buffers may stop reading (the client checks it too). */
  maxResponseBytes: number;
  /** The request openapi-fetch built (after middleware), for the `RequestInit` fields a `fetch` honours. */
  source?: Request;
}

/**
 * The abort state of one attempt. A transport over `fetch` takes `signal()` (an `AbortSignal`,
 * made on demand); the Node transport listens with `onAbort`, which costs far less than an
 * `AbortController` per attempt on Node 20.
 */
export interface AttemptAbort {
  readonly aborted: boolean;
  readonly reason: unknown;
  /** Calls `listener` once when the attempt is aborted; returns a function that stops listening. */
  onAbort(listener: (reason: unknown) => void): () => void;
  signal(): AbortSignal;
}

/** Sends one attempt. It must not follow redirects; the client reads the body it answers with. */
export type Transport = (request: OutgoingRequest) => Promise<Response>;

/** `code` of the error a transport raises when a body grows past `maxResponseBytes`. */
export const TOO_LARGE = "ERR_CLICKSEND_RESPONSE_TOO_LARGE";

/**
 * Marks a response whose body a transport has already read in full (within the attempt's timer
 * and the size cap), so the client need not read and copy it again. A registered symbol: the
 * Node transport is built apart from the client.
 */
export const BUFFERED: unique symbol = Symbol.for("@clicksend-kit/client.buffered") as never;
