import { createClickSendError, describeCall, type CallFacts } from "./error-factory.js";
import type { Log } from "./logger.js";
import type { ResolvedOperation } from "./operations.js";
import type { Redact } from "./redaction.js";
import { decideRetry, parseRetryAfter, sleep, type AttemptOutcome, type RetryPolicy } from "./retry-policy.js";
import type { FetchLike } from "./transport/fetch.js";
import { BUFFERED, TOO_LARGE, type AttemptAbort, type Transport } from "./transport/types.js";
import { defaultUserAgent } from "./user-agent.js";

/** What every call of one client shares. */
export interface RouteRuntime {
  /** Sets the credentials on an attempt's headers (or throws for another origin). */
  authorize: (url: string, headers: Headers) => void;
  /** The operation of `METHOD path` (path without the base URL's own path). */
  resolve: (method: string, path: string) => ResolvedOperation | undefined;
  /** Turns a gateway's answer into ClickSend's own, before anything judges it. */
  adaptResponse: ((response: Response) => Response | Promise<Response>) | undefined;
  log: Log;
  redact: Redact;
  /** The `User-Agent` to send when the caller sets none (computed on the first request when undefined). */
  userAgent: string | undefined;
  /** Deprecated operations already warned about. */
  warned: Set<string>;
}

/** What the client learns about a call while sending it, for the error it may build afterwards. */
export interface CallRecord {
  attempts: number;
  /** The path as sent, without the base URL's own path. */
  path?: string;
  operation?: ResolvedOperation | undefined;
}

/** One call's settings, resolved from the client's options and the call's. */
export interface CallSettings {
  transport: Transport;
  timeoutMs: number;
  retry: RetryPolicy | undefined;
  signal: AbortSignal | undefined;
  maxResponseBytes: number;
  /** The base URL's own path (`/clicksend` on a gateway), stripped before resolving the operation. */
  basePath: string;
  record: CallRecord;
  /**
   * The body as serialized for this call, when no middleware can have replaced the request (so
   * it need not be read back from the `Request`).
   */
  serializedBody?: () => unknown;
}

type Attempt = { response: Response } | { failure: unknown; timedOut: boolean; sent: boolean } | { redirect: Response };

/** The first `code` in an error's cause chain (`ECONNRESET`, `UND_ERR_SOCKET`, …). */
function errorCode(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 5; e = e.cause as typeof e, i++) {
    if (typeof e.code === "string") return e.code;
  }
  return undefined;
}

const isRedirect = (response: Response) => response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400 && response.status !== 304);

