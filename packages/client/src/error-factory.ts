import {
  ClickSendAbortError,
  ClickSendApiError,
  ClickSendConnectionError,
  ClickSendInvalidResponseError,
  ClickSendRedirectError,
  ClickSendResponseTooLargeError,
  ClickSendTimeoutError,
  type ClickSendError,
} from "./errors.js";
import type { ResolvedOperation } from "./operations.js";
import { redactData, redactError, type Redact } from "./redaction.js";
import { judge, parseRetryAfter } from "./retry-policy.js";

/** What every error of a call says about the call. */
export interface CallFacts {
  /** Upper-case method. */
  method: string;
  /** The path as sent (without the base URL's own path), named when the spec has no operation for it. */
  path: string;
  operation: ResolvedOperation | undefined;
  /** Requests made for the call so far. */
  attempts: number;
  redact: Redact;
}

/** Why a call failed. */
export type Problem =
  /** An answer that is an error (4xx, 5xx) or not ClickSend's envelope. `body` is the parsed JSON, else the text. */
  | { kind: "response"; response: Response; body: unknown }
  | { kind: "connection"; cause: unknown; code: string | undefined; sent: boolean }
  | { kind: "timeout"; cause: unknown; timeoutMs: number; sent: boolean }
  | { kind: "abort"; reason: unknown; sent: boolean }
  | { kind: "redirect"; status: number; location: string | undefined }
  | { kind: "too-large"; status: number; limitBytes: number; sent: boolean };

const UNKNOWN_OUTCOME = " The outcome is unknown: ClickSend may have received it, so it was not sent again; check before resending.";

/** `sendSms (POST /v3/sms/send)` when the spec names the operation, else `PUT /v3/somewhere`. */
export function describeCall(facts: Pick<CallFacts, "method" | "path" | "operation">): string {
  const { operation } = facts;
  return operation ? `${operation.operationId} (${operation.operation})` : `${facts.method} ${facts.path}`;
}

function isEnvelope(body: unknown): body is { http_code?: unknown; response_code: string; response_msg?: unknown; data?: unknown } {
  return typeof body === "object" && body !== null && typeof (body as { response_code?: unknown }).response_code === "string";
}

/** The one place a call's error is built: named after the operation, judged for retrying, redacted. */
export function createClickSendError(facts: CallFacts, problem: Problem): ClickSendError {
  const { redact } = facts;
  const named = redact(describeCall(facts));
  const idempotent = facts.operation?.idempotent ?? false;
  const base = {
    operationId: facts.operation?.operationId,
    operation: redact(facts.operation?.operation ?? `${facts.method} ${facts.path}`),
    attempts: facts.attempts,
  };
  const unknownIf = (maybeDelivered: boolean) => (maybeDelivered && !idempotent ? UNKNOWN_OUTCOME : "");

  switch (problem.kind) {
    case "response": {
      const { response, body } = problem;
      const status = response.status;
      const verdict = judge({ kind: "response", status }, idempotent);
      const fields = { ...base, status, retryAfterMs: parseRetryAfter(response.headers.get("retry-after")), ...verdict };
      const unknown = unknownIf(verdict.maybeDelivered);
      if (isEnvelope(body)) {
        const code = redact(body.response_code);
        const msg = redact(typeof body.response_msg === "string" ? body.response_msg : `${body.response_msg ?? ""}`);
        return new ClickSendApiError(`${named} failed: ${status} ${code}${msg && `: ${msg}`}${unknown}`, {
          ...fields,
          http_code: typeof body.http_code === "number" ? body.http_code : status,
          response_code: code,
          response_msg: msg,
          data: redactData(body.data ?? null, redact),
          responseCode: code,
          responseMsg: msg,
        });
      }
      const text = redact(typeof body === "string" ? body : body === undefined ? "" : JSON.stringify(body));
      const type = response.headers.get("content-type");
      const msg = `expected a ClickSend JSON envelope, got ${text ? `${type || "a body"} starting ${JSON.stringify(text.slice(0, 80))}` : `an empty ${type || "body"}`}`;
      return new ClickSendInvalidResponseError(`${named}: ${status}: ${msg}.${unknown}`, {
        ...fields,
        http_code: status,
        response_code: "INVALID_RESPONSE",
        response_msg: msg,
        data: null,
        responseCode: "INVALID_RESPONSE",
        responseMsg: msg,
        body: text.slice(0, 500),
      });
    }
    case "redirect": {
      const location = problem.location === undefined ? undefined : redact(problem.location);
      const maybeDelivered = true;
      return new ClickSendRedirectError(
        `${named}: the server answered ${problem.status || "a redirect"}${location ? ` to ${location}` : ""}; the client does not follow redirects.${unknownIf(maybeDelivered)}`,
        { ...base, status: problem.status, location, maybeDelivered, retryable: false },
      );
    }
    case "too-large": {
      return new ClickSendResponseTooLargeError(
        `${named}: the response body is larger than ${problem.limitBytes} bytes (maxResponseBytes); it was not read.${unknownIf(true)}`,
        { ...base, status: problem.status, limitBytes: problem.limitBytes, maybeDelivered: true, retryable: false },
      );
    }
    case "abort": {
      const maybeDelivered = problem.sent;
      return new ClickSendAbortError(
        `${named}: aborted by the caller${unknownIf(maybeDelivered)}`,
        { ...base, maybeDelivered, retryable: false },
        { cause: redactError(problem.reason, redact) },
      );
    }
    case "timeout":
    case "connection": {
      const code = problem.kind === "connection" ? problem.code : undefined;
      const verdict = judge({ kind: "failure", code, sent: problem.sent }, idempotent);
      const cause = { cause: redactError(problem.cause, redact) };
      const unknown = unknownIf(verdict.maybeDelivered);
      return problem.kind === "timeout"
        ? new ClickSendTimeoutError(`${named}: no complete response within ${problem.timeoutMs} ms${unknown}`, { ...base, ...verdict, timeoutMs: problem.timeoutMs }, cause)
        : new ClickSendConnectionError(`${named}: connection failed${code ? ` (${code})` : ""}${unknown}`, { ...base, ...verdict, code }, cause);
    }
  }
}
