import { afterEach, describe, expect, it } from "vitest";
import { faults, startClickSendStandIn, startRecordingServer, type RecordingServer } from "../src/index.js";

const started: RecordingServer[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.stop()));
});

describe("startClickSendStandIn", () => {
  it("plays the scripted faults in order, then passes requests to the upstream", async () => {
    const upstream = await startRecordingServer(() => ({ body: { http_code: 200, response_code: "SUCCESS", response_msg: "upstream", data: { n: 1 } } }));
    started.push(upstream);
    const standIn = await startClickSendStandIn({ faults: [faults.rateLimited(3), faults.unavailable()], upstream: upstream.url });
    started.push(standIn);

    const first = await fetch(`${standIn.url}/v3/account`);
    expect(first.status).toBe(429);
    expect(first.headers.get("retry-after")).toBe("3");
    expect(await first.json()).toMatchObject({ http_code: 429, response_code: "TOO_MANY_REQUESTS" });

    const second = await fetch(`${standIn.url}/v3/account`);
    expect(second.status).toBe(503);
    expect(await second.json()).toMatchObject({ http_code: 503, response_code: "SERVICE_UNAVAILABLE" });

    const third = await fetch(`${standIn.url}/v3/sms/send`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"messages":[]}' });
    expect(third.status).toBe(200);
    expect(await third.json()).toMatchObject({ response_msg: "upstream" });

    expect(standIn.requests.map((r) => `${r.method} ${r.url}`)).toEqual(["GET /v3/account", "GET /v3/account", "POST /v3/sms/send"]);
    expect(upstream.requests).toEqual([expect.objectContaining({ method: "POST", url: "/v3/sms/send", body: '{"messages":[]}' })]);
  });

  it("leaves a request unanswered until the client gives up, and still stops", async () => {
    const standIn = await startClickSendStandIn({ faults: [faults.noAnswer()] });
    started.push(standIn);
    await expect(fetch(`${standIn.url}/v3/account`, { signal: AbortSignal.timeout(300) })).rejects.toThrow(/timeout|aborted/i);
    expect(standIn.requests).toHaveLength(1);
    // the next request is no longer scripted
    const after = await fetch(`${standIn.url}/v3/account`);
    expect(await after.json()).toMatchObject({ http_code: 200, data: null });
  });

  it("resets the connection without answering", async () => {
    const standIn = await startClickSendStandIn({ faults: [faults.connectionReset()] });
    started.push(standIn);
    await expect(fetch(`${standIn.url}/v3/sms/send`, { method: "POST", body: "{}" })).rejects.toThrow(/fetch failed/);
    expect(standIn.requests).toHaveLength(1);
  });
});
