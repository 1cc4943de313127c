// Everything a call needs only when it does not simply succeed: naming the operation, building
// the error, deciding on a retry and waiting for it, redacting, logging. The typed client loads
// this module the first time an attempt fails (or a logger is set), so sending one message loads
// only the success path (build the request, send it, read a 2xx envelope).
//
// It is built on its own into dist/failure.js (package.json `build`), so that what it imports
// (the idempotency and bare-operation tables, retry timing) is not pulled, as a shared chunk, into
// every bundle of the client. What must be one and the same object - the public error classes,
// the cached operation table - comes from the typed client in `ClientState.lib` instead.
import type * as errors from "./errors.js";
import type { ClickSendApiError, ClickSendError } from "./errors.js";
import { isIdempotent } from "./idempotency.js";
import { bareOperations } from "../generated/envelope.js";
import type { loadOperations } from "./operations.js";
import { backoffDelay, DEFAULT_RETRY, parseRetryAfter, sleep, type RetryOptions } from "./retry.js";
import type { Logger } from "./typed-client.js";

/** What one client shares across its calls. */
export interface ClientState {
  config: { authorization: string; retry?: RetryOptions | false; logger?: Logger };
  lib: Lib;
  redactText?: (text: string) => string;
  warned?: Set<string>;
}

/** The public error classes and the shared operation-table loader (a tuple: it is in every bundle of the client). */
export type Lib = readonly [
  typeof errors.ClickSendAbortError,
  typeof errors.ClickSendApiError,
  typeof errors.ClickSendConnectionError,
  typeof errors.ClickSendInvalidResponseError,
  typeof errors.ClickSendTimeoutError,
  typeof loadOperations,
];

/** One call in progress: the attempt it is on, and whether a request may have reached the server. */
export interface CallState {
  method: string;
  path: string;
  retry?: RetryOptions | false;
  timeoutMs: number;
  signal: AbortSignal | undefined;
  attempt: number;
  sent: boolean;
  entry?: readonly [string, number] | undefined;
}

/** One attempt that did not simply succeed: a response that is not a 2xx envelope, or no response. */
export type Failure =
  | { response: Response; parsed?: unknown; invalid?: string }
  | { failure: unknown; timedOut: boolean; sent: boolean; code: string | undefined };

type Answer = { data: unknown; response: Response } | { error: ClickSendApiError; response: Response };

/** Codes of failures that happen before a byte of the request is written. */
const NOT_SENT = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|UND_ERR_CONNECT_TIMEOUT)$/;
const UNKNOWN_OUTCOME = " The outcome is unknown: ClickSend may have received it, so it was not sent again; check before resending.";

/** Replaces the credential (the header value, its token, and for Basic `user:key` and the key) in text a caller may see. */
export function redactor(authorization: string): (text: string) => string {
  const token = authorization.slice(authorization.indexOf(" ") + 1);
  const secrets = [authorization, token];
  try {
    const pair = new TextDecoder().decode(Uint8Array.from(atob(token), (c) => c.charCodeAt(0)));
    if (authorization.startsWith("Basic ")) secrets.push(pair, pair.slice(pair.indexOf(":") + 1));
  } catch {
    // a Bearer token need not be base64
  }
  const live = secrets.filter((s) => s.length > 3).sort((a, b) => b.length - a.length);
  return (text) => live.reduce((t, s) => t.split(s).join("[REDACTED]"), text);
}

const redact = (state: ClientState, text: string) => (state.redactText ??= redactor(state.config.authorization))(text);
const log = (state: ClientState, message: string) => state.config.logger?.warn(redact(state, `clicksend: ${message}`));

/** `operationId (METHOD /path)` when the spec names the operation, else `METHOD /path`. */
async function name(state: ClientState, call: CallState): Promise<string> {
  const operation = `${call.method} ${call.path}`;
  call.entry ??= (await state.lib[5]())[operation];
  return call.entry ? `${call.entry[0]} (${operation})` : operation;
}

/** What `authorizedFetch` rejects with for a request to another origin than its credentials' (`code`: FOREIGN_ORIGIN). */
export function foreignOriginError(origin: string, target: string, code: string): Error {
  return Object.assign(new Error(`refusing to send credentials meant for ${origin} to ${target}`), { code });
}

/** Why a path parameter was refused: a value that would address another endpoint. */
export function pathError(name: string, path: string, value: unknown): TypeError {
  return new TypeError(
    `path parameter "${name}" of ${path} is ${value == null ? "missing" : JSON.stringify(`${value}`)}; ` +
      "it must be a non-empty value other than \".\" or \"..\" (anything else would address another endpoint)",
  );
}

/** Logs, once per client and operation, a call to an operation the spec marks deprecated. */
export async function warnDeprecated(state: ClientState, call: CallState): Promise<void> {
  const operation = `${call.method} ${call.path}`;
  const warned = (state.warned ??= new Set());
  if (warned.has(operation)) return;
  const named = await name(state, call);
  if (call.entry && call.entry[1] & 2) {
    warned.add(operation);
    log(state, `${named} is deprecated in the ClickSend API`);
  }
}

