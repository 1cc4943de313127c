import { inspect } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startRecordingServer, type RecordedRequest, type RecordingServer, type Reply } from "@clicksend-kit/mock";
import { ClickSendApiError, ClickSendConfigError, ClickSendConnectionError } from "@clicksend-kit/client";
import { createMatonConnections, type MatonConnection } from "../src/index.js";

// A loopback stand-in for Maton's control plane (ctrl.maton.ai) holding connections in memory.
const KEY = "maton-secret-key-42";
let store: MatonConnection[];
let ctrl: RecordingServer;

function conn(id: string, app: string, status: string): MatonConnection {
  return {
    connection_id: id,
    status,
    creation_time: "2026-02-10T10:04:12.418030Z",
    last_updated_time: "2026-02-10T10:06:17.059090Z",
    url: `https://connect.maton.ai/?session_token=${id}`,
    app,
    metadata: {},
  };
}

function playMaton(req: RecordedRequest): Reply {
  if (req.headers.authorization !== `Bearer ${KEY}`) return { status: 401, body: { error: "Invalid API key" } };
  const url = new URL(req.url, "http://ctrl.test");
  const match = /^\/connections(?:\/([^/]+))?$/.exec(url.pathname);
  if (!match) return { status: 404, body: { error: "Not found" } };
  const id = match[1] && decodeURIComponent(match[1]);
  if (!id && req.method === "GET") {
    const app = url.searchParams.get("app");
    const status = url.searchParams.get("status");
    return { body: { connections: store.filter((c) => (!app || c.app === app) && (!status || c.status === status)) } };
  }
  if (!id && req.method === "POST") {
    const created = conn(`new-${store.length + 1}`, JSON.parse(req.body).app, "PENDING");
    store.push(created);
    return { body: { connection: created } };
  }
  const found = store.find((c) => c.connection_id === id);
  if (!found) return { status: 404, body: { error: `Connection ${id} not found` } };
  if (req.method === "GET") return { body: { connection: found } };
  if (req.method === "DELETE") {
    store = store.filter((c) => c !== found);
    return { body: {} };
  }
  return { status: 405, body: { error: "Method not allowed" } };
}

beforeAll(async () => {
  ctrl = await startRecordingServer(playMaton);
});
afterAll(async () => {
  await ctrl?.stop();
});
beforeEach(() => {
  store = [conn("37beee67-29f7-43b6-b0b2-5f0f7a5d6440", "clicksend", "ACTIVE"), conn("b2", "clicksend", "PENDING"), conn("c3", "slack", "ACTIVE")];
  ctrl.requests.length = 0;
  vi.unstubAllEnvs();
});

