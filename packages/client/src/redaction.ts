/** Replaces every secret in a text with `[REDACTED]`. */
export type Redact = (text: string) => string;

export const REDACTED = "[REDACTED]";

/**
 * The forms a credential can take in text a caller may see: the `Authorization` value, its
 * token, and for HTTP Basic the decoded `user:key` and the key alone.
 */
export function credentialForms(authorization: string): string[] {
  const token = authorization.slice(authorization.indexOf(" ") + 1);
  const forms = [authorization, token];
  if (/^basic /i.test(authorization)) {
    try {
      const pair = new TextDecoder().decode(Uint8Array.from(atob(token), (c) => c.charCodeAt(0)));
      forms.push(pair, pair.slice(pair.indexOf(":") + 1));
    } catch {
      // not base64: nothing more to find
    }
  }
  return forms;
}

/** A redactor for these secrets (longest first, so a key inside `user:key` goes with its pair). */
export function redactor(secrets: readonly string[]): Redact {
  const live = [...new Set(secrets)].filter((s) => s.length > 3).sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const secret of live) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    return out;
  };
}

/** A copy of JSON-like data with every string (keys included) redacted; what is not JSON-like is dropped to its string form. */
export function redactData(value: unknown, redact: Redact, depth = 0): unknown {
  if (typeof value === "string") return redact(value);
  if (value === null || typeof value !== "object") return value;
  if (depth > 64) return "[too deep]";
  if (Array.isArray(value)) return value.map((item) => redactData(item, redact, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    Object.defineProperty(out, redact(key), { value: redactData(item, redact, depth + 1), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** An error's message and its causes' messages, redacted, for an error that wraps it. */
export function redactError(error: unknown, redact: Redact, depth = 0): unknown {
  if (!(error instanceof Error) || depth > 4) return typeof error === "string" ? redact(error) : error;
  const cause = error.cause === undefined ? undefined : redactError(error.cause, redact, depth + 1);
  if (redact(error.message) === error.message && redact(error.stack ?? "") === (error.stack ?? "") && cause === error.cause) return error;
  const copy = new Error(redact(error.message), cause === undefined ? undefined : { cause });
  copy.name = error.name;
  copy.stack = redact(error.stack ?? "");
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string") Object.assign(copy, { code });
  return copy;
}
