import { afterAll, afterEach, describe, expect, it } from "vitest";
import { freePort, startRecordingServer, type RecordingServer } from "@clicksend-kit/mock";
import {
  ClickSendAbortError,
  ClickSendApiError,
  ClickSendConnectionError,
  ClickSendError,
  ClickSendInvalidResponseError,
  ClickSendTimeoutError,
  createClickSendClient,
  isClickSendError,
  unwrap,
  type ClickSendClientOptions,
  type FetchLike,
} from "../src/index.js";
import { bearerAuthorization, createRouteClient } from "../src/route.js";
import {
  ACCOUNT,
  API_KEY,
  BEARER,
  envelopeError,
  HANG,
  leaks,
  scriptedServer,
  SENT,
  USERNAME,
  type Step,
} from "./helpers/faults.js";

// Loopback servers that misbehave on purpose, played against the client over both transports:
// the Node one it uses by default and the platform fetch. Backoff waits go through an injected
// sleep that records the delay and returns at once, so nothing here depends on timing except
// the timeouts, which are fixed per test and never asserted as durations.

const SEND = { body: { messages: [{ to: "+61411111111", body: "Your code is 4821", source: "fault-test" }] } };
const servers: RecordingServer[] = [];
/** Everything any client threw, returned as `error` or logged, scanned for credentials at the end. */
const exposed: unknown[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});
afterAll(() => {
  expect(exposed.length).toBeGreaterThan(40);
  expect(leaks(exposed)).toEqual([]);
});

async function serve(...steps: Step[]): Promise<RecordingServer> {
  const server = await scriptedServer(...steps);
  servers.push(server);
  return server;
}

// The Node transport takes a request "lean" (no Request object, no AbortController) when nothing
// else will see it, and as a standard Request when a middleware will; both paths are played.
const passThrough = { onRequest: () => undefined };
const transports: [string, FetchLike | undefined, boolean][] = [
  ["the Node transport", undefined, false],
  ["the Node transport, behind a middleware", undefined, true],
  ["the platform fetch", (request) => fetch(request), false],
];

