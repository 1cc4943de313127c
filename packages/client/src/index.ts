// Public entry of @clicksend-kit/client. `core/` holds what users may build on;
// `internal/` is implementation detail and not exported.
export { createClickSendClient, DEFAULT_BASE_URL, type ClickSendClientOptions } from "./core/clicksend-client.js";
export { ClickSendConfigError } from "./core/config-error.js";
export {
  createTypedClient,
  type CallOptions,
  type ClickSendClient,
  type AnyMethod,
  type ClickSendMethod,
  type ClickSendResult,
  type InitParam,
  type Logger,
  type TransportOptions,
  type TypedClientConfig,
} from "./core/typed-client.js";
export {
  ClickSendAbortError,
  ClickSendApiError,
  ClickSendConnectionError,
  ClickSendError,
  ClickSendInvalidResponseError,
  ClickSendTimeoutError,
  isClickSendError,
  type ClickSendErrorDetails,
} from "./core/errors.js";
export { unwrap } from "./core/unwrap.js";
export { backoffDelay, parseRetryAfter, type RetryOptions } from "./core/retry.js";
export { operationInfo, type OperationInfo } from "./core/operations.js";
export { isIdempotent } from "./core/idempotency.js";
export { paginate, type PaginateInit } from "./core/paginate.js";
export {
  ClickSendWebhookError,
  parseWebhook,
  type ParseWebhookOptions,
  type WebhookErrorReason,
  type WebhookEvent,
  type WebhookName,
  type WebhookPayload,
  type WebhookRequestLike,
  type WebhookType,
} from "./core/webhooks.js";
export { MESSAGE_STATUSES, splitMessages, type MessageResults, type MessageStatus, type RejectedStatus } from "./core/messages.js";
export { countSmsSegments, type SmsSegments } from "./core/segments.js";
export {
  assertNoReservedHeaders,
  authorizedFetch,
  basicAuthorization,
  bearerAuthorization,
  FOREIGN_ORIGIN,
  type FetchLike,
} from "./core/auth.js";
export { joinBaseUrl, parseBaseUrl, requireCredential, resolveBaseUrl, transportOptions } from "./core/options.js";
export type { Middleware } from "openapi-fetch";
