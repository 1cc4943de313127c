import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it, vi } from "vitest";
import { forward, startRecordingServer, type RecordingServer } from "@clicksend-kit/mock";
import { prismUrl } from "@clicksend-kit/mock/vitest";
import createClient from "openapi-fetch";
import type { paths, Schema } from "@clicksend-kit/types";
import { ClickSendConfigError, FOREIGN_ORIGIN } from "@clicksend-kit/client";
import { authorizedFetch, bearerAuthorization, createMatonClient, createSkillBossClient, matonConnection, skillBossUnwrap } from "../src/index.js";

// The gateways hold the ClickSend credentials themselves. These stand-ins record what the
// client sent, then forward to a Prism mock of ClickSend with Basic credentials of their
// own (as the real gateways do), so answers come from the bundled spec.
const GATEWAY_HELD_BASIC = `Basic ${Buffer.from("gateway-held-user:gateway-held-key").toString("base64")}`;

let maton: RecordingServer;
let skillboss: RecordingServer;

beforeAll(async () => {
  maton = await startRecordingServer(async (req) => {
    if (!req.url.startsWith("/clicksend/")) return { status: 404, body: { error: "unknown app" } };
    return forward(req, prismUrl(), req.url.slice("/clicksend".length), { "content-type": "application/json", authorization: GATEWAY_HELD_BASIC });
  });
  skillboss = await startRecordingServer(async (req) => {
    if (!req.url.startsWith("/clicksend/")) return { status: 404, body: { status: "error", message: "unknown route" } };
    const answer = await forward(req, prismUrl(), req.url.slice("/clicksend".length), { "content-type": "application/json", authorization: GATEWAY_HELD_BASIC });
    return { status: 200, body: { status: "success", result: JSON.parse(String(answer.body)) } };
  });
});

afterAll(async () => {
  await Promise.all([maton?.stop(), skillboss?.stop()]);
});

afterEach(() => {
  vi.unstubAllEnvs();
  maton.requests.length = 0;
  skillboss.requests.length = 0;
});

const SEND_BODY = { messages: [{ to: "+61411111111", body: "Hello from a gateway", source: "sdk" }] };

function expectNoClickSendCredentials(headers: Record<string, string | string[] | undefined>) {
  expect(String(headers.authorization)).not.toMatch(/^Basic /i);
  expect(JSON.stringify(headers)).not.toContain("cs-user");
  expect(JSON.stringify(headers)).not.toContain("cs-secret-key");
}

describe("createMatonClient", () => {
  it("gets the account through {baseUrl}/clicksend/v3 with the Maton key and connection", async () => {
    // ClickSend credentials in the environment must not leak onto the gateway route.
    vi.stubEnv("CLICKSEND_USERNAME", "cs-user");
    vi.stubEnv("CLICKSEND_API_KEY", "cs-secret-key");
    const client = createMatonClient({ apiKey: "maton-key-1", connection: "37beee67-29f7-43b6-b0b2-5f0f7a5d6440", baseUrl: maton.url });
    const { data, error } = await client.GET("/v3/account");
    expect(error).toBeUndefined();
    expectTypeOf(data!.data).toEqualTypeOf<Schema<"Account">>();
    expect(data!.data.user_id).toBeTypeOf("number");

    expect(maton.requests).toHaveLength(1);
    const req = maton.requests[0]!;
    expect(req.method).toBe("GET");
    expect(req.url).toBe("/clicksend/v3/account");
    expect(req.headers.authorization).toBe("Bearer maton-key-1");
    expect(req.headers["maton-connection"]).toBe("37beee67-29f7-43b6-b0b2-5f0f7a5d6440");
    expectNoClickSendCredentials(req.headers);
  });

  it("sends an SMS with the body unchanged and reads ClickSend's own envelope", async () => {
    const client = createMatonClient({ apiKey: "maton-key-1", baseUrl: `${maton.url}/` });
    const { data, error } = await client.POST("/v3/sms/send", { body: SEND_BODY });
    expect(error).toBeUndefined();
    expect(data!.response_code).toBe("SUCCESS");
    expect(data!.data.messages[0]?.status).toBe("SUCCESS");

    const req = maton.requests[0]!;
    expect(req.method).toBe("POST");
    expect(req.url).toBe("/clicksend/v3/sms/send");
    expect(req.headers.authorization).toBe("Bearer maton-key-1");
    expect(req.headers["maton-connection"]).toBeUndefined();
    expect(req.headers["content-type"]).toMatch(/^application\/json/);
    expect(JSON.parse(req.body)).toEqual(SEND_BODY);
    expectNoClickSendCredentials(req.headers);
  });

  it("defaults the key from MATON_API_KEY and names it when missing", () => {
    vi.stubEnv("MATON_API_KEY", "");
    expect(() => createMatonClient()).toThrow(ClickSendConfigError);
    expect(() => createMatonClient()).toThrow(/MATON_API_KEY/);
    vi.stubEnv("MATON_API_KEY", "from-env");
    expect(() => createMatonClient()).not.toThrow();
  });

  it("refuses an empty connection ID", () => {
    expect(() => createMatonClient({ apiKey: "k", connection: " " })).toThrow(/connection/);
  });

  it("defaults to the public gateway host", async () => {
    const seen: string[] = [];
    const client = createMatonClient({
      apiKey: "k",
      fetch: async (r) => {
        seen.push(r.url);
        return Response.json({ http_code: 200, response_code: "SUCCESS", response_msg: "ok", data: {} });
      },
    });
    await client.GET("/v3/account");
    expect(seen).toEqual(["https://gateway.maton.ai/clicksend/v3/account"]);
  });
});

