// @clicksend-kit/client/route: what a route to ClickSend's API other than ClickSend's own (a
// gateway such as @clicksend-kit/gateway) builds on. Applications need only the main entry.
export { createRouteClient, type RouteConfig } from "./route-client.js";
export { assertNoReservedHeaders, authorizedFetch, authorizer, basicAuthorization, bearerAuthorization, FOREIGN_ORIGIN, foreignOriginError } from "./auth.js";
export { joinBaseUrl, parseBaseUrl, requireCredential, resolveBaseUrl, transportOptions, checkRetry, checkTimeout, retryPolicy, type TransportOptions } from "./options.js";
export { createClickSendError, describeCall, type CallFacts, type Problem } from "./error-factory.js";
export { credentialForms, redactData, redactError, redactor, REDACTED, type Redact } from "./redaction.js";
export { createLog, type Log } from "./logger.js";
export { retryingFetch, type CallRecord, type CallSettings, type RouteRuntime } from "./retrying-fetch.js";
export { buildOperationTree, resolveIn, type ResolvedOperation } from "./operations.js";
export type { OperationEntry, OperationTable } from "./operation-table.js";
export { fetchTransport, type FetchLike } from "./transport/fetch.js";
export { platformTransport } from "./transport/platform.js";
export type { OutgoingRequest, Transport } from "./transport/types.js";
export { defaultUserAgent } from "./user-agent.js";