/**
 * Settles an attempt that did not simply succeed (`outcome` undefined: the caller's signal had
 * aborted before it): resolves with the call's answer, rejects with its error, or resolves with
 * undefined after waiting when the call should try again.
 */
export async function settle(state: ClientState, call: CallState, outcome: Failure | undefined): Promise<Answer | undefined> {
  const { config } = state;
  const [ClickSendAbortError, ClickSendApiError, ClickSendConnectionError, ClickSendInvalidResponseError, ClickSendTimeoutError] = state.lib;
  const { method, path, signal, attempt } = call;
  const operation = `${method} ${path}`;
  // A few operations answer with the object itself or nothing at all (spec: x-clicksend-envelope: false).
  if (outcome && "response" in outcome && outcome.response.ok && bareOperations.has(operation) && (outcome.invalid === "" || outcome.parsed !== undefined)) {
    return { data: outcome.parsed, response: outcome.response };
  }
  const idempotent = isIdempotent(method, path);
  const named = await name(state, call);
  if (!outcome) {
    throw new ClickSendAbortError(`${named}: aborted by the caller${call.sent && !idempotent ? UNKNOWN_OUTCOME : ""}`, {
      operationId: call.entry?.[0],
      operation,
      attempts: attempt - 1,
      maybeDelivered: call.sent,
      retryable: false,
    }, { cause: signal!.reason });
  }
  const retry =
    call.retry === false || (call.retry === undefined && config.retry === false)
      ? undefined
      : { ...DEFAULT_RETRY, ...(config.retry || undefined), ...call.retry };
  const attempts = retry ? retry.retries + 1 : 1;
  const base = { operationId: call.entry?.[0], operation, attempts: attempt };
  let error: ClickSendError;
  let again: boolean;
  let waitMs: number | undefined;
  if ("response" in outcome) {
    const { response, parsed, invalid } = outcome;
    const status = response.status;
    const transient = status === 429 || status >= 500;
    // A 429 was turned away; a 4xx page from a proxy never reached ClickSend.
    const maybeDelivered = status !== 429 && (status >= 500 || status < 400);
    waitMs = parseRetryAfter(response.headers.get("retry-after"));
    const fields = { ...base, status, retryAfterMs: waitMs, maybeDelivered, retryable: transient && (idempotent || !maybeDelivered) };
    const unknown = maybeDelivered && !idempotent ? UNKNOWN_OUTCOME : "";
    if (invalid !== undefined) {
      const type = response.headers.get("content-type");
      const body = redact(state, invalid);
      const msg = `expected a ClickSend JSON envelope, got ${body ? `${type || "a body"} starting ${JSON.stringify(body.slice(0, 80))}` : `an empty ${type || "body"}`}`;
      const envelope = { http_code: status, response_code: "INVALID_RESPONSE", response_msg: msg, data: null };
      error = new ClickSendInvalidResponseError(`${named}: ${status}: ${msg}.${unknown}`, {
        ...fields,
        ...envelope,
        responseCode: envelope.response_code,
        responseMsg: msg,
        body: body.slice(0, 500),
      });
    } else {
      const env = parsed as { http_code?: unknown; response_code: string; response_msg?: unknown; data?: unknown };
      const msg = redact(state, `${env.response_msg ?? ""}`);
      error = new ClickSendApiError(`${named} failed: ${status} ${env.response_code}${msg && `: ${msg}`}${unknown}`, {
        ...fields,
        http_code: typeof env.http_code === "number" ? env.http_code : status,
        response_code: env.response_code,
        response_msg: msg,
        data: env.data ?? null,
        responseCode: env.response_code,
        responseMsg: msg,
      });
    }
    again = transient && idempotent;
    call.sent = true;
  } else {
    const { failure, timedOut, code } = outcome;
    const notSent = !outcome.sent || (code !== undefined && NOT_SENT.test(code));
    call.sent ||= !notSent;
    if (signal?.aborted) return undefined; // reported at the top of the next attempt
    const fields = { ...base, maybeDelivered: !notSent, retryable: idempotent || notSent };
    const unknown = notSent || idempotent ? "" : UNKNOWN_OUTCOME;
    const { timeoutMs } = call;
    error = timedOut
      ? new ClickSendTimeoutError(`${named}: no complete response within ${timeoutMs} ms${unknown}`, { ...fields, timeoutMs }, { cause: failure })
      : new ClickSendConnectionError(`${named}: connection failed${code ? ` (${code})` : ""}${unknown}`, { ...fields, code }, { cause: failure });
    again = idempotent || notSent;
  }

  if (again && retry && attempt < attempts && !(waitMs! > retry.maxDelayMs)) {
    const delay = waitMs ?? backoffDelay(attempt, retry, retry.random);
    log(state, `${named}: ${error.status ?? error.name} on attempt ${attempt} of ${attempts}; retrying in ${delay} ms`);
    await (retry.sleep ?? sleep)(delay, signal).catch((reason: unknown) => {
      if (!signal?.aborted) throw reason; // an abort is reported at the top of the next attempt
    });
    return undefined;
  }
  if ("response" in outcome) return { error: error as ClickSendApiError, response: outcome.response };
  throw error;
}
