import { ClickSendConfigError } from "./config-error.js";
import type { FetchLike } from "./transport/fetch.js";

/** HTTP Basic credentials for ClickSend: `username:apiKey`, base64-encoded as UTF-8. */
export function basicAuthorization(username: string, apiKey: string): string {
  return `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(`${username}:${apiKey}`)))}`;
}

/** `Bearer <token>`, as the gateways expect it. */
export function bearerAuthorization(token: string): string {
  return `Bearer ${token}`;
}

/** `code` of the error raised when a request would carry credentials to another origin. */
export const FOREIGN_ORIGIN = "ERR_CLICKSEND_FOREIGN_ORIGIN";

/** The error for a request that would carry credentials meant for `origin` to `target`. */
export function foreignOriginError(origin: string, target: string): Error {
  return Object.assign(new Error(`refusing to send credentials meant for ${origin} to ${target}`), { code: FOREIGN_ORIGIN });
}

/**
 * Sets `Authorization` on the headers of a request about to be sent, only when it goes to
 * `origin`; a request rewritten to another host (by a middleware, say) throws instead of
 * carrying the credential there. The value lives only in this closure.
 */
export function authorizer(authorization: string, origin: string): (url: string, headers: Headers) => void {
  return (url, headers) => {
    const target = new URL(url).origin;
    if (target !== origin) throw foreignOriginError(origin, target);
    headers.set("Authorization", authorization);
  };
}

/**
 * Wraps `fetch` so each request gets `Authorization` at the moment it is sent, and only when it
 * goes to `origin`: for an openapi-fetch client of your own, where no middleware then sees the
 * credential. Without `fetch`, the global `fetch` sends.
 */
export function authorizedFetch(options: { authorization: string; origin: string; fetch?: FetchLike }): FetchLike {
  const authorize = authorizer(options.authorization, options.origin);
  return async (request) => {
    const headers = new Headers(request.headers);
    authorize(request.url, headers);
    const authorized = new Request(request, { headers });
    const send = options.fetch ?? ((r: Request) => globalThis.fetch(r));
    try {
      return await send(authorized);
    } finally {
      // Keep the copy (and the signal it follows) reachable until the answer is settled.
      void authorized.signal;
    }
  };
}

/** Refuses user-supplied headers that the client itself owns. */
export function assertNoReservedHeaders(headers: Record<string, string> | undefined, route: string): void {
  if (!headers) return;
  if (Object.keys(headers).some((name) => name.toLowerCase() === "authorization")) {
    throw new ClickSendConfigError(
      `${route}: do not pass an Authorization header in \`headers\`; the client sets it from its credentials.`,
      "headers",
    );
  }
}
