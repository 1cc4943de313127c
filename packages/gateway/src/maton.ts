import {
  assertNoReservedHeaders,
  bearerAuthorization,
  ClickSendConfigError,
  createTypedClient,
  joinBaseUrl,
  parseBaseUrl,
  requireCredential,
  type ClickSendClient,
  type Middleware,
  type TransportOptions,
} from "@clicksend-kit/client";

export const MATON_GATEWAY_URL = "https://gateway.maton.ai";

export interface MatonClientOptions extends TransportOptions {
  /** Maton API key. Defaults to the `MATON_API_KEY` environment variable. */
  apiKey?: string;
  /** Which of your ClickSend connections to use (`Maton-Connection`); Maton picks the oldest active one when omitted. */
  connection?: string;
  /** Gateway host (default `https://gateway.maton.ai`); requests go to `{baseUrl}/clicksend/v3/...`. */
  baseUrl?: string;
}

const ROUTE = "createMatonClient";

/** Adds `Maton-Connection: <id>` to every request, to pick one of several ClickSend connections. */
export function matonConnection(connectionId: string): Middleware {
  if (typeof connectionId !== "string" || connectionId.trim() === "" || /[\r\n]/.test(connectionId)) {
    throw new ClickSendConfigError(`${ROUTE}: \`connection\` must be a non-empty connection ID on one line.`, "connection");
  }
  const id = connectionId.trim();
  return {
    onRequest({ request }) {
      request.headers.set("Maton-Connection", id);
      return request;
    },
  };
}

/**
 * The typed ClickSend client, routed through Maton's gateway: Maton holds the ClickSend
 * credentials, so only the Maton key (Bearer) leaves this process.
 */
export function createMatonClient(options: MatonClientOptions = {}): ClickSendClient {
  const apiKey = requireCredential(options.apiKey, "apiKey", "MATON_API_KEY", ROUTE);
  const base = parseBaseUrl(options.baseUrl ?? MATON_GATEWAY_URL, "baseUrl", ROUTE);
  assertNoReservedHeaders(options.headers, ROUTE);
  return createTypedClient({
    baseUrl: joinBaseUrl(base, "/clicksend"),
    authorization: bearerAuthorization(apiKey),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
    middleware: options.connection === undefined ? [] : [matonConnection(options.connection)],
  });
}
