import { describe, expect, expectTypeOf, it } from "vitest";
import type { Schema } from "@clicksend-kit/types";
import { usePrismClient } from "./helpers/prism-client.js";

// Prism serves the bundled spec's examples and rejects requests that break the spec
// (missing Basic credentials, missing required fields), so these calls exercise both the
// client and the spec it is typed from.
const mock = usePrismClient();
const client = mock.client;

describe("createClickSendClient against the Prism mock", () => {
  it("sends an SMS and gets each message's typed status", async () => {
    const { clicksend, requests } = client();
    const { data, error, response } = await clicksend.POST("/v3/sms/send", {
      body: { messages: [{ to: "+61411111111", body: "Your appointment is confirmed.", source: "sdk" }] },
    });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data?.response_code).toBe("SUCCESS");
    const messages = data!.data.messages;
    expectTypeOf(messages).toEqualTypeOf<Schema<"SentSmsMessage">[]>();
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.map((m) => m.status)).toContain("SUCCESS");
    expect(typeof data!.data.total_price).toBe("number");

    expect(requests).toHaveLength(1);
    const sent = requests[0]!;
    expect(sent.method).toBe("POST");
    expect(new URL(sent.url).pathname).toBe("/v3/sms/send");
    expect(sent.headers.get("authorization")).toBe(`Basic ${Buffer.from("demo@example.com:0D0E0A0D-KEY").toString("base64")}`);
    expect(sent.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await sent.json()).toEqual({ messages: [{ to: "+61411111111", body: "Your appointment is confirmed.", source: "sdk" }] });
  });

  it("reads SMS history with filters as typed, paged data", async () => {
    const { clicksend, requests } = client();
    const { data, error } = await clicksend.GET("/v3/sms/history", {
      params: { query: { page: 1, limit: 50, q: "status:Sent", order_by: "date:desc", date_from: 1722470400, date_to: 1725148799 } },
    });
    expect(error).toBeUndefined();
    const page = data!.data;
    expect(page.current_page).toBe(1);
    expect(page.last_page).toBeGreaterThanOrEqual(1);
    expectTypeOf(page.data).toExtend<Schema<"SmsHistoryItem">[]>();
    expectTypeOf<Schema<"SmsHistoryItem">[]>().toExtend<typeof page.data>();
    expect(page.data[0]?.message_id).toMatch(/^[0-9A-F-]{36}$/);
    const query = new URL(requests[0]!.url).searchParams;
    expect(Object.fromEntries(query)).toEqual({
      page: "1",
      limit: "50",
      q: "status:Sent",
      order_by: "date:desc",
      date_from: "1722470400",
      date_to: "1725148799",
    });
  });

  it("reads one SMS template by its path parameter", async () => {
    const { clicksend, requests } = client();
    const { data, error } = await clicksend.GET("/v3/sms/templates/{template_id}", {
      params: { path: { template_id: 587713 } },
    });
    expect(error).toBeUndefined();
    expectTypeOf(data!.data).toEqualTypeOf<Schema<"SmsTemplate">>();
    expect(data!.data).toMatchObject({ template_id: 587713, template_name: expect.any(String), body: expect.any(String) });
    expect(new URL(requests[0]!.url).pathname).toBe("/v3/sms/templates/587713");
  });

  it("surfaces the spec's error envelope when a required field is missing", async () => {
    const { clicksend } = client();
    const { data, error, response } = await clicksend.POST("/v3/sms/send", {
      // @ts-expect-error -- `body` is required on every message; the mock must reject this too
      body: { messages: [{ to: "+61411111111" }] },
    });
    expect(data).toBeUndefined();
    expect(response.status).toBe(400);
    expect(error).toMatchObject({ http_code: 400, response_code: "BAD_REQUEST" });
  });

  it("is rejected by the mock without credentials, proving the mock checks Basic auth", async () => {
    const res = await fetch(`${mock.url()}/v3/sms/templates/587713`);
    expect(res.status).toBe(401);
  });
});
