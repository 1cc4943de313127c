import type { OutgoingRequest, Transport } from "./types.js";

/** A `fetch` as openapi-fetch calls it. */
export type FetchLike = (input: Request) => Promise<Response>;

/**
 * A transport over a `fetch` (a user's, or the platform's). Each attempt is a fresh `Request`
 * with `redirect: "manual"`, so no redirect is followed whatever the `fetch` does by default.
 *
 * The attempt's `Request` is kept reachable until its answer is settled: Node's fetch links the
 * signal of a `Request` copied from another through a weak reference, so a copy collected
 * mid-flight would no longer hear the timeout or the caller's abort.
 */
export function fetchTransport(fetchFn: FetchLike): Transport {
  return async (outgoing: OutgoingRequest) => {
    const { source } = outgoing;
    const request = new Request(outgoing.url, {
      method: outgoing.method,
      headers: outgoing.headers,
      body: outgoing.body ?? null,
      signal: outgoing.abort.signal(),
      redirect: "manual",
      ...(source && { cache: source.cache, credentials: source.credentials, integrity: source.integrity, keepalive: source.keepalive, referrerPolicy: source.referrerPolicy }),
    });
    try {
      return await fetchFn(request);
    } finally {
      keepReachable(request);
    }
  };
}

/** Uses a value after an `await`, so the engine keeps it alive until then. */
function keepReachable(value: unknown): void {
  if (value === keepReachable) throw new Error("unreachable");
}
