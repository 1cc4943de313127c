import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, expectTypeOf, it } from "vitest";
import { ClickSendWebhookError, parseWebhook, type WebhookEvent } from "../src/index.js";

// Deliveries are built from the bundle's own webhook examples, so every callback the spec
// describes (including ones added later) is exercised in all three forms.
const require = createRequire(import.meta.url);
const spec = JSON.parse(readFileSync(require.resolve("@clicksend-kit/openapi/openapi.json"), "utf8")) as {
  webhooks: Record<string, { post?: { requestBody?: { content: Record<string, { example?: Record<string, unknown> }> } } }>;
};
const examples = Object.entries(spec.webhooks).map(([name, hook]) => {
  const example = hook.post?.requestBody?.content["application/json"]?.example;
  if (!example) throw new Error(`webhook ${name} has no JSON example`);
  return { name, example };
});

const asStrings = (fields: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, String(v)]));

async function catchWebhookError(promise: Promise<unknown>): Promise<ClickSendWebhookError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ClickSendWebhookError);
  return error as ClickSendWebhookError;
}

describe("parseWebhook recognises every callback in the spec", () => {
  it("covers at least inbound SMS and the SMS delivery receipt", () => {
    expect(examples.map((e) => e.name)).toEqual(expect.arrayContaining(["inboundSms", "smsDeliveryReceipt"]));
  });

  it.each(examples)("$name as a form POST (Request)", async ({ name, example }) => {
    const request = new Request("https://app.example.com/hooks/clicksend", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(asStrings(example)),
    });
    const event = await parseWebhook(request);
    expect(event).toEqual({ type: name, webhookType: "post", payload: asStrings(example) });
  });

  it.each(examples)("$name as a GET query string ({ method, url })", async ({ name, example }) => {
    const url = `/hooks/clicksend?${new URLSearchParams(asStrings(example))}`;
    const event = await parseWebhook({ method: "GET", url, headers: {} });
    expect(event).toEqual({ type: name, webhookType: "get", payload: asStrings(example) });
  });

  it.each(examples)("$name as JSON (raw body string)", async ({ name, example }) => {
    const event = await parseWebhook({
      method: "POST",
      url: "/hooks/clicksend",
      headers: { "Content-Type": "application/json; charset=utf-8" },
      body: JSON.stringify(example),
    });
    expect(event).toEqual({ type: name, webhookType: "json", payload: example });
  });

  it("takes a body an Express-style parser already read", async () => {
    const receipt = examples.find((e) => e.name === "smsDeliveryReceipt")!.example;
    const json = await parseWebhook({ method: "POST", url: "/h", headers: { "content-type": "application/json" }, body: receipt });
    expect(json.webhookType).toBe("json");
    const form = await parseWebhook({ method: "POST", url: "/h", headers: { "content-type": "application/x-www-form-urlencoded" }, body: asStrings(receipt) });
    expect(form).toMatchObject({ type: "smsDeliveryReceipt", webhookType: "post" });
    const bytes = await parseWebhook({ method: "POST", url: "/h", headers: {}, body: new TextEncoder().encode(JSON.stringify(receipt)) });
    expect(bytes).toMatchObject({ type: "smsDeliveryReceipt", webhookType: "json" });
  });

  it("accepts numbers where the JSON form sends them", async () => {
    const event = await parseWebhook({
      method: "POST",
      url: "/h",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ message_id: "D6D1", status_code: 201, timestamp: 1722565667, message_type: "sms" }),
    });
    expect(event).toMatchObject({ type: "smsDeliveryReceipt", payload: { status_code: 201 } });
  });

  it("gives a typed union to switch on", async () => {
    const event = await parseWebhook({ method: "GET", url: "/h?message_id=M1&from=%2B61411111111&body=STOP&to=%2B61400000000" });
    expectTypeOf(event).toEqualTypeOf<WebhookEvent>();
    if (event.type === "inboundSms") {
      expectTypeOf(event.payload.body).toEqualTypeOf<string>();
      expect(event.payload.body).toBe("STOP");
    } else {
      throw new Error(`expected an inbound SMS, got ${event.type}`);
    }
    const receipt = await parseWebhook({ method: "GET", url: "/h?message_id=M1&status_code=201&message_type=sms" }, { type: "smsDeliveryReceipt" });
    expectTypeOf(receipt.type).toEqualTypeOf<"smsDeliveryReceipt">();
    expect(receipt.payload.status_code).toBe("201");
  });
});

