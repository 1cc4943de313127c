/** Items of a list answer an agent sees at most; the rest are one page call away. */
export const MAX_LIST_ITEMS = 25;

type Json = Record<string, unknown>;

const isRecord = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * ClickSend's envelope with a long list cut to `max` items, plus a `trimmed` note saying how
 * many were left out and how to page on (`page`/`limit` for ClickSend's paginated lists).
 * Envelopes without a long list come back unchanged.
 */
export function trimEnvelope(envelope: unknown, operationId: string, max = MAX_LIST_ITEMS): unknown {
  if (!isRecord(envelope) || !isRecord(envelope.data)) {
    if (isRecord(envelope) && Array.isArray(envelope.data) && envelope.data.length > max) {
      return { ...envelope, data: envelope.data.slice(0, max), trimmed: note(envelope.data.length, max, operationId) };
    }
    return envelope;
  }
  const page = envelope.data;
  if (!Array.isArray(page.data) || page.data.length <= max) return envelope;
  return { ...envelope, data: { ...page, data: page.data.slice(0, max) }, trimmed: note(page.data.length, max, operationId, page) };
}

function note(total: number, shown: number, operationId: string, page?: Json): Json {
  const current = typeof page?.current_page === "number" ? page.current_page : undefined;
  const perPage = typeof page?.per_page === "number" ? page.per_page : total;
  if (current === undefined) {
    return { shown, of: total, howToPageOn: `Only ${shown} of ${total} items are shown; narrow the call with its query parameters to see others.` };
  }
  // The items shown start at (current - 1) * perPage; with limit = shown, the next ones are on this page.
  const skipped = (current - 1) * perPage + shown;
  const next = skipped % shown === 0 ? skipped / shown + 1 : undefined;
  return {
    shown,
    of: total,
    howToPageOn:
      next === undefined
        ? `Only ${shown} of the ${total} items of page ${current} are shown. Call ${operationId} again with params.query.limit = ${shown} and params.query.page = 1, 2, … to read them in pages this size.`
        : `Only ${shown} of the ${total} items of page ${current} are shown. Call ${operationId} again with params.query.limit = ${shown} and params.query.page = ${next} for the items after these.`,
  };
}
