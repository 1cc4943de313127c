import type { TransportOptions } from "./typed-client.js";
import { ClickSendConfigError } from "./config-error.js";
import { readEnv } from "../internal/env.js";

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
  if (/[\r\n]/.test(resolved)) {
    throw new ClickSendConfigError(`${route}: \`${option}\` (or ${envVar}) contains a line break.`, option, envVar);
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
    throw new ClickSendConfigError(`${route}: \`${option}\` is not an absolute URL: ${JSON.stringify(value)}.`, option);
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && LOOPBACK.has(url.hostname))) {
    throw new ClickSendConfigError(
      `${route}: \`${option}\` must use https (plain http is only allowed for localhost): ${url.origin}.`,
      option,
    );
  }
  if (url.username || url.password) {
    throw new ClickSendConfigError(`${route}: \`${option}\` must not contain a user name or password.`, option);
  }
  if (url.search || url.hash) {
    throw new ClickSendConfigError(`${route}: \`${option}\` must not contain a query string or fragment.`, option);
  }
  return url;
}

/** The base URL with `suffix` appended to its path, without a trailing slash. */
export function joinBaseUrl(base: URL, suffix = ""): string {
  const path = (base.pathname.replace(/\/+$/, "") + suffix).replace(/\/+$/, "");
  return base.origin + path;
}

/**
 * A route's `baseUrl` option, checked by `parseBaseUrl` and joined with `suffix`; without one,
 * the route's own default (a constant known to be valid, without a trailing slash) is used as it
 * is, which keeps construction cheap.
 */
export function resolveBaseUrl(value: string | undefined, fallback: string, route: string, suffix = ""): string {
  return value == null ? fallback + suffix : joinBaseUrl(parseBaseUrl(value, "baseUrl", route), suffix);
}

/**
 * The options every route passes on to `createTypedClient`, checked: a bad `timeoutMs` or
 * `retry` fails at construction, naming the option.
 */
export function transportOptions(options: TransportOptions, route: string): TransportOptions {
  const { fetch, headers, timeoutMs, retry, logger } = options;
  const bad = (option: string, what: string): never => {
    throw new ClickSendConfigError(`${route}: \`${option}\` must be ${what}.`, option);
  };
  if (fetch !== undefined && typeof fetch !== "function") bad("fetch", "a function");
  if (timeoutMs !== undefined && !(typeof timeoutMs === "number" && timeoutMs >= 0)) bad("timeoutMs", "a number of milliseconds ≥ 0 (0 = no limit)");
  if (retry !== undefined && retry !== false) {
    if (typeof retry !== "object" || retry === null) bad("retry", "false or { retries, minDelayMs, maxDelayMs }");
    if (retry.retries !== undefined && !(Number.isInteger(retry.retries) && retry.retries >= 0)) bad("retry.retries", "an integer ≥ 0");
    for (const key of ["minDelayMs", "maxDelayMs"] as const) {
      const value = retry[key];
      if (value !== undefined && !(typeof value === "number" && value >= 0 && value < Infinity)) bad(`retry.${key}`, "a number of milliseconds ≥ 0");
    }
  }
  if (logger !== undefined && typeof logger?.warn !== "function") bad("logger", "an object with a warn(message) method, such as console");
  // Only the options that are set (`retry: false` and `timeoutMs: 0` are).
  return Object.fromEntries(Object.entries({ fetch, headers, timeoutMs, retry, logger }).filter(([, value]) => value != null));
}
