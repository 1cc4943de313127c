import {
  assertNoReservedHeaders,
  bearerAuthorization,
  createTypedClient,
  joinBaseUrl,
  parseBaseUrl,
  requireCredential,
  transportOptions,
  type ClickSendClient,
  type Middleware,
  type TransportOptions,
} from "@clicksend-kit/client";

/** Options every gateway route takes. */
export interface GatewayOptions extends TransportOptions {
  /** The gateway's API key; defaults to the route's environment variable. */
  apiKey?: string;
  /** Gateway host; requests go to `{baseUrl}/clicksend/v3/...`. */
  baseUrl?: string;
}

interface GatewayRoute {
  /** Function name, for error messages. */
  name: string;
  envVar: string;
  defaultBaseUrl: string;
  middleware: Middleware[];
}

/** Both gateways proxy ClickSend's own paths under `/clicksend` with a Bearer key. */
export function createGatewayClient(route: GatewayRoute, options: GatewayOptions): ClickSendClient {
  const apiKey = requireCredential(options.apiKey, "apiKey", route.envVar, route.name);
  const base = parseBaseUrl(options.baseUrl ?? route.defaultBaseUrl, "baseUrl", route.name);
  assertNoReservedHeaders(options.headers, route.name);
  return createTypedClient({
    // fetch, headers, timeoutMs, retry, logger: the same retries, timeouts and errors as ClickSend's own route.
    ...transportOptions(options, route.name),
    baseUrl: joinBaseUrl(base, "/clicksend"),
    authorization: bearerAuthorization(apiKey),
    middleware: route.middleware,
  });
}
