import { afterEach, describe, expect, it } from "vitest";
import { request } from "node:http";
import { startRecordingServer, type RecordingServer } from "../src/index.js";

const started: RecordingServer[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.stop()));
});

/** One request over node:http; resolves with what arrived before the connection ended. */
function get(url: string): Promise<{ status?: number; body: string; error?: string }> {
  return new Promise((resolve) => {
    let status: number | undefined;
    let body = "";
    const req = request(url, (res) => {
      status = res.statusCode;
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve({ status, body }));
      res.on("error", (err: NodeJS.ErrnoException) => resolve({ status, body, error: err.code ?? err.message }));
    });
    req.on("error", (err: NodeJS.ErrnoException) => resolve({ status, body, error: err.code ?? err.message }));
    req.end();
  });
}

describe("startRecordingServer misbehaving on purpose", () => {
  it("resets the connection before answering", async () => {
    const server = await startRecordingServer(() => ({ reset: "before-response" }));
    started.push(server);
    const result = await get(`${server.url}/v3/account`);
    expect(result.status).toBeUndefined();
    expect(result.error).toBe("ECONNRESET");
    expect(server.requests).toHaveLength(1);
  });

  it("resets the connection halfway through the body", async () => {
    const body = { http_code: 200, response_code: "SUCCESS", response_msg: "x".repeat(200), data: null };
    const server = await startRecordingServer(() => ({ body, reset: "mid-response" }));
    started.push(server);
    const result = await get(`${server.url}/v3/account`);
    expect(result.status).toBe(200);
    expect(result.error).toBeDefined();
    expect(result.body.length).toBeGreaterThan(0);
    expect(result.body.length).toBeLessThan(JSON.stringify(body).length);
  });
});
