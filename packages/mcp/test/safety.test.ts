import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { startRecordingServer, type RecordingServer, type ReplyHandler } from "@clicksend-kit/mock";
import { afterEach, describe, expect, it } from "vitest";
import { callTool, connect, SEND_BODY } from "./helpers.js";

const USERNAME = "loopback-user";
const KEY = "secret-key-7d1e44b2";
const MATON_KEY = "maton-key-91c0e6";

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((o) => o.close()));
});

async function setUp(handler?: ReplyHandler, args: string[] = [], env: Record<string, string> = { CLICKSEND_USERNAME: USERNAME, CLICKSEND_API_KEY: KEY }) {
  const server: RecordingServer = await startRecordingServer(handler);
  open.push({ close: () => server.stop() });
  const client: Client = await connect(["--base-url", server.url, ...args], env);
  open.unshift({ close: () => client.close() });
  return { server, client };
}

const success = (data: unknown) => ({ status: 200, body: { http_code: 200, response_code: "SUCCESS", response_msg: "Here you go.", data } });

describe("sends need confirm: true", () => {
  it("refuses a send without confirm, says what it would do and which price operation to call, and sends nothing", async () => {
    const { server, client } = await setUp();
    const result = await callTool(client, "call_operation", { operationId: "sendSms", body: SEND_BODY });
    expect(result.isError).toBe(true);
    expect(result.text).toContain("sendSms (POST /v3/sms/send) would send");
    expect(result.text).toContain("calculateSmsPrice (POST /v3/sms/price)");
    expect(result.text).toContain("confirm: true");
    expect(server.requests).toHaveLength(0);
  });

  it("refuses a delete without confirm although it is idempotent", async () => {
    const { server, client } = await setUp();
    const result = await callTool(client, "call_operation", { operationId: "deleteDefaultSender", params: { path: { default_sender_id: "3f1c2a4e-8b7d-4c1e-9a2f-5d6e7f8a9b0c" } } });
    expect(result).toEqual({ isError: true, text: expect.stringContaining("would delete") });
    expect(server.requests).toHaveLength(0);
  });

  it("with confirm, exactly one request arrives, with the body as given", async () => {
    const { server, client } = await setUp(() => success({ messages: [] }));
    const result = await callTool(client, "call_operation", { operationId: "sendSms", body: SEND_BODY, confirm: true });
    expect(result.isError).toBe(false);
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(["POST /v3/sms/send"]);
    expect(JSON.parse(server.requests[0]!.body)).toEqual(SEND_BODY);
  });

  it("does not send a send again when ClickSend answers 503, and says the outcome is unknown", async () => {
    const { server, client } = await setUp(() => ({ status: 503, body: { http_code: 503, response_code: "SERVICE_UNAVAILABLE", response_msg: "Try later.", data: null } }));
    const result = await callTool(client, "call_operation", { operationId: "sendSms", body: SEND_BODY, confirm: true });
    expect(server.requests).toHaveLength(1);
    expect(result.isError).toBe(true);
    expect(JSON.parse(result.text).error).toMatchObject({ maybeDelivered: true, attempts: 1 });
  });
});

describe("arguments are checked before sending", () => {
  it.each([
    ["an unknown body property", { operationId: "sendSms", body: { messages: [{ to: "+61411111111", body: "Hi", schedual: 1 }] }, confirm: true }, "schedual"],
    ["a missing body", { operationId: "sendSms", confirm: true }, "requires a request body"],
    ["a wrong query type", { operationId: "listSmsHistory", params: { query: { page: "two" } } }, "params.query.page"],
    ["a missing path parameter", { operationId: "getContactList", params: { path: {} } }, "list_id"],
    ["a body for a read", { operationId: "getAccount", body: { x: 1 } }, "takes no request body"],
  ])("refuses %s and sends nothing", async (_name, args, mention) => {
    const { server, client } = await setUp();
    const result = await callTool(client, "call_operation", args);
    expect(result.isError).toBe(true);
    expect(result.text).toContain("nothing was sent");
    expect(result.text).toContain(mention);
    expect(server.requests).toHaveLength(0);
  });
});

describe("routes and secrets", () => {
  it("sends a read through the Maton route with the Bearer key, under /clicksend", async () => {
    const { server, client } = await setUp(() => success({ user_id: 1 }), ["--route", "maton"], { MATON_API_KEY: MATON_KEY });
    const result = await callTool(client, "call_operation", { operationId: "getAccount" });
    expect(result.isError).toBe(false);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({ method: "GET", url: "/clicksend/v3/account" });
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${MATON_KEY}`);
    expect(result.text).not.toContain(MATON_KEY);
  });

  it("returns a 401 as a tool error with ClickSend's fields and no secret, even when the server echoes it", async () => {
    const { server, client } = await setUp((request) => ({
      status: 401,
      body: { http_code: 401, response_code: "UNAUTHORIZED", response_msg: `Bad credentials: ${String(request.headers.authorization)} (${KEY})`, data: null },
    }));
    const result = await callTool(client, "call_operation", { operationId: "getAccount" });
    expect(server.requests).toHaveLength(1);
    expect(result.isError).toBe(true);
    const answer = JSON.parse(result.text);
    expect(answer).toMatchObject({ http_code: 401, response_code: "UNAUTHORIZED", error: { status: 401, responseCode: "UNAUTHORIZED" } });
    const basic = Buffer.from(`${USERNAME}:${KEY}`).toString("base64");
    expect(result.text).not.toContain(KEY);
    expect(result.text).not.toContain(basic);
  });

  it("reports missing credentials by variable name on a call, while search still works", async () => {
    const { server, client } = await setUp(undefined, [], {});
    expect((await callTool(client, "search_operations", { query: "account" })).isError).toBe(false);
    const result = await callTool(client, "call_operation", { operationId: "getAccount" });
    expect(result).toEqual({ isError: true, text: expect.stringContaining("CLICKSEND_USERNAME") });
    expect(server.requests).toHaveLength(0);
  });
});

describe("long lists", () => {
  it("cuts a long page and says how to page on", async () => {
    const items = Array.from({ length: 100 }, (_, i) => ({ message_id: `m${i}` }));
    const { client } = await setUp(() => success({ total: 250, per_page: 100, current_page: 1, last_page: 3, data: items }));
    const result = await callTool(client, "call_operation", { operationId: "listSmsHistory" });
    const answer = JSON.parse(result.text);
    expect(answer.data.data).toHaveLength(25);
    expect(answer.data.total).toBe(250);
    expect(answer.trimmed.howToPageOn).toContain("params.query.limit = 25 and params.query.page = 2");
  });
});