/** Reads a whole body, refusing one larger than `limit` bytes (it stops reading and cancels the rest). */
async function readBody(response: Response, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const tooLarge = () => Object.assign(new RangeError(`response body larger than ${limit} bytes`), { code: TOO_LARGE });
  const declared = Number(response.headers.get("content-length"));
  if (declared > limit) {
    await response.body?.cancel().catch(() => {});
    throw tooLarge();
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array<ArrayBuffer>;
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/** The answer again, with its body as bytes already read. */
function settledResponse(response: Response, bytes: Uint8Array<ArrayBuffer>, url: string): Response {
  const status = response.status;
  const empty = status === 204 || status === 205 || status === 304;
  const copy = new Response(empty ? null : bytes, { status, statusText: response.statusText, headers: response.headers });
  Object.defineProperty(copy, "url", { value: response.url || url });
  return copy;
}

/**
 * The `fetch` openapi-fetch calls for one call: it sends the request it is given as many times as
 * the retry policy allows, each attempt with credentials added (below every middleware), a fresh
 * timer combined with the caller's signal, and the whole body read within that time. It answers
 * with the last response; it throws a `ClickSendError` when no usable response came.
 */
export function retryingFetch(runtime: RouteRuntime, settings: CallSettings): FetchLike {
  const { record, signal, retry, timeoutMs } = settings;
  return async (request) => {
    const method = request.method.toUpperCase();
    const url = request.url;
    const pathname = new URL(url).pathname;
    const path = pathname.startsWith(`${settings.basePath}/`) ? pathname.slice(settings.basePath.length) : pathname;
    const operation = runtime.resolve(method, path);
    Object.assign(record, { path, operation });
    const facts = (): CallFacts => ({ method, path, operation, attempts: record.attempts, redact: runtime.redact });
    const named = describeCall({ method, path, operation });
    const idempotent = operation?.idempotent ?? false;
    if (operation?.deprecated && !runtime.warned.has(operation.operation)) {
      runtime.warned.add(operation.operation);
      runtime.log("warn", `${named} is deprecated in the ClickSend API`);
    }

    const headers = new Headers(request.headers);
    runtime.authorize(url, headers);
    const userAgent = (runtime.userAgent ??= defaultUserAgent() ?? "");
    if (userAgent && !headers.has("user-agent")) headers.set("user-agent", userAgent);
    const serialized = settings.serializedBody?.();
    const body =
      typeof serialized === "string" && request.body
        ? serialized
        : request.body
          ? new Uint8Array(await request.arrayBuffer())
          : undefined;
    let sent = false;
    const aborted = () => createClickSendError(facts(), { kind: "abort", reason: signal!.reason, sent });

    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) throw aborted();
      record.attempts = attempt;
      runtime.log("debug", `${named}: attempt ${attempt}${retry ? ` of ${retry.retries + 1}` : ""}`);
      const result = await once(runtime, settings, { url, method, headers, body, source: request });
      let outcome: AttemptOutcome;
      if ("redirect" in result) {
        sent = true;
        throw createClickSendError(facts(), { kind: "redirect", status: result.redirect.status, location: result.redirect.headers.get("location") ?? undefined });
      } else if ("response" in result) {
        sent = true;
        const { status } = result.response;
        runtime.log("debug", `${named}: ${status} on attempt ${attempt}`);
        outcome = { kind: "response", status, retryAfterMs: parseRetryAfter(result.response.headers.get("retry-after")) };
        const decision = decideRetry(outcome, idempotent, attempt, retry);
        if (!decision.retry) return result.response;
        await wait(`${status}`, decision.delayMs);
      } else {
        const code = errorCode(result.failure);
        if (signal?.aborted) {
          sent ||= result.sent;
          throw aborted();
        }
        if (code === TOO_LARGE) {
          throw createClickSendError(facts(), { kind: "too-large", status: (result.failure as { status?: number }).status ?? 0, limitBytes: settings.maxResponseBytes, sent: true });
        }
        outcome = { kind: "failure", code, sent: result.sent };
        const problem = result.timedOut
          ? ({ kind: "timeout", cause: result.failure, timeoutMs, sent: result.sent } as const)
          : ({ kind: "connection", cause: result.failure, code, sent: result.sent } as const);
        const error = createClickSendError(facts(), problem);
        sent ||= error.maybeDelivered;
        const decision = decideRetry(outcome, idempotent, attempt, retry);
        if (!decision.retry) throw error;
        await wait(result.timedOut ? "timeout" : `connection failure${code ? ` (${code})` : ""}`, decision.delayMs);
      }

      async function wait(what: string, delayMs: number) {
        runtime.log("warn", `${named}: ${what} on attempt ${attempt} of ${retry!.retries + 1}; retrying in ${delayMs} ms`);
        try {
          await (retry!.sleep ?? sleep)(delayMs, signal);
        } catch (reason) {
          if (signal?.aborted) throw aborted();
          throw reason;
        }
      }
    }
  };
}

/** The abort state of one attempt (see `AttemptAbort`). */
class Abort implements AttemptAbort {
  aborted = false;
  reason: unknown;
  #listeners: ((reason: unknown) => void)[] = [];
  #controller: AbortController | undefined;

  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.#controller?.abort(reason);
    for (const listener of this.#listeners.splice(0)) listener(reason);
  }

  onAbort(listener: (reason: unknown) => void): () => void {
    if (this.aborted) listener(this.reason);
    else this.#listeners.push(listener);
    return () => {
      const at = this.#listeners.indexOf(listener);
      if (at >= 0) this.#listeners.splice(at, 1);
    };
  }

  signal(): AbortSignal {
    if (!this.#controller) {
      this.#controller = new AbortController();
      if (this.aborted) this.#controller.abort(this.reason);
    }
    return this.#controller.signal;
  }
}

/** One attempt: a fresh timer combined with the caller's signal, the request, and the whole body read. */
async function once(
  runtime: RouteRuntime,
  settings: CallSettings,
  request: { url: string; method: string; headers: Headers; body: string | Uint8Array<ArrayBuffer> | undefined; source: Request },
): Promise<Attempt> {
  const { signal, timeoutMs, maxResponseBytes } = settings;
  const abort = new Abort();
  let timedOut = false;
  const onAbort = () => abort.abort(signal!.reason);
  signal?.addEventListener("abort", onAbort);
  const timer =
    timeoutMs > 0
      ? setTimeout(() => {
          timedOut = true;
          abort.abort(new DOMException(`no complete response within ${timeoutMs} ms`, "TimeoutError"));
        }, timeoutMs)
      : undefined;
  // Whatever the transport does with the abort, the attempt ends when it fires.
  const abandoned = new Promise<never>((_, reject) => abort.onAbort(reject));
  abandoned.catch(() => {});
  let sent = false;
  try {
    sent = true;
    const response = await Promise.race([settings.transport({ ...request, abort, maxResponseBytes }), abandoned]);
    if (isRedirect(response)) {
      await response.body?.cancel().catch(() => {});
      return { redirect: response };
    }
    const settled = (response as { [BUFFERED]?: boolean })[BUFFERED]
      ? response
      : settledResponse(response, await Promise.race([readBody(response, maxResponseBytes), abandoned]), request.url);
    return { response: runtime.adaptResponse ? await runtime.adaptResponse(settled) : settled };
  } catch (failure) {
    return { failure, timedOut: timedOut && !signal?.aborted, sent };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  }
}
