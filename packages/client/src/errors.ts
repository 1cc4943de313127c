const BRAND = /* @__PURE__ */ Symbol.for("@clicksend-kit/client.error");

/** What every `ClickSendError` says about the call that failed. */
export interface ClickSendErrorDetails {
  /** HTTP status of the last response, when one arrived. */
  status?: number | undefined;
  /** ClickSend's `response_code` (`BAD_REQUEST`, `TOO_MANY_REQUESTS`, …), when the body was its envelope. */
  responseCode?: string | undefined;
  /** ClickSend's `response_msg`, when the body was its envelope. */
  responseMsg?: string | undefined;
  /** The spec's `operationId` (`sendSms`), when the call named an operation of the spec. */
  operationId?: string | undefined;
  /** Method and template path, e.g. `POST /v3/sms/send`. */
  operation: string;
  /** Whether sending the same request again later is safe and may succeed. */
  retryable: boolean;
  /**
   * The outcome is unknown: the request may have reached ClickSend and taken effect although no
   * success came back. For a send, check (e.g. the history by `custom_string`) before sending again.
   */
  maybeDelivered: boolean;
  /** Requests the client made for this call (1 when it did not retry). */
  attempts: number;
  /** How long the server asked to wait (`Retry-After`), when it did. */
  retryAfterMs?: number | undefined;
}

/**
 * Base of every error a call raises or returns: check with `isClickSendError(e)` or `instanceof`.
 * Messages and properties never contain a credential.
 */
export class ClickSendError extends Error implements ClickSendErrorDetails {
  declare readonly status: number | undefined;
  declare readonly responseCode: string | undefined;
  declare readonly responseMsg: string | undefined;
  declare readonly operationId: string | undefined;
  declare readonly operation: string;
  declare readonly retryable: boolean;
  declare readonly maybeDelivered: boolean;
  declare readonly attempts: number;
  declare readonly retryAfterMs: number | undefined;

  /**
   * The class's `name`, which each instance takes (a static field, not a statement after the
   * class, so that bundlers can drop the classes from bundles that never use them).
   */
  static readonly errorName: string = "ClickSendError";

  constructor(message: string, details: ClickSendErrorDetails & Record<string, unknown>, options?: { cause?: unknown }) {
    super(message, options);
    // Not enumerable, like the brand that lets isClickSendError work across copies of this package.
    Object.defineProperty(this, "name", { value: (new.target as typeof ClickSendError).errorName, writable: true, configurable: true });
    Object.defineProperty(this, BRAND, { value: true });
    Object.assign(this, details);
  }

  /**
   * What a log line or an API answer needs, once: name, message, status, codes, the operation and
   * how it ended. ClickSend's envelope fields (`response_code`, …) are not repeated beside their
   * camelCase forms, and neither the body nor the cause is included.
   */
  toJSON(): ClickSendErrorJSON {
    const own = this as unknown as Record<string, unknown>;
    const json: Record<string, unknown> = { name: this.name, message: this.message };
    for (const key of JSON_KEYS) if (own[key] !== undefined) json[key] = own[key];
    return json as unknown as ClickSendErrorJSON;
  }
}

const JSON_KEYS = [
  "status",
  "responseCode",
  "responseMsg",
  "code",
  "operationId",
  "operation",
  "retryable",
  "maybeDelivered",
  "attempts",
  "retryAfterMs",
  "timeoutMs",
  "limitBytes",
  "location",
] as const;

/** `error.toJSON()`: the error's name and message with the details that are set. */
export interface ClickSendErrorJSON extends Partial<ClickSendErrorDetails> {
  name: string;
  message: string;
  operation: string;
  retryable: boolean;
  maybeDelivered: boolean;
  attempts: number;
  code?: string;
  timeoutMs?: number;
  limitBytes?: number;
  location?: string;
}

/**
 * ClickSend (or a gateway in front of it) answered with an error. It is also ClickSend's error
 * envelope: `http_code`, `response_code`, `response_msg` and `data` are the fields of the body,
 * so code written against plain openapi-fetch's `error` keeps working.
 */
export class ClickSendApiError extends ClickSendError {
  declare readonly status: number;
  declare readonly http_code: number;
  declare readonly response_code: string;
  declare readonly response_msg: string;
  declare readonly data: unknown;
  static override readonly errorName: string = "ClickSendApiError";
}

/**
 * The answer was not a ClickSend envelope: an HTML error page from a proxy, an empty 200, text
 * that is not JSON. `responseCode` is `INVALID_RESPONSE`; `body` holds the start of what came.
 */
export class ClickSendInvalidResponseError extends ClickSendApiError {
  declare readonly body: string;
  static override readonly errorName: string = "ClickSendInvalidResponseError";
}

/** No response: the connection was refused, reset or could not be made. `cause` is the transport's error. */
export class ClickSendConnectionError extends ClickSendError {
  /** The system error code when known (`ECONNREFUSED`, `ECONNRESET`, `ENOTFOUND`, …). */
  declare readonly code: string | undefined;
  static override readonly errorName: string = "ClickSendConnectionError";
}

/** No complete response within `timeoutMs` for an attempt. */
export class ClickSendTimeoutError extends ClickSendError {
  declare readonly timeoutMs: number;
  static override readonly errorName: string = "ClickSendTimeoutError";
}

/**
 * The server answered with a redirect (3xx). The client never follows one: a message must not be
 * sent twice and credentials must not travel to another address. `location` is where it pointed.
 */
export class ClickSendRedirectError extends ClickSendError {
  declare readonly status: number;
  declare readonly location: string | undefined;
  static override readonly errorName: string = "ClickSendRedirectError";
}

/** The response body grew past `maxResponseBytes`; the client stopped reading it. */
export class ClickSendResponseTooLargeError extends ClickSendError {
  declare readonly limitBytes: number;
  static override readonly errorName: string = "ClickSendResponseTooLargeError";
}

/** The caller's `AbortSignal` fired; `cause` is its reason. */
export class ClickSendAbortError extends ClickSendError {
  static override readonly errorName: string = "ClickSendAbortError";
}

/** True for every error a ClickSend call raises or returns (also across copies of this package). */
export function isClickSendError(value: unknown): value is ClickSendError {
  return typeof value === "object" && value !== null && (value as { [BRAND]?: true })[BRAND] === true;
}
