// Public entry of @clicksend-kit/types: the generated OpenAPI types plus aliases that
// save users from indexing deep into `paths`.
import type { components, operations, paths, webhooks } from "./generated/openapi.js";

export type { components, operations, paths, webhooks };
export { specInfo } from "./generated/spec-info.js";

/** HTTP methods that ClickSend operations use. */
export type HttpMethod = "get" | "put" | "post" | "delete" | "patch";

/** Every path of the API (`"/v3/sms/send"`, …). */
export type ApiPath = keyof paths;

/** Paths that have an operation for method `M`. */
export type PathsWithMethod<M extends HttpMethod> = {
  [P in ApiPath]: paths[P] extends { [K in M]: object } ? P : never;
}[ApiPath];

/** A named component schema: `Schema<"SmsMessage">`. */
export type Schema<Name extends keyof components["schemas"]> = components["schemas"][Name];

/** The operation object for a path and method. */
export type Operation<P extends ApiPath, M extends HttpMethod> = paths[P] extends { [K in M]: infer O } ? O : never;

/** An operation by its `operationId`: `OperationById<"sendSms">`. */
export type OperationById<Id extends keyof operations> = operations[Id];

type JsonBody<T> = T extends { content: { "application/json": infer B } } ? B : never;

/** The JSON request body of an operation (never when it takes none). */
export type RequestBody<P extends ApiPath, M extends HttpMethod> =
  Operation<P, M> extends { requestBody?: infer R } ? JsonBody<NonNullable<R>> : never;

/** Query parameters of an operation. */
export type QueryParams<P extends ApiPath, M extends HttpMethod> =
  Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** Path parameters of an operation. */
export type PathParams<P extends ApiPath, M extends HttpMethod> =
  Operation<P, M> extends { parameters: { path?: infer Q } } ? NonNullable<Q> : never;

/** The whole 200 response body: ClickSend's envelope with the operation's `data`. */
export type ResponseBody<P extends ApiPath, M extends HttpMethod> =
  Operation<P, M> extends { responses: { 200: infer R } } ? JsonBody<R> : never;

/** Just the `data` of a successful response: `ResponseData<"/v3/sms/send", "post">`. */
export type ResponseData<P extends ApiPath, M extends HttpMethod> =
  ResponseBody<P, M> extends { data: infer D } ? D : never;

/** The envelope every response shares. */
export type Envelope = Schema<"Envelope">;

/** The body of a failed response. */
export type ErrorEnvelope = Schema<"ErrorEnvelope">;

/** GET paths whose `data` is a page of items (they take `page` and `limit`). */
export type PaginatedPath = {
  [P in PathsWithMethod<"get">]: ResponseData<P, "get"> extends { last_page: number; data: readonly unknown[] }
    ? P
    : never;
}[PathsWithMethod<"get">];

/** The item type of a paged list path: `PageItem<"/v3/sms/history">`. */
export type PageItem<P extends PaginatedPath> =
  ResponseData<P, "get"> extends { data: ReadonlyArray<infer Item> } ? Item : never;

/** Names of the webhooks (callbacks) ClickSend sends to your URLs. */
export type WebhookName = keyof webhooks;
