import { ClickSendConfigError } from "./config-error.js";
import { readEnv } from "./env.js";
import { LOG_LEVELS, type Logger, type LogLevel } from "./logger.js";
import { DEFAULT_RETRY, type RetryOptions, type RetryPolicy } from "./retry-policy.js";
import type { FetchLike } from "./transport/fetch.js";

/** What every route shares, whatever host and credentials it uses. */
export interface TransportOptions {
  /**
   * A `fetch` to send requests with. Default: on Node, a keep-alive transport over node:http;
   * elsewhere the global `fetch`. Whatever it is, the client never follows a redirect.
   */
  fetch?: FetchLike;
  /** Extra headers on every request (not `Authorization`: credentials come from their own options). */
  headers?: Record<string, string>;
  /** Time limit for each attempt, in ms, until the whole body has arrived (default 30 000; 0 = none). */
  timeoutMs?: number;
  /** Retries of idempotent operations (default `{ retries: 2, minDelayMs: 300, maxDelayMs: 10000 }`); `false` for none. */
  retry?: RetryOptions | false;
  /** Where to log attempts, retries and calls to deprecated operations (default: nowhere). `console` fits. */
  logger?: Logger;
  /** The least severe level logged (default `warn`; `debug` logs every attempt). */
  logLevel?: LogLevel;
  /** Largest response body read, in bytes (default 32 MiB); a larger one fails with `ClickSendResponseTooLargeError`. */
  maxResponseBytes?: number;
}

/** Timers hold at most 2^31 - 1 ms; a longer one fires at once. */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1;
export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

/** A credential from its option, else its env var; a clear error when neither is set. */
export function requireCredential(value: string | undefined, option: string, envVar: string, route: string): string {
  if (value !== undefined && typeof value !== "string") {
    throw new ClickSendConfigError(`${route}: \`${option}\` must be a string, got ${typeof value}.`, option, envVar);
  }
  const resolved = value ?? readEnv(envVar);
  if (resolved === undefined || resolved.trim() === "") {
    throw new ClickSendConfigError(
      `${route}: missing \`${option}\`. Pass \`${option}\` in the options or set the ${envVar} environment variable.`,
      option,
      envVar,
    );
  }
  // A header cannot carry control characters; refusing them here keeps the value out of the
  // error the platform would raise (which quotes it).
  if (/[\u0000-\u001f\u007f]/.test(resolved.trim())) {
    throw new ClickSendConfigError(`${route}: \`${option}\` (or ${envVar}) contains a line break or another control character.`, option, envVar);
  }
  return resolved.trim();
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Parses a base URL. Credentials travel in headers, so plain `http:` is refused except to
 * loopback hosts (local mocks and tests); a URL with a query, fragment or userinfo is refused
 * because it would be silently dropped or leaked when paths are appended.
 */
export function parseBaseUrl(value: string, option: string, route: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ClickSendConfigError(`${route}: \`${option}\` is not an absolute URL: ${JSON.stringify(String(value).slice(0, 200))}.`, option);
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && LOOPBACK.has(url.hostname))) {
    throw new ClickSendConfigError(`${route}: \`${option}\` must use https (plain http is only allowed for localhost): ${url.origin}.`, option);
  }
  if (url.username || url.password) {
    throw new ClickSendConfigError(`${route}: \`${option}\` must not contain a user name or password.`, option);
  }
  if (url.search || url.hash) {
    throw new ClickSendConfigError(`${route}: \`${option}\` must not contain a query string or fragment.`, option);
  }
  return url;
}

/** `text` without its trailing slashes, in one pass from the end. */
export function trimTrailingSlashes(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 47 /* "/" */) end--;
  return text.slice(0, end);
}

/** The base URL with `suffix` appended to its path, without a trailing slash. */
export function joinBaseUrl(base: URL, suffix = ""): string {
  return base.origin + trimTrailingSlashes(trimTrailingSlashes(base.pathname) + suffix);
}

