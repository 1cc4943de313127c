import { createServer, type Server } from "node:http";
import { inspect } from "node:util";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterEach, describe, expect, it } from "vitest";
import {
  ClickSendError,
  ClickSendTimeoutError,
  createClickSendClient,
  isClickSendError,
  paginate,
  type ClickSendClientOptions,
} from "../src/index.js";
import { API_KEY, envelopeError, HANG, leaks, scriptedServer, SENT, USERNAME, type Step } from "./helpers/faults.js";
import type { RecordingServer } from "@clicksend-kit/mock";

// Servers and callers that try to break the client on purpose, each on a loopback server.

setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

const SEND = { body: { messages: [{ to: "+61411111111", body: "Your code is 4821" }] } };
const recorders: RecordingServer[] = [];
const rawServers: Server[] = [];

afterEach(async () => {
  await Promise.all(recorders.splice(0).map((s) => s.stop()));
  await Promise.all(
    rawServers.splice(0).map(
      (s) =>
        new Promise<void>((resolve) => {
          s.closeAllConnections();
          s.close(() => resolve());
        }),
    ),
  );
});

async function serve(...steps: Step[]): Promise<RecordingServer> {
  const server = await scriptedServer(...steps);
  recorders.push(server);
  return server;
}

/** A loopback server with a raw handler, for what the recording server cannot play. */
async function rawServer(handler: Parameters<typeof createServer>[1]): Promise<{ url: string; server: Server }> {
  const server = createServer(handler);
  rawServers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as { port: number };
  return { url: `http://127.0.0.1:${address.port}`, server };
}

const noWait = { retries: 2, minDelayMs: 0, maxDelayMs: 0 };
function client(baseUrl: string, options: Partial<ClickSendClientOptions> = {}) {
  return createClickSendClient({ username: USERNAME, apiKey: API_KEY, baseUrl, retry: noWait, ...options });
}

async function outcome(promise: Promise<{ error?: unknown }>): Promise<unknown> {
  return promise.then(
    (r) => r.error ?? "answered",
    (e: unknown) => e,
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("a user fetch keeps the per-attempt timeout and the caller's signal through garbage collection", () => {
  it("times out although the copied request became unreachable", async () => {
    const server = await serve(HANG);
    const clicksend = client(server.url, { fetch: (request) => fetch(request), timeoutMs: 300, retry: false });
    const collector = setInterval(collectGarbage, 10);
    try {
      const result = await Promise.race([outcome(clicksend.GET("/v3/account")), sleep(8_000).then(() => "still waiting")]);
      expect(result).toBeInstanceOf(ClickSendTimeoutError);
    } finally {
      clearInterval(collector);
    }
  });

  it("stops when the caller aborts although the copied request became unreachable", async () => {
    const server = await serve(HANG);
    const clicksend = client(server.url, { fetch: (request) => fetch(request), timeoutMs: 0, retry: false });
    const controller = new AbortController();
    const collector = setInterval(collectGarbage, 10);
    setTimeout(() => controller.abort(new Error("user left")), 300);
    try {
      const result = await Promise.race([outcome(clicksend.GET("/v3/account", { signal: controller.signal })), sleep(8_000).then(() => "still waiting")]);
      expect(isClickSendError(result)).toBe(true);
      expect((result as Error).name).toBe("ClickSendAbortError");
    } finally {
      clearInterval(collector);
    }
  });
});

describe("idempotency comes from the URL actually sent, and an unknown path is never retried", () => {
  it.each([
    ["a filled-in purchase path", "/v3/recharge/purchase/7"],
    ["a filled-in key regeneration path", "/v3/subaccounts/3/regen-api-key"],
    ["a purchase path with a trailing slash", "/v3/recharge/purchase/7/"],
    ["a path the spec does not describe", "/v3/not-in-the-spec/1"],
  ])("sends %s once against a 503", async (_what, path) => {
    const server = await serve(envelopeError(503, "SERVICE_UNAVAILABLE", "Busy."));
    const clicksend = client(server.url);
    const error = await outcome((clicksend.PUT as (p: string, i?: object) => Promise<{ error?: unknown }>)(path, { body: {} }));
    expect(server.requests).toHaveLength(1);
    expect(error).toMatchObject({ status: 503, retryable: false, maybeDelivered: true });
  });

  it("still retries a filled-in path of an idempotent operation", async () => {
    const server = await serve(envelopeError(503, "SERVICE_UNAVAILABLE", "Busy."));
    await outcome((client(server.url).GET as (p: string) => Promise<{ error?: unknown }>)("/v3/sms/templates/12"));
    expect(server.requests).toHaveLength(3);
  });
});

describe("redirects are never followed", () => {
  const transports = [
    ["the default transport", {}],
    ["a user fetch", { fetch: (request: Request) => fetch(request) }],
  ] as const;

  it.each(transports)("a 307 to the same origin does not re-send a message, over %s", async (_name, options) => {
    const server = await serve({ status: 307, headers: { location: "/v3/sms/send-again" } }, { body: SENT });
    const error = await outcome(client(server.url, options).POST("/v3/sms/send", SEND));
    expect(server.requests).toHaveLength(1);
    expect(isClickSendError(error)).toBe(true);
    expect(error).toMatchObject({ status: 307, maybeDelivered: true, retryable: false });
    expect((error as Error).message).toMatch(/redirect/i);
  });

  it.each(transports)("a 308 to another origin sends it nothing, over %s", async (_name, options) => {
    const elsewhere = await serve({ body: SENT });
    const server = await serve({ status: 308, headers: { location: `${elsewhere.url}/v3/sms/send` } });
    const error = await outcome(client(server.url, options).POST("/v3/sms/send", SEND));
    expect(server.requests).toHaveLength(1);
    expect(elsewhere.requests).toHaveLength(0);
    expect(error).toMatchObject({ status: 308 });
  });
});

describe("a key the server echoes back never reaches the caller", () => {
  it("is redacted from the error's message, data, JSON and inspection", async () => {
    const basic = Buffer.from(`${USERNAME}:${API_KEY}`).toString("base64");
    const server = await serve({
      status: 401,
      body: {
        http_code: 401,
        response_code: `INVALID_KEY_${API_KEY}`,
        response_msg: "Unauthorised.",
        data: { key: API_KEY, seen: [`Basic ${basic}`, { deeper: `${USERNAME}:${API_KEY}` }] },
      },
    });
    const error = await outcome(client(server.url).GET("/v3/account"));
    expect(isClickSendError(error)).toBe(true);
    expect(leaks([error, inspect(error, { depth: 10 }), JSON.stringify(error)])).toEqual([]);
    expect((error as ClickSendError).responseCode).toBe("INVALID_KEY_[REDACTED]");
  });
});

describe("a server that closes the connection after every response", () => {
  it("does not make back-to-back sends fail, and never sends one twice", async () => {
    const received: string[] = [];
    const { url } = await rawServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk));
      req.on("end", () => {
        received.push(body);
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(SENT), () => req.socket.destroy());
      });
    });
    const clicksend = client(url, { retry: false });
    let ok = 0;
    for (let i = 0; i < 100; i++) {
      const { error } = await clicksend
        .POST("/v3/sms/send", { body: { messages: [{ to: "+61411111111", body: `message ${i}` }] } })
        .catch((e: unknown) => ({ error: e }));
      if (error === undefined) ok++;
    }
    expect(ok).toBeGreaterThanOrEqual(99);
    expect(new Set(received).size).toBe(received.length);
  });
});

