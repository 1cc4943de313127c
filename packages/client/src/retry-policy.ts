/** How the client retries idempotent operations. */
export interface RetryOptions {
  /** Retries after the first attempt (default 2, so at most 3 requests). */
  retries?: number;
  /** Delay before the first retry, in ms (default 300); it doubles with each retry. */
  minDelayMs?: number;
  /**
   * Cap on one delay, in ms (default 10 000). A `Retry-After` longer than this is not waited for:
   * the error comes back at once with `retryAfterMs` set.
   */
  maxDelayMs?: number;
  /** Waits between attempts (default: a timer). Tests and custom schedulers replace it. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Source of jitter in [0, 1) (default `Math.random`). */
  random?: () => number;
}

export const DEFAULT_RETRY = { retries: 2, minDelayMs: 300, maxDelayMs: 10_000 } as const;

/** Retry options with every default filled in. */
export type RetryPolicy = Required<Pick<RetryOptions, "retries" | "minDelayMs" | "maxDelayMs">> & Pick<RetryOptions, "sleep" | "random">;

/** Failures that happen before a byte of the request is written: nothing reached the server. */
const NOT_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH", "UND_ERR_CONNECT_TIMEOUT"]);

/** How one attempt ended, as far as retrying is concerned. */
export type AttemptOutcome =
  | { kind: "response"; status: number; retryAfterMs?: number | undefined }
  | { kind: "failure"; code?: string | undefined; sent: boolean };

/** Whether the request may have taken effect at the server, and whether sending it again is safe. */
export interface Verdict {
  maybeDelivered: boolean;
  retryable: boolean;
}

/**
 * What an outcome says about the request: a 429 was turned away and a 4xx never took effect;
 * after a 5xx, a dropped connection or a timeout the request may have taken effect. Sending again
 * is safe for idempotent operations, and for any after a 429 or a failure before a byte was sent.
 */
export function judge(outcome: AttemptOutcome, idempotent: boolean): Verdict {
  if (outcome.kind === "response") {
    const { status } = outcome;
    const transient = status === 429 || status >= 500;
    const maybeDelivered = status !== 429 && (status >= 500 || status < 400);
    return { maybeDelivered, retryable: transient && (idempotent || !maybeDelivered) };
  }
  const notSent = !outcome.sent || (outcome.code !== undefined && NOT_SENT.has(outcome.code));
  return { maybeDelivered: !notSent, retryable: idempotent || notSent };
}

export type RetryDecision = { retry: true; delayMs: number } | { retry: false };

/**
 * Whether to send attempt `attempt + 1`, and after how long: only when the outcome is transient
 * (429, 5xx, no response) and sending again cannot duplicate an effect (idempotent, or nothing
 * was sent), while retries remain and the server did not ask to wait longer than `maxDelayMs`.
 */
export function decideRetry(outcome: AttemptOutcome, idempotent: boolean, attempt: number, policy: RetryPolicy | undefined): RetryDecision {
  if (!policy || attempt > policy.retries) return { retry: false };
  if (outcome.kind === "response") {
    const transient = outcome.status === 429 || outcome.status >= 500;
    if (!transient || !idempotent) return { retry: false };
    const asked = outcome.retryAfterMs;
    if (asked !== undefined) return asked > policy.maxDelayMs ? { retry: false } : { retry: true, delayMs: asked };
  } else if (!judge(outcome, idempotent).retryable) {
    return { retry: false };
  }
  return { retry: true, delayMs: backoffDelay(attempt, policy, policy.random) };
}

/**
 * The delay before retry number `retry` (1 for the first): exponential from `minDelayMs`, capped at
 * `maxDelayMs`, with "equal jitter" (half fixed, half random) so clients that failed together do
 * not retry together.
 */
export function backoffDelay(retry: number, options: RetryOptions = {}, random: () => number = Math.random): number {
  const min = options.minDelayMs ?? DEFAULT_RETRY.minDelayMs;
  const max = options.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs;
  const ceiling = Math.min(max, min * 2 ** (retry - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** `Retry-After` as milliseconds from `now`: delta-seconds or an HTTP date; undefined when absent or invalid. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP date names its month (`Wed, 21 Oct 2015 07:28:00 GMT`); anything else is not one.
  const date = /[a-z]/i.test(text) ? Date.parse(text) : NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Waits `ms`, or rejects with the signal's reason when it aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    if (signal?.aborted) onAbort();
    else signal?.addEventListener("abort", onAbort, { once: true });
  });
}
