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
