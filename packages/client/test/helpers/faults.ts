import { startRecordingServer, type RecordingServer, type Reply } from "@clicksend-kit/mock";

export const USERNAME = "fault-user@example.com";
export const API_KEY = "F4ULT-T3ST-K3Y-2f9c1d";
export const BEARER = "gw-secret-token-7a61";
/** Every form a credential could leak in. */
export const SECRETS = [
  API_KEY,
  `${USERNAME}:${API_KEY}`,
  Buffer.from(`${USERNAME}:${API_KEY}`).toString("base64"),
  BEARER,
];

export const ENVELOPE = (data: unknown = null) => ({ http_code: 200, response_code: "SUCCESS", response_msg: "Here you go.", data });
export const SENT = ENVELOPE({
  total_price: 0.0792,
  total_count: 1,
  queued_count: 1,
  messages: [{ to: "+61411111111", body: "hi", message_id: "1EF50711-2787-68F4-8223-9F9C4393E380", status: "SUCCESS" }],
});
export const ACCOUNT = ENVELOPE({ user_id: 1, username: USERNAME, balance: "9.50" });
export const envelopeError = (status: number, code: string, msg: string) => ({
  status,
  body: { http_code: status, response_code: code, response_msg: msg, data: null },
});

/** A never-answering reply: the request hangs until the client gives up or the server stops. */
export const HANG = Symbol("hang");
export type Step = Reply | typeof HANG;

/** A loopback server that plays the scripted replies in order (the last one repeats). */
export async function scriptedServer(...steps: Step[]): Promise<RecordingServer> {
  let i = 0;
  return startRecordingServer(() => {
    const step = steps[Math.min(i++, steps.length - 1)]!;
    return step === HANG ? new Promise<Reply>(() => {}) : step;
  });
}

/** Every string a value exposes: message, stack, own properties (enumerable or not), causes. */
export function exposedText(value: unknown, seen = new Set<unknown>()): string[] {
  if (typeof value === "string") return [value];
  if (typeof value !== "object" || value === null || seen.has(value)) return value === undefined ? [] : [String(value)];
  seen.add(value);
  const out: string[] = [];
  if (value instanceof Error) out.push(value.name, value.message, value.stack ?? "");
  for (const key of Object.getOwnPropertyNames(value)) {
    out.push(key, ...exposedText((value as Record<string, unknown>)[key], seen));
  }
  if (value instanceof Error && value.cause !== undefined) out.push(...exposedText(value.cause, seen));
  try {
    out.push(JSON.stringify(value) ?? "");
  } catch {
    // circular: the walk above covered it
  }
  return out;
}

/** Fails when any text contains a credential or an Authorization header. */
export function leaks(values: unknown[]): string[] {
  const text = values.flatMap((v) => exposedText(v));
  return text.filter((t) => SECRETS.some((s) => t.includes(s)) || /authorization:\s*(basic|bearer)\s+\S/i.test(t));
}