describe.each(transports)("over %s", (_name, transport, withMiddleware) => {
  function client(baseUrl: string, options: Partial<ClickSendClientOptions> = {}) {
    const sleeps: number[] = [];
    const logs: string[] = [];
    const clicksend = createClickSendClient({
      username: USERNAME,
      apiKey: API_KEY,
      baseUrl,
      ...(transport ? { fetch: transport } : {}),
      timeoutMs: 2_000,
      logger: { warn: (line) => void logs.push(line) },
      retry: {
        retries: 2,
        minDelayMs: 100,
        maxDelayMs: 10_000,
        random: () => 0.5,
        sleep: async (ms) => void sleeps.push(ms),
      },
      ...options,
    });
    if (withMiddleware) clicksend.use(passThrough);
    exposed.push(logs);
    return { clicksend, sleeps, logs };
  }

  /** Runs a call; returns what it resolved to or the error it threw, recording both for the leak scan. */
  async function settle<T>(promise: Promise<T>): Promise<{ result?: T; thrown?: unknown }> {
    try {
      const result = await promise;
      exposed.push(result && typeof result === "object" && "error" in result ? (result as { error: unknown }).error : undefined);
      return { result };
    } catch (thrown) {
      exposed.push(thrown);
      return { thrown };
    }
  }

  describe("a send (not idempotent) reaches the server exactly once, whatever goes wrong", () => {
    const html = "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>";
    const cases: {
      fault: string;
      steps: Step[];
      options?: Partial<ClickSendClientOptions>;
      returned?: typeof ClickSendApiError;
      thrown?: typeof ClickSendError;
      expect: Record<string, unknown>;
    }[] = [
      {
        fault: "429 with Retry-After",
        steps: [{ ...envelopeError(429, "TOO_MANY_REQUESTS", "Slow down."), headers: { "retry-after": "1" } }, { body: SENT }],
        returned: ClickSendApiError,
        expect: { status: 429, responseCode: "TOO_MANY_REQUESTS", retryAfterMs: 1000, retryable: true, maybeDelivered: false },
      },
      {
        fault: "503 then 200",
        steps: [envelopeError(503, "SERVICE_UNAVAILABLE", "Try again."), { body: SENT }],
        returned: ClickSendApiError,
        expect: { status: 503, responseCode: "SERVICE_UNAVAILABLE", retryable: false, maybeDelivered: true },
      },
      {
        fault: "a connection reset mid-response",
        steps: [{ body: SENT, reset: "mid-response" }, { body: SENT }],
        thrown: ClickSendConnectionError,
        expect: { retryable: false, maybeDelivered: true, code: expect.any(String) },
      },
      {
        fault: "a connection reset before the response",
        steps: [{ reset: "before-response" }, { body: SENT }],
        thrown: ClickSendConnectionError,
        expect: { retryable: false, maybeDelivered: true },
      },
      {
        fault: "a response slower than the timeout",
        steps: [HANG, { body: SENT }],
        options: { timeoutMs: 600 },
        thrown: ClickSendTimeoutError,
        expect: { timeoutMs: 600, retryable: false, maybeDelivered: true },
      },
      {
        fault: "an HTML 502 from a proxy",
        steps: [{ status: 502, headers: { "content-type": "text/html" }, body: html }, { body: SENT }],
        returned: ClickSendInvalidResponseError,
        expect: { status: 502, responseCode: "INVALID_RESPONSE", retryable: false, maybeDelivered: true },
      },
      {
        fault: "an empty 200",
        steps: [{ status: 200, body: "" }, { body: SENT }],
        returned: ClickSendInvalidResponseError,
        expect: { status: 200, responseCode: "INVALID_RESPONSE", maybeDelivered: true },
      },
    ];

    it.each(cases)("$fault", async ({ steps, options, returned, thrown, expect: fields }) => {
      const server = await serve(...steps);
      const { clicksend, sleeps } = client(server.url, options);
      const { result, thrown: error } = await settle(clicksend.POST("/v3/sms/send", SEND));

      expect(server.requests).toHaveLength(1);
      expect(server.requests[0]!.method).toBe("POST");
      expect(JSON.parse(server.requests[0]!.body)).toEqual(SEND.body);
      expect(sleeps).toEqual([]);
      const failure = returned ? result?.error : error;
      if (returned) {
        expect(error).toBeUndefined();
        expect(result?.data).toBeUndefined();
        expect(failure).toBeInstanceOf(returned);
      } else {
        expect(result).toBeUndefined();
        expect(failure).toBeInstanceOf(thrown!);
      }
      expect(isClickSendError(failure)).toBe(true);
      expect(failure).toMatchObject({ ...fields, operationId: "sendSms", operation: "POST /v3/sms/send", attempts: 1 });
      const message = (failure as Error).message;
      expect(message).toContain("sendSms (POST /v3/sms/send)");
      if ((failure as ClickSendError).maybeDelivered) expect(message).toMatch(/outcome is unknown/);
      else expect(message).not.toMatch(/outcome is unknown/);
    });

    it("throws the same error from unwrap() as the { error } it returns", async () => {
      const server = await serve(envelopeError(400, "BAD_REQUEST", "Invalid recipient."));
      const { clicksend } = client(server.url);
      const returned = await clicksend.POST("/v3/sms/send", SEND);
      const { thrown } = await settle(unwrap(clicksend.POST("/v3/sms/send", SEND)));
      expect(thrown).toBeInstanceOf(ClickSendApiError);
      expect(thrown).toMatchObject({ status: 400, responseCode: "BAD_REQUEST", responseMsg: "Invalid recipient.", retryable: false, maybeDelivered: false });
      // It is also ClickSend's error envelope, as openapi-fetch's `error` is.
      expect(returned.error).toMatchObject({ http_code: 400, response_code: "BAD_REQUEST", response_msg: "Invalid recipient.", data: null });
      expect(server.requests).toHaveLength(2);
    });
  });

  describe("an idempotent call is retried on 429, 5xx, timeouts and dropped connections", () => {
    it("honours Retry-After in seconds", async () => {
      const server = await serve({ ...envelopeError(429, "TOO_MANY_REQUESTS", "Slow down."), headers: { "retry-after": "2" } }, { body: ACCOUNT });
      const { clicksend, sleeps, logs } = client(server.url);
      const { data, error } = await clicksend.GET("/v3/account");
      expect(error).toBeUndefined();
      expect(data?.data).toMatchObject({ user_id: 1 });
      expect(server.requests).toHaveLength(2);
      expect(sleeps).toEqual([2000]);
      expect(logs.some((l) => l.includes("getAccount (GET /v3/account): 429 on attempt 1 of 3; retrying in 2000 ms"))).toBe(true);
    });

    it("honours Retry-After as an HTTP date", async () => {
      const at = new Date(Date.now() + 3_000).toUTCString();
      const server = await serve({ ...envelopeError(503, "SERVICE_UNAVAILABLE", "Maintenance."), headers: { "retry-after": at } }, { body: ACCOUNT });
      const { clicksend, sleeps } = client(server.url);
      expect((await clicksend.GET("/v3/account")).error).toBeUndefined();
      expect(sleeps).toHaveLength(1);
      expect(sleeps[0]).toBeGreaterThanOrEqual(1_000);
      expect(sleeps[0]).toBeLessThanOrEqual(3_000);
    });

    it("does not wait longer than maxDelayMs: a long Retry-After comes back as the error", async () => {
      const server = await serve({ ...envelopeError(429, "TOO_MANY_REQUESTS", "Quota."), headers: { "retry-after": "60" } }, { body: ACCOUNT });
      const { clicksend, sleeps } = client(server.url);
      const { error } = await settle(clicksend.GET("/v3/account")).then((r) => r.result!);
      expect(error).toMatchObject({ status: 429, retryAfterMs: 60_000, retryable: true, attempts: 1 });
      expect(server.requests).toHaveLength(1);
      expect(sleeps).toEqual([]);
    });

    it("retries a 503 with exponential backoff and jitter, then succeeds", async () => {
      const server = await serve(envelopeError(503, "SERVICE_UNAVAILABLE", "Busy."), envelopeError(500, "INTERNAL_SERVER_ERROR", "Oops."), { body: ACCOUNT });
      const { clicksend, sleeps } = client(server.url);
      const { data } = await clicksend.GET("/v3/account");
      expect(data?.response_code).toBe("SUCCESS");
      expect(server.requests).toHaveLength(3);
      // minDelayMs 100 doubling, equal jitter with random() = 0.5: 75 then 150.
      expect(sleeps).toEqual([75, 150]);
    });

    it("gives up after `retries` and reports every attempt", async () => {
      const server = await serve(envelopeError(503, "SERVICE_UNAVAILABLE", "Busy."));
      const { clicksend, sleeps } = client(server.url);
      const { result } = await settle(clicksend.GET("/v3/account"));
      expect(result?.error).toBeInstanceOf(ClickSendApiError);
      expect(result?.error).toMatchObject({ status: 503, attempts: 3, retryable: true, operationId: "getAccount" });
      expect(result?.error?.message).not.toMatch(/outcome is unknown/);
      expect(server.requests).toHaveLength(3);
      expect(sleeps).toHaveLength(2);
    });

    it("retries a connection reset mid-response", async () => {
      const server = await serve({ body: ACCOUNT, reset: "mid-response" }, { body: ACCOUNT });
      const { clicksend } = client(server.url);
      expect((await clicksend.GET("/v3/account")).data?.data).toMatchObject({ user_id: 1 });
      expect(server.requests).toHaveLength(2);
    });

    it("retries a response slower than the timeout, with a fresh timer for the next attempt", async () => {
      // The first attempt uses up the whole timeout, so a timer shared across attempts would
      // abort the second at once; it succeeds only because each attempt gets its own.
      const server = await serve(HANG, { body: ACCOUNT });
      const { clicksend } = client(server.url, { timeoutMs: 1_000 });
      const { data, error } = await clicksend.GET("/v3/account");
      expect(error).toBeUndefined();
      expect(data?.data).toMatchObject({ user_id: 1 });
      expect(server.requests).toHaveLength(2);
    });

    it("throws a timeout when every attempt is too slow", async () => {
      const server = await serve(HANG);
      const { clicksend } = client(server.url, { timeoutMs: 400 });
      const { thrown } = await settle(clicksend.GET("/v3/account"));
      expect(thrown).toBeInstanceOf(ClickSendTimeoutError);
      expect(thrown).toMatchObject({ timeoutMs: 400, attempts: 3, retryable: true, operationId: "getAccount" });
      expect(server.requests).toHaveLength(3);
    });

    it("retries an HTML 502 and then reads the envelope", async () => {
      const server = await serve({ status: 502, headers: { "content-type": "text/html" }, body: "<h1>Bad Gateway</h1>" }, { body: ACCOUNT });
      const { clicksend } = client(server.url);
      expect((await clicksend.GET("/v3/account")).data?.data).toMatchObject({ user_id: 1 });
      expect(server.requests).toHaveLength(2);
    });

    it("does not retry an empty 200: the server answered, the body is wrong", async () => {
      const server = await serve({ status: 200, body: "" }, { body: ACCOUNT });
      const { clicksend } = client(server.url);
      const { result } = await settle(clicksend.GET("/v3/account"));
      expect(result?.error).toBeInstanceOf(ClickSendInvalidResponseError);
      expect(result?.error).toMatchObject({ status: 200, body: "", responseMsg: expect.stringContaining("empty") });
      expect(server.requests).toHaveLength(1);
    });

    it("does not retry a 400: the request itself is wrong", async () => {
      const server = await serve(envelopeError(400, "BAD_REQUEST", "Missing field."));
      const { clicksend, sleeps } = client(server.url);
      const { result } = await settle(clicksend.GET("/v3/account"));
      expect(result?.error).toMatchObject({ status: 400, retryable: false, maybeDelivered: false, attempts: 1 });
      expect(server.requests).toHaveLength(1);
      expect(sleeps).toEqual([]);
    });

    it("retries PUTs the spec marks idempotent and not the ones it does not", async () => {
      const server = await serve(envelopeError(503, "SERVICE_UNAVAILABLE", "Busy."));
      const { clicksend } = client(server.url);
      await settle(clicksend.PUT("/v3/sms/cancel-all", { body: {} }));
      expect(server.requests).toHaveLength(3);
      server.requests.length = 0;
      // A PUT, yet a purchase: x-idempotent: false.
      const { result } = await settle(clicksend.PUT("/v3/recharge/purchase/{package_id}", { params: { path: { package_id: 7 } } } as never));
      expect(server.requests).toHaveLength(1);
      expect(result?.error).toMatchObject({ operationId: "purchaseRechargePackage", maybeDelivered: true, retryable: false });
    });

    it("retries a POST the spec marks idempotent (a price quote)", async () => {
      const server = await serve(envelopeError(502, "BAD_GATEWAY", "Upstream."), { body: SENT });
      const { clicksend } = client(server.url);
      expect((await clicksend.POST("/v3/sms/price", SEND)).error).toBeUndefined();
      expect(server.requests).toHaveLength(2);
    });

    it("takes retry: false per call", async () => {
      const server = await serve(envelopeError(503, "SERVICE_UNAVAILABLE", "Busy."), { body: ACCOUNT });
      const { clicksend } = client(server.url);
      const { result } = await settle(clicksend.GET("/v3/account", { retry: false }));
      expect(result?.error).toMatchObject({ status: 503, attempts: 1 });
      expect(server.requests).toHaveLength(1);
    });

    it("takes retry: false per client", async () => {
      const server = await serve(envelopeError(503, "SERVICE_UNAVAILABLE", "Busy."), { body: ACCOUNT });
      const { clicksend } = client(server.url, { retry: false });
      await settle(clicksend.GET("/v3/account"));
      expect(server.requests).toHaveLength(1);
    });
  });

  describe("a connection refused before a byte was sent", () => {
    it("is retried for any operation, even a send, and reports nothing was delivered", async () => {
      const port = await freePort();
      const { clicksend, sleeps } = client(`http://127.0.0.1:${port}`);
      const { thrown } = await settle(clicksend.POST("/v3/sms/send", SEND));
      expect(thrown).toBeInstanceOf(ClickSendConnectionError);
      expect(thrown).toMatchObject({ code: "ECONNREFUSED", attempts: 3, maybeDelivered: false, retryable: true, operationId: "sendSms" });
      expect((thrown as Error).message).not.toMatch(/outcome is unknown/);
      expect(sleeps).toHaveLength(2);
    });

    it("delivers a send once the server is up, exactly once", async () => {
      const port = await freePort();
      let server: RecordingServer | undefined;
      const { clicksend } = client(`http://127.0.0.1:${port}`, {
        retry: {
          retries: 2,
          minDelayMs: 1,
          sleep: async () => {
            server ??= await startRecordingServer(() => ({ body: SENT }), { port });
            servers.push(server);
          },
        },
      });
      const { data, error } = await clicksend.POST("/v3/sms/send", SEND);
      expect(error).toBeUndefined();
      expect(data?.data.messages[0]?.status).toBe("SUCCESS");
      expect(server?.requests).toHaveLength(1);
    });
  });

  describe("the caller's AbortSignal and per-call timeouts", () => {
    it("sends nothing when the signal is already aborted", async () => {
      const server = await serve({ body: SENT });
      const { clicksend } = client(server.url);
      const { thrown } = await settle(clicksend.POST("/v3/sms/send", { ...SEND, signal: AbortSignal.abort(new Error("user left")) }));
      expect(thrown).toBeInstanceOf(ClickSendAbortError);
      expect(thrown).toMatchObject({ maybeDelivered: false, attempts: 0 });
      expect((thrown as Error).cause).toEqual(new Error("user left"));
      expect(server.requests).toHaveLength(0);
    });

    it("aborts a send in flight and says the outcome is unknown", async () => {
      const server = await serve(HANG);
      const { clicksend } = client(server.url);
      const controller = new AbortController();
      const pending = settle(clicksend.POST("/v3/sms/send", { ...SEND, signal: controller.signal }));
      await waitFor(() => server.requests.length === 1);
      controller.abort();
      const { thrown } = await pending;
      expect(thrown).toBeInstanceOf(ClickSendAbortError);
      expect(thrown).toMatchObject({ maybeDelivered: true, retryable: false, attempts: 1 });
      expect((thrown as Error).message).toMatch(/outcome is unknown/);
      expect(server.requests).toHaveLength(1);
    });

    it("stops waiting to retry when the caller aborts", async () => {
      const server = await serve(envelopeError(503, "SERVICE_UNAVAILABLE", "Busy."), { body: ACCOUNT });
      const controller = new AbortController();
      const { clicksend } = client(server.url, {
        retry: { retries: 3, sleep: (_ms, signal) => (controller.abort(), Promise.reject(signal?.reason)) },
      });
      const { thrown } = await settle(clicksend.GET("/v3/account", { signal: controller.signal }));
      expect(thrown).toBeInstanceOf(ClickSendAbortError);
      expect(server.requests).toHaveLength(1);
    });

    it("lets a call set its own timeout over the client's", async () => {
      const server = await serve(HANG);
      const { clicksend } = client(server.url, { timeoutMs: 0 });
      // Long enough for the request to reach the server on a busy machine; it never answers.
      const { thrown } = await settle(clicksend.POST("/v3/sms/send", { ...SEND, timeoutMs: 500 }));
      expect(thrown).toBeInstanceOf(ClickSendTimeoutError);
      expect(thrown).toMatchObject({ timeoutMs: 500, attempts: 1 });
      expect(server.requests).toHaveLength(1);
    });
  });

  describe("credentials never appear in errors or logs", () => {
    it("redacts a key the server echoes back, in an envelope and in an HTML page", async () => {
      const basic = Buffer.from(`${USERNAME}:${API_KEY}`).toString("base64");
      const server = await serve(
        envelopeError(401, "UNAUTHORIZED", `Key ${API_KEY} for ${USERNAME}:${API_KEY} is not valid`),
        { status: 502, headers: { "content-type": "text/html" }, body: `<pre>Authorization: Basic ${basic}\napi_key=${API_KEY}</pre>` },
      );
      const { clicksend } = client(server.url);
      const first = await settle(clicksend.GET("/v3/account"));
      const second = await settle(clicksend.POST("/v3/sms/send", SEND));
      expect(first.result?.error?.responseMsg).toBe("Key [REDACTED] for [REDACTED] is not valid");
      expect((second.result?.error as ClickSendInvalidResponseError).body).toContain("[REDACTED]");
      expect(leaks([first.result?.error, second.result?.error])).toEqual([]);
    });

    it("redacts a Bearer token on the gateway path", async () => {
      const server = await serve({ status: 503, headers: { "content-type": "text/plain" }, body: `token ${BEARER} overloaded` });
      const logs: string[] = [];
      const gateway = createRouteClient({
        baseUrl: server.url,
        authorization: bearerAuthorization(BEARER),
        ...(transport ? { fetch: transport } : {}),
        logger: { warn: (l) => void logs.push(l) },
        retry: { retries: 1, sleep: async () => {} },
      });
      const { result } = await settle(gateway.GET("/v3/account"));
      exposed.push(logs);
      expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${BEARER}`);
      expect(result?.error).toBeInstanceOf(ClickSendInvalidResponseError);
      expect(leaks([result?.error, logs])).toEqual([]);
    });
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(condition()).toBe(true);
}
