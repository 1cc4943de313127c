import { afterEach, describe, expect, it } from "vitest";
import { startRecordingServer, type RecordingServer } from "@clicksend-kit/mock";
import { prismUrl } from "@clicksend-kit/mock/vitest";
import { ClickSendApiError, createClickSendClient, paginate } from "../src/index.js";

const page = (current: number, last: number, ids: string[]) => ({
  http_code: 200,
  response_code: "SUCCESS",
  response_msg: "Here is your history.",
  data: {
    total: 5,
    per_page: 2,
    current_page: current,
    last_page: last,
    next_page_url: null,
    prev_page_url: null,
    from: 1,
    to: 2,
    data: ids.map((message_id) => ({ message_id, status: "Delivered" })),
  },
});

let server: RecordingServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

/** A loopback ClickSend whose SMS history has 5 messages over 3 pages of 2. */
async function history(): Promise<RecordingServer> {
  const pages: Record<string, string[]> = { "1": ["m1", "m2"], "2": ["m3", "m4"], "3": ["m5"] };
  server = await startRecordingServer((req) => {
    const n = new URL(req.url, "http://x").searchParams.get("page") ?? "1";
    return pages[n] ? { body: page(Number(n), 3, pages[n]) } : { status: 404, body: { http_code: 404, response_code: "NOT_FOUND", response_msg: "No page.", data: null } };
  });
  return server;
}

const client = (baseUrl: string) => createClickSendClient({ username: "u", apiKey: "k", baseUrl });

describe("paginate", () => {
  it("iterates every item across pages until last_page, keeping the caller's query", async () => {
    const s = await history();
    const ids: string[] = [];
    for await (const sms of paginate(client(s.url), "/v3/sms/history", { params: { query: { limit: 2, q: "status:Delivered" } } })) {
      ids.push(sms.message_id!);
    }
    expect(ids).toEqual(["m1", "m2", "m3", "m4", "m5"]);
    expect(s.requests.map((r) => new URL(r.url, "http://x").search)).toEqual([
      "?limit=2&q=status%3ADelivered&page=1",
      "?limit=2&q=status%3ADelivered&page=2",
      "?limit=2&q=status%3ADelivered&page=3",
    ]);
  });

  it("stops cleanly on break: no page after the one being read is requested", async () => {
    const s = await history();
    const ids: string[] = [];
    for await (const sms of paginate(client(s.url), "/v3/sms/history")) {
      ids.push(sms.message_id!);
      if (ids.length === 3) break;
    }
    expect(ids).toEqual(["m1", "m2", "m3"]);
    expect(s.requests).toHaveLength(2);
  });

  it("starts at the page the caller gives", async () => {
    const s = await history();
    const ids: string[] = [];
    for await (const sms of paginate(client(s.url), "/v3/sms/history", { params: { query: { page: 3 } } })) ids.push(sms.message_id!);
    expect(ids).toEqual(["m5"]);
    expect(s.requests).toHaveLength(1);
  });

  it("throws the page's error", async () => {
    server = await startRecordingServer(() => ({ status: 403, body: { http_code: 403, response_code: "FORBIDDEN", response_msg: "No access.", data: null } }));
    const iterate = async () => {
      for await (const _ of paginate(client(server!.url), "/v3/sms/history")) void _;
    };
    await expect(iterate()).rejects.toBeInstanceOf(ClickSendApiError);
    await expect(iterate()).rejects.toMatchObject({ status: 403, responseCode: "FORBIDDEN", operationId: "listSmsHistory" });
  });

  it("stops on an empty page even if last_page says more", async () => {
    server = await startRecordingServer(() => ({ body: page(1, 9, []) }));
    const items = [];
    for await (const item of paginate(client(server.url), "/v3/sms/history")) items.push(item);
    expect(items).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });
});

describe("paginate against the Prism mock", () => {
  it("reads the spec's example pages of SMS history and templates", async () => {
    const clicksend = createClickSendClient({ username: "demo", apiKey: "demo", baseUrl: prismUrl() });
    const history = [];
    for await (const sms of paginate(clicksend, "/v3/sms/history", { params: { query: { limit: 15 } } })) history.push(sms);
    expect(history.length).toBeGreaterThan(0);
    expect(history[0]!.message_id).toMatch(/^[0-9A-F-]{36}$/);
    const templates = [];
    for await (const template of paginate(clicksend, "/v3/sms/templates")) templates.push(template);
    expect(templates[0]).toMatchObject({ template_id: expect.any(Number), body: expect.any(String) });
  });
});