describe("createSkillBossClient", () => {
  it("unwraps {status, result} so the account reads like ClickSend's own", async () => {
    vi.stubEnv("CLICKSEND_USERNAME", "cs-user");
    vi.stubEnv("CLICKSEND_API_KEY", "cs-secret-key");
    const client = createSkillBossClient({ apiKey: "sb-key-9", baseUrl: skillboss.url });
    const { data, error, response } = await client.GET("/v3/account");
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data).toMatchObject({ http_code: 200, response_code: "SUCCESS", data: { user_id: expect.any(Number) } });
    expect(data).not.toHaveProperty("status");

    const req = skillboss.requests[0]!;
    expect(req.url).toBe("/clicksend/v3/account");
    expect(req.headers.authorization).toBe("Bearer sb-key-9");
    expectNoClickSendCredentials(req.headers);
  });

  it("sends an SMS through the hub", async () => {
    const client = createSkillBossClient({ apiKey: "sb-key-9", baseUrl: skillboss.url });
    const { data, error } = await client.POST("/v3/sms/send", { body: SEND_BODY });
    expect(error).toBeUndefined();
    expect(data!.data.total_count).toBeGreaterThan(0);
    const req = skillboss.requests[0]!;
    expect(req.method).toBe("POST");
    expect(req.url).toBe("/clicksend/v3/sms/send");
    expect(req.headers.authorization).toBe("Bearer sb-key-9");
    expect(JSON.parse(req.body)).toEqual(SEND_BODY);
  });

  it("defaults the key from SKILLBOSS_API_KEY and names it when missing", () => {
    vi.stubEnv("SKILLBOSS_API_KEY", "");
    expect(() => createSkillBossClient()).toThrow(/SKILLBOSS_API_KEY/);
  });
});

