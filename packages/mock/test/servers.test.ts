import { afterEach, describe, expect, it } from "vitest";
import { startPrism, startRecordingServer, type RunningServer } from "../src/index.js";

const started: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.stop()));
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("startPrism", () => {
  it("serves the bundled spec on 127.0.0.1 and is gone after stop()", async () => {
    const prism = await startPrism();
    started.push(prism);
    expect(prism.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${prism.url}/v3/sms/templates/587713`, { headers: { authorization: `Basic ${btoa("u:k")}` } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ response_code: "SUCCESS", data: { template_id: 587713 } });

    expect(isAlive(prism.pid)).toBe(true);
    await prism.stop();
    expect(isAlive(prism.pid)).toBe(false);
    await prism.stop(); // a second stop is harmless
  }, 150_000); // startPrism waits up to 120 s for Prism to load the bundle on a busy machine

  it("fails with Prism's own message when the spec cannot be read", async () => {
    await expect(startPrism({ spec: "/nonexistent/openapi.yaml", startTimeoutMs: 30_000 })).rejects.toThrow(/Prism exited/);
  });
});

describe("startRecordingServer", () => {
  it("records method, path, headers and body, and answers with the handler", async () => {
    const server = await startRecordingServer((req) => ({ status: 201, headers: { "x-seen": req.method }, body: { ok: true } }));
    started.push(server);
    const res = await fetch(`${server.url}/clicksend/v3/sms/send?x=1`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer t" },
      body: JSON.stringify({ a: 1 }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("x-seen")).toBe("POST");
    expect(await res.json()).toEqual({ ok: true });
    expect(server.requests).toEqual([
      expect.objectContaining({ method: "POST", url: "/clicksend/v3/sms/send?x=1", body: '{"a":1}', headers: expect.objectContaining({ authorization: "Bearer t" }) }),
    ]);
  });

  it("answers 500 with the reason when the handler throws", async () => {
    const server = await startRecordingServer(() => {
      throw new Error("boom");
    });
    started.push(server);
    const res = await fetch(server.url);
    expect(res.status).toBe(500);
    expect(await res.text()).toContain("boom");
  });
});
