// The known SDK defects: the `sdk-defects:` list of spec/reference/decisions.yaml. Each entry names
// one operation of ClickSend's Node SDK that cannot conform because the SDK itself is wrong, with the
// evidence. (The file's `reconciliation:` key belongs to scripts/reconcile-spec.mjs, not to us.)
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

export const DECISIONS_FILE = fileURLToPath(new URL("../../../spec/reference/decisions.yaml", import.meta.url));

export interface SdkDefect {
  api: string;
  method: string;
  /** What the SDK does wrong. */
  defect: string;
  /** What ClickSend's docs or API description say against what the SDK sends. */
  evidence: string;
}

const KEYS = ["api", "method", "defect", "evidence"] as const;

/** Reads and checks the list; throws naming the entry on a malformed one or a duplicate. */
export function readSdkDefects(file = DECISIONS_FILE): SdkDefect[] {
  const doc = (parse(readFileSync(file, "utf8")) ?? {}) as Record<string, unknown>;
  const list = doc["sdk-defects"] ?? [];
  if (!Array.isArray(list)) throw new Error(`${file}: "sdk-defects" must be a list`);
  const seen = new Set<string>();
  return list.map((entry: unknown, i) => {
    const at = `${file}: sdk-defects[${i}]`;
    if (!entry || typeof entry !== "object" || Array.isArray(entry)) throw new Error(`${at}: expected a map`);
    const record = entry as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (!(KEYS as readonly string[]).includes(key)) throw new Error(`${at}: unknown key "${key}" (keys: ${KEYS.join(", ")})`);
    }
    for (const key of KEYS) {
      if (typeof record[key] !== "string" || (record[key] as string).trim() === "") throw new Error(`${at}: "${key}" must be non-empty text`);
    }
    const defect = record as unknown as SdkDefect;
    const key = `${defect.api}.${defect.method}`;
    if (seen.has(key)) throw new Error(`${at}: ${key} is listed twice`);
    seen.add(key);
    return defect;
  });
}
