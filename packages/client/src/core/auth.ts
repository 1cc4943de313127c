import { ClickSendConfigError } from "./config-error.js";

/** A `fetch` as openapi-fetch calls it. */
export type FetchLike = (input: Request) => Promise<Response>;

/** HTTP Basic credentials for ClickSend: `username:apiKey`, base64-encoded as UTF-8. */
export function basicAuthorization(username: string, apiKey: string): string {
  const bytes = new TextEncoder().encode(`${username}:${apiKey}`);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return `Basic ${btoa(binary)}`;
}

/** `Bearer <token>`, as the gateways expect it. */
export function bearerAuthorization(token: string): string {
  return `Bearer ${token}`;
}

/**
 * Wraps `fetch` so each request gets `Authorization` at the moment it is sent, and only
 * when it goes to `origin`. Doing this below all middleware means no middleware (a
 * logger, a user's hook) ever sees the credential, and a request rewritten to another
 * host fails instead of carrying it there. The value lives only in this closure.
 */
export function authorizedFetch(options: { authorization: string; origin: string; fetch?: FetchLike }): FetchLike {
  const { authorization, origin } = options;
  // Read the global lazily so a fetch patched after construction (instrumentation) is used.
  const send: FetchLike = options.fetch ?? ((input) => globalThis.fetch(input));
  return (request) => {
    const target = new URL(request.url).origin;
    if (target !== origin) {
      return Promise.reject(new Error(`refusing to send credentials meant for ${origin} to ${target}`));
    }
    const headers = new Headers(request.headers);
    headers.set("Authorization", authorization);
    return send(new Request(request, { headers }));
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