/**
 * A route's `baseUrl` option, checked by `parseBaseUrl` and joined with `suffix`; without one,
 * the route's own default (a constant known to be valid, without a trailing slash).
 */
export function resolveBaseUrl(value: string | undefined, fallback: string, route: string, suffix = ""): string {
  return value == null ? fallback + suffix : joinBaseUrl(parseBaseUrl(value, "baseUrl", route), suffix);
}

const bad = (where: string, option: string, what: string): never => {
  throw new ClickSendConfigError(`${where}: \`${option}\` must be ${what}.`, option);
};

/** A timeout option: a number of ms a timer can hold (0 = none). */
export function checkTimeout(value: unknown, where: string, option = "timeoutMs"): number | undefined {
  if (value === undefined) return undefined;
  if (!(typeof value === "number" && value >= 0 && value <= MAX_TIMEOUT_MS)) bad(where, option, `a number of milliseconds from 0 (no limit) to ${MAX_TIMEOUT_MS}`);
  return value as number;
}

/** A retry option: `false` or `{ retries, minDelayMs, maxDelayMs, sleep, random }`, each checked. */
export function checkRetry(value: unknown, where: string): RetryOptions | false | undefined {
  if (value === undefined || value === false) return value;
  if (typeof value !== "object" || value === null) return bad(where, "retry", "false or { retries, minDelayMs, maxDelayMs }");
  const retry = value as Record<string, unknown>;
  if (retry.retries !== undefined && !(Number.isInteger(retry.retries) && (retry.retries as number) >= 0 && (retry.retries as number) <= 100)) {
    bad(where, "retry.retries", "an integer from 0 to 100");
  }
  for (const key of ["minDelayMs", "maxDelayMs"]) {
    const ms = retry[key];
    if (ms !== undefined && !(typeof ms === "number" && ms >= 0 && ms <= MAX_TIMEOUT_MS)) bad(where, `retry.${key}`, `a number of milliseconds from 0 to ${MAX_TIMEOUT_MS}`);
  }
  for (const key of ["sleep", "random"]) if (retry[key] !== undefined && typeof retry[key] !== "function") bad(where, `retry.${key}`, "a function");
  return value as RetryOptions;
}

/** The retry policy of a call: the call's options over the client's over the defaults; undefined for none. */
export function retryPolicy(client: RetryOptions | false | undefined, call: RetryOptions | false | undefined): RetryPolicy | undefined {
  if (call === false || (call === undefined && client === false)) return undefined;
  return { ...DEFAULT_RETRY, ...(client || undefined), ...call };
}

/**
 * The options every route passes on, checked: a bad `timeoutMs`, `retry`, `logger` or
 * `maxResponseBytes` fails at construction, naming the option.
 */
export function transportOptions(options: TransportOptions, route: string): TransportOptions {
  const { fetch, headers, timeoutMs, retry, logger, logLevel, maxResponseBytes } = options;
  if (fetch !== undefined && typeof fetch !== "function") bad(route, "fetch", "a function");
  if (headers !== undefined && (typeof headers !== "object" || headers === null)) bad(route, "headers", "an object of header names and values");
  checkTimeout(timeoutMs, route);
  checkRetry(retry, route);
  if (logger !== undefined && !(typeof logger === "object" && logger !== null && ["debug", "info", "warn", "error"].some((m) => typeof (logger as Record<string, unknown>)[m] === "function"))) {
    bad(route, "logger", "an object with debug, info, warn or error methods, such as console");
  }
  if (logLevel !== undefined && !LOG_LEVELS.includes(logLevel)) bad(route, "logLevel", `one of ${LOG_LEVELS.join(", ")}`);
  if (maxResponseBytes !== undefined && !(Number.isInteger(maxResponseBytes) && maxResponseBytes > 0)) bad(route, "maxResponseBytes", "a positive whole number of bytes");
  // Only the options that are set (`retry: false` and `timeoutMs: 0` are).
  return Object.fromEntries(Object.entries({ fetch, headers, timeoutMs, retry, logger, logLevel, maxResponseBytes }).filter(([, value]) => value != null));
}
