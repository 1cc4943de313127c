import { afterEach, describe, expect, it, vi } from "vitest";
import { ClickSendConfigError, createClickSendClient } from "../src/index.js";
import { recordingFetch } from "./helpers/recording-fetch.js";

const ok = () => new Response(JSON.stringify({ http_code: 200, response_code: "SUCCESS", response_msg: "ok", data: null }), { headers: { "content-type": "application/json" } });

function catchError(fn: () => unknown): ClickSendConfigError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ClickSendConfigError);
    return err as ClickSendConfigError;
  }
  throw new Error("expected a ClickSendConfigError");
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("createClickSendClient options", () => {
  it("names the option and the env var when the username is missing", () => {
    vi.stubEnv("CLICKSEND_USERNAME", "");
    vi.stubEnv("CLICKSEND_API_KEY", "");
    const err = catchError(() => createClickSendClient({ apiKey: "SECRET-KEY-123" }));
    expect(err.option).toBe("username");
    expect(err.envVar).toBe("CLICKSEND_USERNAME");
    expect(err.message).toContain("`username`");
    expect(err.message).toContain("CLICKSEND_USERNAME");
    expect(err.message).not.toContain("SECRET-KEY-123");
  });

  it("names the option and the env var when the API key is missing", () => {
    vi.stubEnv("CLICKSEND_API_KEY", "");
    const err = catchError(() => createClickSendClient({ username: "ops@example.com" }));
    expect(err.option).toBe("apiKey");
    expect(err.message).toContain("CLICKSEND_API_KEY");
  });

  it("treats a blank credential as missing", () => {
    const err = catchError(() => createClickSendClient({ username: "   ", apiKey: "k" }));
    expect(err.option).toBe("username");
  });

  it("falls back to CLICKSEND_USERNAME / CLICKSEND_API_KEY", async () => {
    vi.stubEnv("CLICKSEND_USERNAME", "env-user");
    vi.stubEnv("CLICKSEND_API_KEY", "env-key");
    const rec = recordingFetch(async () => ok());
    const client = createClickSendClient({ fetch: rec.fetch });
    await client.GET("/v3/sms/templates/{template_id}", { params: { path: { template_id: 1 } } });
    expect(rec.requests[0]!.headers.get("authorization")).toBe(`Basic ${btoa("env-user:env-key")}`);
    expect(rec.requests[0]!.url).toBe("https://rest.clicksend.com/v3/sms/templates/1");
  });

  it("lets explicit options win over the environment", async () => {
    vi.stubEnv("CLICKSEND_USERNAME", "env-user");
    vi.stubEnv("CLICKSEND_API_KEY", "env-key");
    const rec = recordingFetch(async () => ok());
    await createClickSendClient({ username: "opt-user", apiKey: "opt-key", fetch: rec.fetch }).PUT("/v3/sms/cancel-all", { body: {} });
    expect(rec.requests[0]!.headers.get("authorization")).toBe(`Basic ${btoa("opt-user:opt-key")}`);
  });

  it("encodes non-ASCII credentials as UTF-8", async () => {
    const rec = recordingFetch(async () => ok());
    await createClickSendClient({ username: "zoë@example.com", apiKey: "k€y", fetch: rec.fetch }).PUT("/v3/sms/cancel-all", { body: {} });
    expect(rec.requests[0]!.headers.get("authorization")).toBe(`Basic ${Buffer.from("zoë@example.com:k€y", "utf8").toString("base64")}`);
  });

  it("joins a base URL with a path prefix and trailing slash", async () => {
    const rec = recordingFetch(async () => ok());
    await createClickSendClient({ username: "u", apiKey: "k", baseUrl: "https://proxy.example.com/clicksend/", fetch: rec.fetch }).GET("/v3/sms/receipts");
    expect(rec.requests[0]!.url).toBe("https://proxy.example.com/clicksend/v3/sms/receipts");
  });

  it.each([
    ["not a url", "not an absolute URL"],
    ["http://rest.clicksend.com", "must use https"],
    ["https://user:pw@rest.clicksend.com", "user name or password"],
    ["https://rest.clicksend.com/?a=1", "query string or fragment"],
  ])("rejects baseUrl %s", (baseUrl, message) => {
    const err = catchError(() => createClickSendClient({ username: "u", apiKey: "k", baseUrl }));
    expect(err.option).toBe("baseUrl");
    expect(err.message).toContain(message);
  });

  it("allows plain http only to loopback hosts", () => {
    expect(() => createClickSendClient({ username: "u", apiKey: "k", baseUrl: "http://127.0.0.1:4010" })).not.toThrow();
    expect(() => createClickSendClient({ username: "u", apiKey: "k", baseUrl: "http://localhost:4010" })).not.toThrow();
  });

  it("refuses a username with a colon, which Basic auth cannot carry", () => {
    const err = catchError(() => createClickSendClient({ username: "a:b", apiKey: "k" }));
    expect(err.option).toBe("username");
  });

  it("refuses an Authorization header in `headers`", () => {
    const err = catchError(() => createClickSendClient({ username: "u", apiKey: "k", headers: { authorization: "Basic Zm9v" } }));
    expect(err.option).toBe("headers");
  });

  it("keeps the credential out of middleware's sight", async () => {
    const rec = recordingFetch(async () => ok());
    const client = createClickSendClient({ username: "u", apiKey: "SECRET", fetch: rec.fetch });
    const seen: (string | null)[] = [];
    client.use({ onRequest: ({ request }) => void seen.push(request.headers.get("authorization")) });
    await client.GET("/v3/sms/inbound");
    expect(seen).toEqual([null]);
    expect(rec.requests[0]!.headers.get("authorization")).toBe(`Basic ${btoa("u:SECRET")}`);
  });

  it("sends extra headers on every request", async () => {
    const rec = recordingFetch(async () => ok());
    await createClickSendClient({ username: "u", apiKey: "k", headers: { "x-request-source": "billing" }, fetch: rec.fetch }).GET("/v3/sms/inbound");
    expect(rec.requests[0]!.headers.get("x-request-source")).toBe("billing");
  });

  it("never sends the credential to another origin", async () => {
    const rec = recordingFetch(async () => ok());
    const client = createClickSendClient({ username: "u", apiKey: "SECRET", fetch: rec.fetch });
    // A middleware that rewrites the request to another host (as a misconfigured proxy hook might).
    client.use({ onRequest: ({ request }) => new Request("https://evil.example.net/v3/sms/inbound", request) });
    const attempt = client.GET("/v3/sms/inbound");
    await expect(attempt).rejects.toThrow(/refusing to send credentials/);
    await attempt.catch((err: Error) => expect(err.message).not.toContain("SECRET"));
    expect(rec.requests).toHaveLength(0);
  });
});

describe("transport options", () => {
  it.each([
    [{ timeoutMs: -1 }, "timeoutMs"],
    [{ timeoutMs: "5000" }, "timeoutMs"],
    [{ retry: true }, "retry"],
    [{ retry: { retries: 1.5 } }, "retry.retries"],
    [{ retry: { minDelayMs: -3 } }, "retry.minDelayMs"],
    [{ retry: { maxDelayMs: Infinity } }, "retry.maxDelayMs"],
    [{ logger: {} }, "logger"],
    [{ fetch: "fetch" }, "fetch"],
  ])("refuses %j, naming %s", (bad, option) => {
    const err = catchError(() => createClickSendClient({ username: "u", apiKey: "k", ...(bad as object) }));
    expect(err.option).toBe(option);
    expect(err.message).toContain(`\`${option}\``);
  });

  it("accepts retry: false, timeoutMs: 0 and console as the logger", () => {
    expect(() => createClickSendClient({ username: "u", apiKey: "k", retry: false, timeoutMs: 0, logger: console })).not.toThrow();
  });
});
