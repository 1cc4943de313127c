import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { paths } from "@clicksend-kit/types";
import { authorizedFetch, type FetchLike } from "./auth.js";

/** The typed client every route returns: openapi-fetch's `GET`/`POST`/…/`use` over ClickSend's paths. */
export type ClickSendClient = Client<paths>;

/** What every route shares, whatever host and credentials it uses. */
export interface TransportOptions {
  /** A `fetch` to send requests with (defaults to the global one). Tests inject a recording fetch. */
  fetch?: FetchLike;
  /** Extra headers on every request (not `Authorization`: credentials come from their own options). */
  headers?: Record<string, string>;
}

export interface TypedClientConfig extends TransportOptions {
  /** Full URL that spec paths (`/v3/...`) are appended to. */
  baseUrl: string;
  /** The `Authorization` header value; sent only to the origin of `baseUrl`. */
  authorization: string;
  /** Route-specific middleware (e.g. a gateway's response unwrapping), run on every request. */
  middleware?: Middleware[];
}

/**
 * The one place a typed client is assembled; ClickSend and the gateway routes differ only
 * in `baseUrl`, credentials and middleware, so behaviour added here reaches all of them.
 */
export function createTypedClient(config: TypedClientConfig): ClickSendClient {
  const client = createClient<paths>({
    baseUrl: config.baseUrl,
    ...(config.headers ? { headers: config.headers } : {}),
    fetch: authorizedFetch({
      authorization: config.authorization,
      origin: new URL(config.baseUrl).origin,
      ...(config.fetch ? { fetch: config.fetch } : {}),
    }),
  });
  if (config.middleware?.length) client.use(...config.middleware);
  return client;
}
