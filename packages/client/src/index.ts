// Public entry of @clicksend-kit/client. `core/` holds what users may build on;
// `internal/` is implementation detail and not exported.
export { createClickSendClient, DEFAULT_BASE_URL, type ClickSendClientOptions } from "./core/clicksend-client.js";
export { ClickSendConfigError } from "./core/config-error.js";
export {
  createTypedClient,
  type ClickSendClient,
  type TransportOptions,
  type TypedClientConfig,
} from "./core/typed-client.js";
export {
  assertNoReservedHeaders,
  authorizedFetch,
  basicAuthorization,
  bearerAuthorization,
  type FetchLike,
} from "./core/auth.js";
export { joinBaseUrl, parseBaseUrl, requireCredential } from "./core/options.js";
export type { Middleware } from "openapi-fetch";
