import type { Redact } from "./redaction.js";

/** Log levels, from the most to the least detailed. */
export type LogLevel = "debug" | "info" | "warn" | "error" | "off";

/**
 * Receives the client's log lines; `console` fits. Each method is optional: a line of a level
 * the logger has no method for is dropped. `debug` gets every attempt, `warn` retries and calls
 * to deprecated operations. No line ever contains a credential.
 */
export interface Logger {
  debug?(message: string): void;
  info?(message: string): void;
  warn?(message: string): void;
  error?(message: string): void;
}

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3, off: 4 };
export const LOG_LEVELS = Object.keys(RANK) as LogLevel[];

/** Writes a line at a level, redacted and prefixed, when the level is enabled and the logger takes it. */
export type Log = (level: Exclude<LogLevel, "off">, message: string) => void;

/** A `Log` over a user's logger at `level` (default `warn`); one that does nothing without a logger. */
export function createLog(logger: Logger | undefined, level: LogLevel = "warn", redact: Redact): Log {
  if (!logger || level === "off") return () => {};
  const threshold = RANK[level];
  return (at, message) => {
    if (RANK[at] < threshold) return;
    logger[at]?.(redact(`clicksend: ${message}`));
  };
}