describe("skillBossUnwrap on odd answers", () => {
  async function answerWith(reply: { status?: number; body: unknown }) {
    const server = await startRecordingServer(() => reply);
    try {
      return await createSkillBossClient({ apiKey: "k", baseUrl: server.url }).GET("/v3/account");
    } finally {
      await server.stop();
    }
  }

  it("turns a non-success wrapper into an error carrying the gateway's message", async () => {
    const { data, error, response } = await answerWith({ status: 200, body: { status: "error", message: "quota exceeded for this key" } });
    expect(data).toBeUndefined();
    expect(response.status).toBe(502);
    expect(error).toMatchObject({ response_code: "GATEWAY_ERROR" });
    expect(error?.response_msg).toContain("quota exceeded for this key");
  });

  it("keeps the gateway's own HTTP error status", async () => {
    const { error, response } = await answerWith({ status: 401, body: { status: "error", message: "invalid API key" } });
    expect(response.status).toBe(401);
    expect(error?.response_msg).toContain("invalid API key");
  });

  it("treats a success without a result as an error", async () => {
    const { error, response } = await answerWith({ body: { status: "success" } });
    expect(response.status).toBe(502);
    expect(error?.response_msg).toContain("without a `result`");
  });

  it("gives a wrapped ClickSend error its own status", async () => {
    const { data, error, response } = await answerWith({
      body: { status: "success", result: { http_code: 403, response_code: "FORBIDDEN", response_msg: "No access.", data: null } },
    });
    expect(data).toBeUndefined();
    expect(response.status).toBe(403);
    expect(error).toMatchObject({ http_code: 403, response_code: "FORBIDDEN" });
  });

  it("passes an unwrapped ClickSend envelope through unchanged", async () => {
    const envelope = { http_code: 200, response_code: "SUCCESS", response_msg: "Here's your account", data: { user_id: 1, username: "u", balance: "1.00" } };
    const { data } = await answerWith({ body: envelope });
    expect(data).toEqual(envelope);
  });
});

describe("the exported pieces on openapi-fetch's own createClient", () => {
  it("Maton: authorizedFetch with a Bearer key and the matonConnection() middleware", async () => {
    const client = createClient<paths>({
      baseUrl: `${maton.url}/clicksend`,
      fetch: authorizedFetch({ authorization: bearerAuthorization("maton-key-3"), origin: maton.url }),
    });
    client.use(matonConnection("conn-42"));
    const { data, error } = await client.POST("/v3/sms/send", { body: SEND_BODY });
    expect(error).toBeUndefined();
    expect(data?.data.messages[0]?.status).toBe("SUCCESS");
    const req = maton.requests[0]!;
    expect(req.url).toBe("/clicksend/v3/sms/send");
    expect(req.headers.authorization).toBe("Bearer maton-key-3");
    expect(req.headers["maton-connection"]).toBe("conn-42");
  });

  it("SkillBoss: skillBossUnwrap() gives openapi-fetch ClickSend's envelope, and its errors as `error`", async () => {
    const client = createClient<paths>({
      baseUrl: `${skillboss.url}/clicksend`,
      fetch: authorizedFetch({ authorization: bearerAuthorization("skillboss-key-3"), origin: skillboss.url }),
    });
    client.use(skillBossUnwrap());
    const { data, error } = await client.GET("/v3/account");
    expect(error).toBeUndefined();
    expectTypeOf(data!.data).toEqualTypeOf<Schema<"Account">>();
    expect(data?.response_code).toBe("SUCCESS");
    expect(skillboss.requests[0]!.headers.authorization).toBe("Bearer skillboss-key-3");

  });

  it("SkillBoss: a ClickSend error inside a success wrapper reaches openapi-fetch as `error`", async () => {
    const forbidden = { http_code: 403, response_code: "FORBIDDEN", response_msg: "No access.", data: null };
    const server = await startRecordingServer(() => ({ body: { status: "success", result: forbidden } }));
    try {
      const client = createClient<paths>({ baseUrl: server.url, fetch: authorizedFetch({ authorization: bearerAuthorization("k"), origin: server.url }) });
      client.use(skillBossUnwrap());
      const { data, error, response } = await client.GET("/v3/account");
      expect(data).toBeUndefined();
      expect(response.status).toBe(403);
      expect(error).toEqual(forbidden);
    } finally {
      await server.stop();
    }
  });

  it("authorizedFetch refuses to carry the key to another origin", async () => {
    const client = createClient<paths>({
      baseUrl: `${skillboss.url}/clicksend`,
      fetch: authorizedFetch({ authorization: bearerAuthorization("skillboss-key-3"), origin: "https://api.skillboss.com" }),
    });
    await expect(client.GET("/v3/account")).rejects.toMatchObject({ code: FOREIGN_ORIGIN });
    expect(skillboss.requests).toHaveLength(0);
  });
});