describe("inputs that would make the client misbehave", () => {
  it("refuses a per-call retry that is not a number of retries, before sending", async () => {
    const server = await serve(envelopeError(503, "SERVICE_UNAVAILABLE", "Busy."));
    const error = await outcome(client(server.url).GET("/v3/account", { retry: { retries: "3" as never } }));
    expect(server.requests).toHaveLength(0);
    expect((error as Error).message).toMatch(/retry\.retries/);
  });

  it("refuses a per-call timeout a timer cannot hold, before sending", async () => {
    const server = await serve({ body: SENT });
    const error = await outcome(client(server.url).POST("/v3/sms/send", { ...SEND, timeoutMs: 2 ** 31 }));
    expect(server.requests).toHaveLength(0);
    expect((error as Error).message).toMatch(/timeoutMs/);
  });

  it("refuses a client timeout a timer cannot hold", () => {
    expect(() => client("http://127.0.0.1:1", { timeoutMs: 2 ** 31 })).toThrow(/timeoutMs/);
  });

  it("encodes query parameter names, so one cannot add another", async () => {
    const server = await serve({ body: SENT });
    await client(server.url).GET("/v3/sms/history", { params: { query: { "q&admin": 1 } as never } });
    const sent = new URL(server.requests[0]!.url, "http://x").searchParams;
    expect([...sent.keys()]).toEqual(["q&admin"]);
  });

  it("stops paging when the server ignores the page asked for", async () => {
    const stuck = { http_code: 200, response_code: "SUCCESS", response_msg: "ok", data: { total: 9, per_page: 1, current_page: 1, last_page: 9, data: [{ message_id: "m1" }] } };
    const server = await serve({ body: stuck });
    const seen: unknown[] = [];
    const iterate = async () => {
      for await (const item of paginate(client(server.url), "/v3/sms/history")) {
        seen.push(item);
        if (seen.length > 20) throw new Error("paged forever");
      }
    };
    await expect(iterate()).rejects.toThrow(/page 2/);
    expect(server.requests).toHaveLength(2);
  });

  it("caps the size of a response instead of reading an endless one", async () => {
    const { url } = await rawServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      const chunk = Buffer.alloc(64 * 1024, 32);
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once("drain", pump);
      };
      res.write("{");
      pump();
    });
    const error = await outcome(client(url, { maxResponseBytes: 1_000_000, timeoutMs: 20_000 } as never).GET("/v3/account"));
    expect(isClickSendError(error)).toBe(true);
    expect((error as Error).message).toMatch(/1000000 bytes|maxResponseBytes/);
  });

  it("trims a base URL of many slashes in linear time", () => {
    const many = `https://api.example.com/${"/".repeat(200_000)}x/`;
    expect(() => client(many)).not.toThrow();
  }, 10_000);
});
