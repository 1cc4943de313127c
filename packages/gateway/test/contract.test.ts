import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { forward, startRecordingServer, type RecordedRequest, type RecordingServer, type Reply } from "@clicksend-kit/mock";
import { prismUrl } from "@clicksend-kit/mock/vitest";
import { isClickSendError, paginate, type ClickSendClient } from "@clicksend-kit/client";
import { createClickSendClient } from "@clicksend-kit/client";
import { createMatonClient, createSkillBossClient } from "../src/index.js";

// One contract, three routes. "ClickSend" is a loopback server in front of a Prism mock of the
// bundled spec: it checks Basic credentials, serves a three-page template list, and can be told
// to misbehave once (a 429, a 503). Direct calls reach it as they are; the Maton and SkillBoss
// stand-ins check their own request shape, then forward with credentials of their own, and
// SkillBoss wraps the answer in its { status, result }. Every scenario must give the same result
// on every route.
const DIRECT_BASIC = `Basic ${Buffer.from("direct-user:direct-key").toString("base64")}`;
const GATEWAY_BASIC = `Basic ${Buffer.from("gateway-held-user:gateway-held-key").toString("base64")}`;
const RETRY = { retries: 2, minDelayMs: 0, maxDelayMs: 0 };

interface Fault {
  method: string;
  path: string;
  reply: Reply;
}

let clicksend: RecordingServer;
let maton: RecordingServer;
let skillboss: RecordingServer;
const faults: Fault[] = [];

const TEMPLATES = Array.from({ length: 5 }, (_, i) => ({ template_id: 1000 + i, template_name: `Template ${i + 1}`, body: `Body ${i + 1}` }));

function templatePage(url: URL): Reply {
  const page = Number(url.searchParams.get("page") ?? 1);
  const perPage = 2;
  const lastPage = Math.ceil(TEMPLATES.length / perPage);
  const data = TEMPLATES.slice((page - 1) * perPage, page * perPage);
  return {
    status: 200,
    body: {
      http_code: 200,
      response_code: "SUCCESS",
      response_msg: "Here are your templates.",
      data: {
        total: TEMPLATES.length,
        per_page: perPage,
        current_page: page,
        last_page: lastPage,
        next_page_url: page < lastPage ? `/?page=${page + 1}` : null,
        prev_page_url: page > 1 ? `/?page=${page - 1}` : null,
        from: (page - 1) * perPage + 1,
        to: (page - 1) * perPage + data.length,
        data,
      },
    },
  };
}

async function playClickSend(req: RecordedRequest): Promise<Reply> {
  if (req.headers.authorization !== DIRECT_BASIC && req.headers.authorization !== GATEWAY_BASIC) {
    return { status: 401, body: { http_code: 401, response_code: "UNAUTHORIZED", response_msg: "Invalid credentials.", data: null } };
  }
  const url = new URL(req.url, "http://clicksend.test");
  const fault = faults.findIndex((f) => f.method === req.method && f.path === url.pathname);
  if (fault >= 0) return faults.splice(fault, 1)[0]!.reply;
  if (req.method === "GET" && url.pathname === "/v3/sms/templates") return templatePage(url);
  return forward(req, prismUrl());
}

function gatewayFront(bearer: string, wrap: boolean) {
  return async (req: RecordedRequest): Promise<Reply> => {
    if (req.headers.authorization !== `Bearer ${bearer}`) return { status: 401, body: { status: "error", message: "invalid API key" } };
    if (!req.url.startsWith("/clicksend/v3/")) return { status: 404, body: { status: "error", message: "unknown route" } };
    const answer = await forward(req, clicksend.url, req.url.slice("/clicksend".length), {
      authorization: GATEWAY_BASIC,
      ...(req.headers["content-type"] ? { "content-type": String(req.headers["content-type"]) } : {}),
    });
    if (!wrap) return answer;
    return { status: 200, headers: { ...answer.headers, "content-type": "application/json" }, body: { status: "success", result: JSON.parse(String(answer.body)) } };
  };
}

