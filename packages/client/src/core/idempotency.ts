import { idempotencyExceptions } from "../generated/idempotency.js";

/**
 * Whether the client may send `METHOD path` twice: the spec's `x-idempotent`, generated at build
 * time as HTTP's rule for the method (RFC 9110: GET, HEAD, OPTIONS, PUT, DELETE) plus the spec's
 * exceptions (a POST price quote is safe, a PUT purchase is not). A path outside the spec follows
 * HTTP's rule.
 */
export function isIdempotent(method: string, path: string): boolean {
  const upper = method.toUpperCase();
  return idempotencyExceptions[`${upper} ${path}`] ?? !/^(POST|PATCH)$/.test(upper);
}