describe("createMatonConnections", () => {
  it("lists connections with app and status filters, with the Bearer key", async () => {
    const maton = createMatonConnections({ apiKey: KEY, baseUrl: ctrl.url });
    const active = await maton.list({ app: "clicksend", status: "ACTIVE" });
    expect(active.map((c) => c.connection_id)).toEqual(["37beee67-29f7-43b6-b0b2-5f0f7a5d6440"]);
    expect(ctrl.requests[0]).toMatchObject({ method: "GET", url: "/connections?app=clicksend&status=ACTIVE" });
    expect(ctrl.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(await maton.list()).toHaveLength(3);
  });

  it("creates, gets and deletes a connection", async () => {
    const maton = createMatonConnections({ apiKey: KEY, baseUrl: ctrl.url });
    const created = await maton.create({ app: "clicksend" });
    expect(created).toMatchObject({ app: "clicksend", status: "PENDING" });
    expect(JSON.parse(ctrl.requests[0]!.body)).toEqual({ app: "clicksend" });
    expect(await maton.get(created.connection_id)).toEqual(created);
    await maton.delete(created.connection_id);
    expect(ctrl.requests.at(-1)).toMatchObject({ method: "DELETE", url: `/connections/${created.connection_id}` });
    await expect(maton.get(created.connection_id)).rejects.toThrow(ClickSendApiError);
  });

  it("raises Maton's answer as a ClickSendApiError without the key", async () => {
    const maton = createMatonConnections({ apiKey: KEY, baseUrl: ctrl.url });
    const err = await maton.get("missing-id").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClickSendApiError);
    expect(err).toMatchObject({ status: 404, responseCode: "MATON_ERROR", responseMsg: "Connection missing-id not found", operationId: "getMatonConnection", retryable: false });

    const denied = await createMatonConnections({ apiKey: "wrong-key", baseUrl: ctrl.url }).list().catch((e: unknown) => e);
    expect(denied).toMatchObject({ status: 401, responseMsg: "Invalid API key" });
    expect(JSON.stringify(denied) + String(denied)).not.toContain(KEY);
  });

  it("encodes a connection ID so it cannot reach another path, and refuses dot segments", async () => {
    const maton = createMatonConnections({ apiKey: KEY, baseUrl: ctrl.url });
    await expect(maton.get("../connections?app=x")).rejects.toThrow(ClickSendApiError);
    expect(ctrl.requests.at(-1)!.url).toBe("/connections/..%2Fconnections%3Fapp%3Dx");
    await expect(maton.get("..")).rejects.toThrow(ClickSendConfigError);
    await expect(maton.delete("")).rejects.toThrow(/connection ID/);
  });

  it("needs a key, naming MATON_API_KEY, and `app` to create", async () => {
    vi.stubEnv("MATON_API_KEY", "");
    expect(() => createMatonConnections()).toThrow(/MATON_API_KEY/);
    vi.stubEnv("MATON_API_KEY", KEY);
    await expect(createMatonConnections().create({ app: "" })).rejects.toThrow(/app/);
  });

  it("redacts a key Maton echoes back, from the message, data, JSON and inspection", async () => {
    const echo = await startRecordingServer(() => ({ status: 401, body: { error: `key ${KEY} is not valid`, seen: { authorization: `Bearer ${KEY}` } } }));
    try {
      const err = await createMatonConnections({ apiKey: KEY, baseUrl: echo.url }).list().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ClickSendApiError);
      expect((err as ClickSendApiError).responseMsg).toBe("key [REDACTED] is not valid");
      expect([String(err), JSON.stringify(err), inspect(err, { depth: 10 }), JSON.stringify((err as ClickSendApiError).data)].join("\n")).not.toContain(KEY);
    } finally {
      await echo.stop();
    }
  });

  it("refuses a key with a control character at construction, without quoting it", () => {
    const key = "maton-secret\u0000key-99";
    const err = (() => {
      try {
        createMatonConnections({ apiKey: key, baseUrl: ctrl.url });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ClickSendConfigError);
    expect(inspect(err)).not.toContain("maton-secret");
  });

  it("takes the clients' fetch, timeoutMs, retry and logger options", async () => {
    let calls = 0;
    const logs: string[] = [];
    const maton = createMatonConnections({
      apiKey: KEY,
      baseUrl: ctrl.url,
      fetch: (request) => (++calls === 1 ? Promise.resolve(Response.json({ error: "busy" }, { status: 503 })) : fetch(request)),
      retry: { retries: 1, minDelayMs: 0, maxDelayMs: 0 },
      timeoutMs: 5_000,
      logger: { warn: (line) => void logs.push(line) },
    });
    expect(await maton.list()).toHaveLength(3);
    expect(calls).toBe(2);
    expect(logs).toEqual([expect.stringContaining("listMatonConnections (GET /connections): 503 on attempt 1 of 2")]);
    expect(() => createMatonConnections({ apiKey: KEY, timeoutMs: -1 })).toThrow(/timeoutMs/);
  });

  it("raises a connection error when Maton cannot be reached", async () => {
    const maton = createMatonConnections({ apiKey: KEY, baseUrl: "http://127.0.0.1:9" });
    const err = await maton.list().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClickSendConnectionError);
    expect(String(err)).not.toContain(KEY);
  });
});
