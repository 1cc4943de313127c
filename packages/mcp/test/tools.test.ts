import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { prismUrl } from "@clicksend-kit/mock/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callTool, connect, SEND_BODY } from "./helpers.js";

const KEY = "prism-key-0f3c9a";

describe("over stdio against Prism", () => {
  let client: Client;
  beforeAll(async () => {
    client = await connect(["--base-url", prismUrl()], { CLICKSEND_USERNAME: "prism-user", CLICKSEND_API_KEY: KEY });
  });
  afterAll(() => client?.close());

  it("lists exactly the three tools, with annotations that say which ones change nothing", async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(["call_operation", "describe_operation", "search_operations"]);
    const byName = Object.fromEntries(tools.map((t) => [t.name, t]));
    expect(byName.search_operations?.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false, idempotentHint: true });
    expect(byName.describe_operation?.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false, idempotentHint: true });
    expect(byName.call_operation?.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true, idempotentHint: false });
    expect(Object.keys(byName.call_operation?.inputSchema.properties ?? {}).sort()).toEqual(["body", "confirm", "operationId", "params"]);
  });

  it("finds sendSms first for \"send sms\", marked as changing something", async () => {
    const { text } = await callTool(client, "search_operations", { query: "send sms" });
    const [first] = JSON.parse(text);
    expect(first).toEqual({ operationId: "sendSms", method: "POST", path: "/v3/sms/send", summary: "Send SMS", changesState: true });
  });

  it("marks a price calculation as changing nothing, though it is a POST", async () => {
    const results = JSON.parse((await callTool(client, "search_operations", { query: "calculate sms price", limit: 1 })).text);
    expect(results).toEqual([expect.objectContaining({ operationId: "calculateSmsPrice", method: "POST", changesState: false })]);
  });

  it("narrows a search to a tag and a limit", async () => {
    const results = JSON.parse((await callTool(client, "search_operations", { query: "list", tag: "contacts", limit: 3 })).text);
    expect(results.length).toBeLessThanOrEqual(3);
    expect(results.length).toBeGreaterThan(0);
    const contactOperations = JSON.parse((await callTool(client, "search_operations", { query: "", tag: "contacts", limit: 50 })).text);
    const ids = new Set(contactOperations.map((r: { operationId: string }) => r.operationId));
    for (const r of results) expect(ids.has(r.operationId)).toBe(true);
  });

  it("describes sendSms with its body schema resolved, an example, and the price operation", async () => {
    const described = JSON.parse((await callTool(client, "describe_operation", { operationId: "sendSms" })).text);
    expect(described).toMatchObject({ operationId: "sendSms", idempotent: false, needsConfirm: true, priceFirstWith: "calculateSmsPrice" });
    expect(described.body.required).toBe(true);
    expect(described.body.schema.properties.messages.type).toBe("array");
    expect(JSON.stringify(described)).not.toContain("$ref");
    expect(described.example.messages.length).toBeGreaterThan(0);
    expect(described.returns.status).toBe("200");
  });

  it("says so when an operationId is unknown", async () => {
    const result = await callTool(client, "describe_operation", { operationId: "sendSmss" });
    expect(result).toEqual({ isError: true, text: expect.stringContaining('Unknown operationId "sendSmss"') });
  });

  it("calls a read and returns ClickSend's envelope", async () => {
    const result = await callTool(client, "call_operation", { operationId: "getAccount" });
    expect(result.isError).toBe(false);
    expect(JSON.parse(result.text)).toMatchObject({ http_code: 200, response_code: "SUCCESS" });
    expect(result.text).not.toContain(KEY);
  });

  it("sends with confirm: true", async () => {
    const result = await callTool(client, "call_operation", { operationId: "sendSms", body: SEND_BODY, confirm: true });
    expect(result.isError).toBe(false);
    expect(JSON.parse(result.text).data.messages).toBeInstanceOf(Array);
  });
});

describe("--read-only against Prism", () => {
  let client: Client;
  beforeAll(async () => {
    client = await connect(["--read-only", "--base-url", prismUrl()], { CLICKSEND_USERNAME: "prism-user", CLICKSEND_API_KEY: KEY });
  });
  afterAll(() => client?.close());

  it("marks call_operation read-only and refuses a send even with confirm", async () => {
    const { tools } = await client.listTools();
    expect(tools.find((t) => t.name === "call_operation")?.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false });
    const result = await callTool(client, "call_operation", { operationId: "sendSms", body: SEND_BODY, confirm: true });
    expect(result).toEqual({ isError: true, text: expect.stringContaining("read-only") });
  });

  it("still runs reads", async () => {
    expect((await callTool(client, "call_operation", { operationId: "getAccount" })).isError).toBe(false);
  });
});