beforeAll(async () => {
  clicksend = await startRecordingServer(playClickSend);
  maton = await startRecordingServer(gatewayFront("maton-key", false));
  skillboss = await startRecordingServer(gatewayFront("skillboss-key", true));
});

afterAll(async () => {
  await Promise.all([clicksend?.stop(), maton?.stop(), skillboss?.stop()]);
});

afterEach(() => {
  faults.length = 0;
  for (const server of [clicksend, maton, skillboss]) server.requests.length = 0;
});

const routes: Record<string, () => ClickSendClient> = {
  direct: () => createClickSendClient({ username: "direct-user", apiKey: "direct-key", baseUrl: clicksend.url, retry: RETRY }),
  maton: () => createMatonClient({ apiKey: "maton-key", baseUrl: maton.url, retry: RETRY }),
  skillboss: () => createSkillBossClient({ apiKey: "skillboss-key", baseUrl: skillboss.url, retry: RETRY }),
};

/** What a scenario observed, in a form that must be equal across routes. */
function outcome(result: { data?: unknown; error?: unknown }) {
  if (result.error === undefined) return { data: result.data };
  const e = result.error as Record<string, unknown>;
  return {
    error: { name: e.name, status: e.status, responseCode: e.responseCode, retryable: e.retryable, maybeDelivered: e.maybeDelivered, attempts: e.attempts },
  };
}

/** Requests ClickSend itself received for `METHOD /path` (whatever the route). */
function upstream(method: string, path: string) {
  return clicksend.requests.filter((r) => r.method === method && new URL(r.url, "http://x").pathname === path).length;
}

async function acrossRoutes<T>(scenario: (client: ClickSendClient) => Promise<T>, after?: (route: string, result: T) => void) {
  const results: Record<string, T> = {};
  for (const [route, make] of Object.entries(routes)) {
    results[route] = await scenario(make());
    after?.(route, results[route]);
    faults.length = 0;
    for (const server of [clicksend, maton, skillboss]) server.requests.length = 0;
  }
  expect(results.maton).toEqual(results.direct);
  expect(results.skillboss).toEqual(results.direct);
  return results.direct!;
}

describe("the same contract on direct, Maton and SkillBoss routes", () => {
  it("gets the account", async () => {
    const result = await acrossRoutes(async (client) => outcome(await client.GET("/v3/account")));
    expect(result).toMatchObject({ data: { response_code: "SUCCESS", data: { user_id: expect.any(Number) } } });
  });

  it("sends an SMS, exactly once", async () => {
    const result = await acrossRoutes(
      async (client) => outcome(await client.POST("/v3/sms/send", { body: { messages: [{ to: "+61411111111", body: "Contract test", source: "sdk" }] } })),
      () => expect(upstream("POST", "/v3/sms/send")).toBe(1),
    );
    expect(result).toMatchObject({ data: { data: { messages: expect.arrayContaining([expect.objectContaining({ status: "SUCCESS" })]) } } });
  });

  it("pages through a list", async () => {
    const ids = await acrossRoutes(
      async (client) => {
        const seen: number[] = [];
        for await (const template of paginate(client, "/v3/sms/templates", { params: { query: { limit: 15 } } })) seen.push(template.template_id);
        return seen;
      },
      () => expect(upstream("GET", "/v3/sms/templates")).toBe(3),
    );
    expect(ids).toEqual(TEMPLATES.map((t) => t.template_id));
  });

  it("reports an API error the same way", async () => {
    const result = await acrossRoutes(async (client) =>
      // @ts-expect-error -- a message without `body`: ClickSend (the mock) answers 400
      outcome(await client.POST("/v3/sms/send", { body: { messages: [{ to: "+61411111111" }] } })),
    );
    expect(result).toEqual({
      error: { name: "ClickSendApiError", status: 400, responseCode: "BAD_REQUEST", retryable: false, maybeDelivered: false, attempts: 1 },
    });
  });

  it("retries a 429 on an idempotent call, honouring Retry-After", async () => {
    const result = await acrossRoutes(
      async (client) => {
        faults.push({
          method: "GET",
          path: "/v3/account",
          reply: { status: 429, headers: { "retry-after": "0" }, body: { http_code: 429, response_code: "TOO_MANY_REQUESTS", response_msg: "Slow down.", data: null } },
        });
        return outcome(await client.GET("/v3/account"));
      },
      () => expect(upstream("GET", "/v3/account")).toBe(2),
    );
    expect(result).toMatchObject({ data: { response_code: "SUCCESS" } });
  });

  it("never retries a send, and says its outcome is unknown", async () => {
    const result = await acrossRoutes(
      async (client) => {
        faults.push({
          method: "POST",
          path: "/v3/sms/send",
          reply: { status: 503, body: { http_code: 503, response_code: "SERVICE_UNAVAILABLE", response_msg: "Try later.", data: null } },
        });
        return outcome(await client.POST("/v3/sms/send", { body: { messages: [{ to: "+61411111111", body: "Once only" }] } }));
      },
      () => expect(upstream("POST", "/v3/sms/send")).toBe(1),
    );
    expect(result.error).toMatchObject({ name: "ClickSendApiError", status: 503, attempts: 1 });
  });

  it("maps a gateway's own 401 to the same error class as ClickSend's", async () => {
    const direct = await createClickSendClient({ username: "wrong", apiKey: "wrong", baseUrl: clicksend.url }).GET("/v3/account");
    const viaMaton = await createMatonClient({ apiKey: "wrong", baseUrl: maton.url }).GET("/v3/account");
    const viaSkillBoss = await createSkillBossClient({ apiKey: "wrong", baseUrl: skillboss.url }).GET("/v3/account");
    for (const { error } of [direct, viaMaton, viaSkillBoss]) {
      expect(isClickSendError(error)).toBe(true);
      expect(error).toMatchObject({ name: "ClickSendApiError", status: 401, retryable: false });
    }
    expect(viaSkillBoss.error?.responseMsg).toContain("invalid API key");
  });
});

