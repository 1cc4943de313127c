// Public entry of @clicksend-kit/client: the client, its errors and the helpers an SMS
// integration needs. What only another route (a gateway) needs is in `@clicksend-kit/client/route`.
export { createClickSendClient, DEFAULT_BASE_URL, type ClickSendClientOptions } from "./clicksend-client.js";
export { ClickSendConfigError } from "./config-error.js";
export type { ApiMethod, CallInit, ClickSendClient, ClickSendMethod, ClickSendResult, InitArgs, ParseAs, RequestOptions } from "./client-types.js";
export type { CallOptions } from "./route-client.js";
export { asOpenApiFetchClient } from "./openapi-fetch-client.js";
export type { TransportOptions } from "./options.js";
export type { Logger, LogLevel } from "./logger.js";
export {
  ClickSendAbortError,
  ClickSendApiError,
  ClickSendConnectionError,
  ClickSendError,
  ClickSendInvalidResponseError,
  ClickSendRedirectError,
  ClickSendResponseTooLargeError,
  ClickSendTimeoutError,
  isClickSendError,
  type ClickSendErrorDetails,
  type ClickSendErrorJSON,
} from "./errors.js";
export { unwrap } from "./unwrap.js";
export { backoffDelay, parseRetryAfter, type RetryOptions } from "./retry-policy.js";
export { isIdempotent, operationInfo, type OperationInfo } from "./operations.js";
export { paginate, type PaginateInit } from "./pagination.js";
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
} from "./webhooks.js";
export { MESSAGE_STATUSES, splitMessages, type MessageResults, type MessageStatus, type RejectedStatus } from "./messages.js";
export { countSmsSegments, type SmsSegments } from "./segments.js";
export type { FetchLike } from "./transport/fetch.js";
export { FOREIGN_ORIGIN } from "./auth.js";
export type { Middleware } from "openapi-fetch";
