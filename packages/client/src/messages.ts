/**
 * Per-message statuses ClickSend documents for send and price calls. `SUCCESS` means the
 * message was accepted (queued); every other value names why it was rejected. The list is
 * open: a status not listed here still comes through as a string.
 */
export const MESSAGE_STATUSES = [
  "SUCCESS",
  "INVALID_RECIPIENT",
  "INVALID_SENDER_ID",
  "INSUFFICIENT_CREDIT",
  "EMPTY_MESSAGE",
  "TOO_MANY_RECIPIENTS",
  "THROTTLED",
  "INVALID_SCHEDULE",
  "ACCOUNT_NOT_ACTIVATED",
  "COUNTRY_NOT_ENABLED",
] as const;

/** A status ClickSend documents (`SUCCESS`, `INVALID_RECIPIENT`, …) or one it adds later. */
export type MessageStatus = (typeof MESSAGE_STATUSES)[number] | (string & {});
/** Any status but `SUCCESS`. */
export type RejectedStatus = Exclude<(typeof MESSAGE_STATUSES)[number], "SUCCESS"> | (string & {});

export interface MessageResults<M> {
  /** Messages ClickSend accepted (`status: "SUCCESS"`). */
  accepted: (M & { status: "SUCCESS" })[];
  /** Messages it turned away, each with the reason in `status`. */
  rejected: (M & { status: RejectedStatus })[];
}

type WithMessages<M> = { messages: readonly M[] };

/**
 * Splits a send or price answer into accepted and rejected messages. ClickSend answers
 * `200 SUCCESS` for a call even when some of its messages were rejected, so check each.
 * Takes the call's `data` (the envelope) or the envelope's `data`; works for SMS, MMS,
 * voice and the other channels whose answers list `messages` with a `status`.
 *
 * @example
 * const { data } = await clicksend.POST("/v3/sms/send", { body });
 * const { accepted, rejected } = splitMessages(data);
 * for (const m of rejected) console.warn(m.to, m.status); // e.g. "+6100000 INVALID_RECIPIENT"
 */
export function splitMessages<M extends { status?: string }>(response: WithMessages<M> | { data: WithMessages<M> }): MessageResults<M> {
  const list = (response as { messages?: unknown })?.messages ?? (response as { data?: { messages?: unknown } })?.data?.messages;
  if (!Array.isArray(list)) {
    throw new TypeError("splitMessages: expected a send or price answer with a `messages` list (the call's `data`, or `data.data`)");
  }
  const out: MessageResults<M> = { accepted: [], rejected: [] };
  for (const message of list as (M & { status: string })[]) {
    if (message.status === "SUCCESS") out.accepted.push(message as M & { status: "SUCCESS" });
    else out.rejected.push(message);
  }
  return out;
}