describe("URLs on every route", () => {
  it.each([
    ["no trailing slash", ""],
    ["a trailing slash", "/"],
  ])("joins a base URL with %s", async (_label, suffix) => {
    await createMatonClient({ apiKey: "maton-key", baseUrl: `${maton.url}${suffix}` }).GET("/v3/sms/history", {
      params: { query: { q: "status:Sent,to:+61411111111", order_by: "date:desc" } },
    });
    expect(maton.requests.at(-1)!.url).toBe("/clicksend/v3/sms/history?q=status%3ASent%2Cto%3A%2B61411111111&order_by=date%3Adesc");
  });

  it("keeps a base URL's own path prefix", async () => {
    const seen: string[] = [];
    const client = createSkillBossClient({
      apiKey: "k",
      baseUrl: "https://hub.example.com/proxy/v2/",
      fetch: async (r) => {
        seen.push(r.url);
        return Response.json({ http_code: 200, response_code: "SUCCESS", response_msg: "ok", data: {} });
      },
    });
    await client.GET("/v3/account");
    expect(seen).toEqual(["https://hub.example.com/proxy/v2/clicksend/v3/account"]);
  });

  it.each(["../../account", "a/b", "1?x=1", "1#frag", "%2e%2e"])("keeps path parameter %j inside its segment", async (value) => {
    for (const [route, server] of [["maton", maton], ["skillboss", skillboss], ["direct", clicksend]] as const) {
      server.requests.length = 0;
      await routes[route]!().GET("/v3/sms/templates/{template_id}", { params: { path: { template_id: value as unknown as number } } });
      const sent = server.requests[0]!.url;
      const prefix = route === "direct" ? "/v3/sms/templates/" : "/clicksend/v3/sms/templates/";
      expect(sent.startsWith(prefix)).toBe(true);
      expect(sent.slice(prefix.length)).toBe(encodeURIComponent(value));
    }
  });

  it.each([".", "..", ""])("refuses path parameter %j before sending anything", async (value) => {
    for (const make of Object.values(routes)) {
      await expect(make().GET("/v3/sms/templates/{template_id}", { params: { path: { template_id: value as unknown as number } } })).rejects.toThrow(
        /path parameter "template_id"/,
      );
    }
    expect(clicksend.requests.length + maton.requests.length + skillboss.requests.length).toBe(0);
  });
});
