import { platform } from "../internal/platform.js";
import { ClickSendConfigError } from "./config-error.js";

/** A `fetch` as openapi-fetch calls it. */
export type FetchLike = (input: Request) => Promise<Response>;

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

/**
 * Wraps `fetch` so each request gets `Authorization` at the moment it is sent, and only
 * when it goes to `origin`. Doing this below all middleware means no middleware (a
 * logger, a user's hook) ever sees the credential, and a request rewritten to another
 * host fails instead of carrying it there. The value lives only in this closure.
 *
 * Without `fetch`, requests go to the platform transport (on Node a keep-alive transport over
 * node:http, elsewhere the global `fetch`), which takes the headers beside the request instead of
 * a copy of it.
 */
export function authorizedFetch(options: { authorization: string; origin: string; fetch?: FetchLike }): FetchLike {
  const { authorization, origin, fetch: custom } = options;
  return (request) => {
    const target = new URL(request.url).origin;
    // The error (code FOREIGN_ORIGIN) is built by ./failure.ts, loaded only when something goes wrong.
    if (target !== origin) return import("./failure.js").then((m) => Promise.reject(m.foreignOriginError(origin, target, FOREIGN_ORIGIN)));
    const headers = new Headers(request.headers);
    headers.set("Authorization", authorization);
    return custom ? custom(new Request(request, { headers })) : platform().then((t) => t.platformFetch(request, { headers }));
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
