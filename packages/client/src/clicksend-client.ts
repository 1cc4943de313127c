import { assertNoReservedHeaders, basicAuthorization } from "./auth.js";
import type { ClickSendClient } from "./client-types.js";
import { ClickSendConfigError } from "./config-error.js";
import { requireCredential, resolveBaseUrl, transportOptions, type TransportOptions } from "./options.js";
import { createRouteClient } from "./route-client.js";

export const DEFAULT_BASE_URL = "https://rest.clicksend.com";

export interface ClickSendClientOptions extends TransportOptions {
  /** ClickSend username. Defaults to the `CLICKSEND_USERNAME` environment variable. */
  username?: string;
  /** ClickSend API key. Defaults to the `CLICKSEND_API_KEY` environment variable. */
  apiKey?: string;
  /** API host, without `/v3` (default `https://rest.clicksend.com`). */
  baseUrl?: string;
}

const ROUTE = "createClickSendClient";

/**
 * A typed client for ClickSend's REST API v3, authenticated with HTTP Basic.
 *
 * @example
 * const clicksend = createClickSendClient(); // CLICKSEND_USERNAME / CLICKSEND_API_KEY
 * const { data, error } = await clicksend.POST("/v3/sms/send", {
 *   body: { messages: [{ to: "+61411111111", body: "Hello" }] },
 * });
 */
export function createClickSendClient(options: ClickSendClientOptions = {}): ClickSendClient {
  const username = requireCredential(options.username, "username", "CLICKSEND_USERNAME", ROUTE);
  const apiKey = requireCredential(options.apiKey, "apiKey", "CLICKSEND_API_KEY", ROUTE);
  if (username.includes(":")) {
    // HTTP Basic cannot carry a colon in the user name (RFC 7617).
    throw new ClickSendConfigError(`${ROUTE}: \`username\` must not contain ":".`, "username", "CLICKSEND_USERNAME");
  }
  const baseUrl = resolveBaseUrl(options.baseUrl, DEFAULT_BASE_URL, ROUTE);
  assertNoReservedHeaders(options.headers, ROUTE);
  return createRouteClient({ ...transportOptions(options, ROUTE), baseUrl, authorization: basicAuthorization(username, apiKey) });
}
