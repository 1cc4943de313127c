import type { Operation } from "./catalog.js";

/** What search_operations answers for one operation. */
export interface OperationMatch {
  operationId: string;
  method: string;
  path: string;
  summary: string;
  /** False for reads; true for anything that changes an account (sends, creates, updates, deletes). */
  changesState: boolean;
}

// POSTs that only compute an answer: price calculations, address detection, import previews.
const COMPUTES_ONLY = /^(calculate|detect|preview)[A-Z]/;

/** Whether calling the operation changes anything in the account. */
export function changesState(op: Operation): boolean {
  if (op.method === "GET") return false;
  return !(op.method === "POST" && op.idempotent && COMPUTES_ONLY.test(op.operationId));
}

/** Lowercase words of a text, with camelCase and path punctuation split: `sendSms` → `send`, `sms`. */
function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** A plural and its singular count as the same word (`messages` finds `message`). */
const stem = (word: string): string => (word.length > 3 && word.endsWith("s") ? word.slice(0, -1) : word);

// Where a word is found counts this much: the name first, then the summary, path and description.
const WEIGHTS = { name: 4, summary: 3, path: 2, tags: 2, description: 1 } as const;

function score(op: Operation, query: string[]): number {
  const fields = {
    name: new Set(words(op.operationId).map(stem)),
    summary: new Set(words(op.summary).map(stem)),
    path: new Set(words(op.path).map(stem)),
    tags: new Set(op.tags.flatMap(words).map(stem)),
    description: new Set(words(op.description).map(stem)),
  };
  let total = 0;
  let matched = 0;
  for (const word of query) {
    const best = Math.max(0, ...Object.entries(fields).map(([field, set]) => (set.has(word) ? WEIGHTS[field as keyof typeof WEIGHTS] : 0)));
    if (best > 0) matched++;
    total += best;
  }
  // Operations that match every word come first; among them the one named exactly as asked.
  if (matched === query.length) total += 10;
  if (op.operationId.toLowerCase() === query.join("")) total += 10;
  return total;
}

/** Operations matching the words of `query` (and `tag`, when given), best first. */
export function searchOperations(catalog: Iterable<Operation>, query: string, options: { tag?: string; limit: number }): OperationMatch[] {
  const wanted = words(query).map(stem);
  const results: Array<{ op: Operation; score: number }> = [];
  for (const op of catalog) {
    if (options.tag !== undefined && !op.tags.includes(options.tag)) continue;
    const s = wanted.length === 0 ? 1 : score(op, wanted);
    if (s > 0) results.push({ op, score: s });
  }
  results.sort((a, b) => b.score - a.score || a.op.operationId.localeCompare(b.op.operationId));
  return results.slice(0, options.limit).map(({ op }) => ({
    operationId: op.operationId,
    method: op.method,
    path: op.path,
    summary: op.summary,
    changesState: changesState(op),
  }));
}