describe("parseWebhook refuses what is not a ClickSend callback", () => {
  it("names the callbacks it expected for an unknown payload", async () => {
    const error = await catchWebhookError(parseWebhook({ method: "POST", url: "/h", headers: { "content-type": "application/json" }, body: '{"event":"ping"}' }));
    expect(error.reason).toBe("unknown");
    expect(error.message).toContain("[event]");
    expect(error.message).toContain("inboundSms (message_id, from, body)");
  });

  it("explains malformed JSON", async () => {
    const error = await catchWebhookError(parseWebhook({ method: "POST", url: "/h", headers: { "content-type": "application/json" }, body: '{"message_id": ' }));
    expect(error.reason).toBe("body");
    expect(error.message).toMatch(/not valid JSON/);
  });

  it("refuses JSON that is not an object, an empty body and other methods", async () => {
    expect((await catchWebhookError(parseWebhook({ method: "POST", url: "/h", headers: { "content-type": "application/json" }, body: "[1,2]" }))).reason).toBe("body");
    expect((await catchWebhookError(parseWebhook({ method: "POST", url: "/h", body: "" }))).reason).toBe("body");
    expect((await catchWebhookError(parseWebhook({ method: "GET", url: "/h" }))).reason).toBe("body");
    expect((await catchWebhookError(parseWebhook({ method: "PUT", url: "/h", body: "a=1" }))).reason).toBe("method");
  });

  it("names the missing field when the caller says which callback to expect", async () => {
    const error = await catchWebhookError(parseWebhook({ method: "GET", url: "/h?from=%2B61411111111&body=hi" }, { type: "inboundSms" }));
    expect(error.reason).toBe("invalid");
    expect(error.message).toBe("webhook: not a valid inboundSms: `message_id` is required");
  });

  it("names a field of the wrong type", async () => {
    const error = await catchWebhookError(
      parseWebhook({ method: "POST", url: "/h", headers: { "content-type": "application/json" }, body: JSON.stringify({ message_id: "M", from: "+61", body: { text: "hi" } }) }),
    );
    expect(error.reason).toBe("invalid");
    expect(error.message).toContain("`body` must be string, got object");
  });

  it("asks which callback it is when the fields fit several equally", async () => {
    // A receipt without `message_type` could be for SMS, MMS or fax.
    const error = await catchWebhookError(parseWebhook({ method: "GET", url: "/h?message_id=M1&status_code=201&status=Delivered" }));
    expect(error.reason).toBe("ambiguous");
    expect(error.message).toMatch(/smsDeliveryReceipt and .*mmsDeliveryReceipt|mmsDeliveryReceipt and .*smsDeliveryReceipt/);
    const sms = await parseWebhook({ method: "GET", url: "/h?message_id=M1&status_code=201&status=Delivered" }, { type: "smsDeliveryReceipt" });
    expect(sms.type).toBe("smsDeliveryReceipt");
  });

  it("tells a receipt's channel by message_type", async () => {
    const error = await catchWebhookError(parseWebhook({ method: "GET", url: "/h?message_id=M1&status_code=201&message_type=mms" }, { type: "smsDeliveryReceipt" }));
    expect(error.message).toContain('`message_type` must be "sms"');
    const mms = await parseWebhook({ method: "GET", url: "/h?message_id=M1&status_code=201&message_type=mms" });
    expect(mms.type).toBe("mmsDeliveryReceipt");
  });

  it("rejects an unknown type option loudly", async () => {
    await expect(parseWebhook({ method: "GET", url: "/h?a=1" }, { type: "smsReceipt" as never })).rejects.toThrow(/unknown webhook type "smsReceipt"/);
  });
});

describe("parseWebhook with payloads built to break it", () => {
  const inbound = { message_id: "1EF50711-2787-68F4-8223-9F9C4393E380", from: "+61411111111", to: "+61422222222", body: "Hi", timestamp: "1722565411" };

  it.each(["constructor", "__proto__", "hasOwnProperty", "toString"])("takes a field named %s like any other undocumented one", async (name) => {
    const body = `{${JSON.stringify(name)}: "x", ${JSON.stringify(inbound).slice(1)}`;
    const event = await parseWebhook({ method: "POST", url: "/h", headers: { "content-type": "application/json" }, body });
    expect(event.type).toBe("inboundSms");
  });

  it("quotes a few field names of an unknown payload, not all of them", async () => {
    const fields = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`field\n${i}`, "x"]));
    const error = await catchWebhookError(parseWebhook({ method: "POST", url: "/h", headers: { "content-type": "application/json" }, body: JSON.stringify(fields) }));
    expect(error.reason).toBe("unknown");
    expect(error.message.length).toBeLessThan(2_000);
    expect(error.message).not.toContain("\n");
    expect(error.message).toContain("49990 more");
  });

  it("keeps an inbound SMS with many undocumented fields an inbound SMS", async () => {
    const extra = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`_added_later_${i}`, "x"]));
    const event = await parseWebhook({ method: "POST", url: "/h", headers: { "content-type": "application/json" }, body: JSON.stringify({ ...inbound, ...extra }) });
    expect(event.type).toBe("inboundSms");
  });
});
