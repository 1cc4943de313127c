import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { ClickSendApiError, ClickSendResponseTooLargeError, createClickSendClient, type ClickSendClientOptions } from "../src/index.js";
import { ACCOUNT, API_KEY, envelopeError, leaks, scriptedServer, USERNAME, type Step } from "./helpers/faults.js";
import type { RecordingServer } from "@clicksend-kit/mock";

// What a user of the client sees besides data: the User-Agent servers log, log lines by level,
// errors as JSON, and the response size cap.
const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
const servers: RecordingServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

async function serve(...steps: Step[]) {
  const server = await scriptedServer(...steps);
  servers.push(server);
  return server;
}

function client(baseUrl: string, options: Partial<ClickSendClientOptions> = {}) {
  return createClickSendClient({ username: USERNAME, apiKey: API_KEY, baseUrl, retry: { retries: 1, minDelayMs: 0, maxDelayMs: 0 }, ...options });
}

describe("User-Agent", () => {
  it("names the package and its version on Node, over the default transport and a user fetch", async () => {
    const server = await serve({ body: ACCOUNT });
    await client(server.url).GET("/v3/account");
    await client(server.url, { fetch: (request) => fetch(request) }).GET("/v3/account");
    for (const request of server.requests) expect(request.headers["user-agent"]).toBe(`@clicksend-kit/client/${version} node/${process.versions.node}`);
  });

  it("leaves a User-Agent the caller sets alone", async () => {
    const server = await serve({ body: ACCOUNT });
    await client(server.url, { headers: { "user-agent": "billing-service/2.1" } }).GET("/v3/account");
    expect(server.requests[0]!.headers["user-agent"]).toBe("billing-service/2.1");
  });
});

describe("the logger", () => {
  function recorder() {
    const lines: string[] = [];
    const at = (level: string) => (line: string) => void lines.push(`${level} ${line}`);
    return { lines, logger: { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") } };
  }

  it("logs every attempt at debug and a retry at warn, with nothing secret in any line", async () => {
    const server = await serve({ ...envelopeError(503, "SERVICE_UNAVAILABLE", `key ${API_KEY} busy`) }, { body: ACCOUNT });
    const { lines, logger } = recorder();
    await client(server.url, { logger, logLevel: "debug" }).GET("/v3/account");
    expect(lines).toEqual([
      "debug clicksend: getAccount (GET /v3/account): attempt 1 of 2",
      "debug clicksend: getAccount (GET /v3/account): 503 on attempt 1",
      "warn clicksend: getAccount (GET /v3/account): 503 on attempt 1 of 2; retrying in 0 ms",
      "debug clicksend: getAccount (GET /v3/account): attempt 2 of 2",
      "debug clicksend: getAccount (GET /v3/account): 200 on attempt 2",
    ]);
    expect(leaks(lines)).toEqual([]);
  });

  it("logs from warn up by default, and nothing at off", async () => {
    const server = await serve(envelopeError(503, "SERVICE_UNAVAILABLE", "busy"), { body: ACCOUNT });
    const quiet = recorder();
    await client(server.url, { logger: quiet.logger }).GET("/v3/account");
    expect(quiet.lines).toEqual(["warn clicksend: getAccount (GET /v3/account): 503 on attempt 1 of 2; retrying in 0 ms"]);
    const off = recorder();
    await client(server.url, { logger: off.logger, logLevel: "off" }).GET("/v3/account");
    expect(off.lines).toEqual([]);
  });

  it("refuses a level it does not know, naming the option", () => {
    expect(() => client("http://127.0.0.1:1", { logLevel: "verbose" as never })).toThrow(/`logLevel` must be one of debug, info, warn, error, off/);
  });
});

describe("errors as JSON", () => {
  it("give name, message, status, codes and the operation once, without the envelope's snake_case copies", async () => {
    const server = await serve(envelopeError(400, "BAD_REQUEST", "Invalid recipient."));
    const { error } = await client(server.url).POST("/v3/sms/send", { body: { messages: [{ to: "+6100", body: "hi" }] } });
    expect(error).toBeInstanceOf(ClickSendApiError);
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "ClickSendApiError",
      message: "sendSms (POST /v3/sms/send) failed: 400 BAD_REQUEST: Invalid recipient.",
      status: 400,
      responseCode: "BAD_REQUEST",
      responseMsg: "Invalid recipient.",
      operationId: "sendSms",
      operation: "POST /v3/sms/send",
      retryable: false,
      maybeDelivered: false,
      attempts: 1,
    });
  });
});

describe("the response size cap", () => {
  it("refuses a body larger than maxResponseBytes with an error that names the limit", async () => {
    const server = await serve({ body: { ...ACCOUNT, padding: "x".repeat(5_000) } });
    const thrown = await client(server.url, { maxResponseBytes: 4_096 })
      .GET("/v3/account")
      .catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(ClickSendResponseTooLargeError);
    expect(thrown).toMatchObject({ limitBytes: 4_096, retryable: false, operationId: "getAccount" });
    expect((thrown as Error).message).toContain("larger than 4096 bytes (maxResponseBytes)");
  });

  it("reads a body up to the default cap", async () => {
    const server = await serve({ body: { ...ACCOUNT, padding: "x".repeat(2_000_000) } });
    expect((await client(server.url).GET("/v3/account")).error).toBeUndefined();
  });

  it("refuses a cap that is not a positive whole number of bytes", () => {
    expect(() => client("http://127.0.0.1:1", { maxResponseBytes: 0 })).toThrow(/maxResponseBytes/);
  });
});
