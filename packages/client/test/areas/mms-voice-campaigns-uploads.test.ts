import { describe, expect, expectTypeOf, it } from "vitest";
import type { Schema } from "@clicksend-kit/types";
import { usePrismClient } from "../helpers/prism-client.js";

// MMS, voice, campaigns, email-to-SMS and uploads against Prism serving the bundled spec:
// the typed client sends what the spec describes, gets the spec's examples back, and Prism
// rejects a request that leaves out a field the spec marks required.
const mock = usePrismClient();
const client = mock.client;

describe("MMS, voice, campaigns, email-to-SMS and uploads against the Prism mock", () => {
  it("sends an MMS with one picture for the batch and gets each message's typed status", async () => {
    const { clicksend, requests } = client();
    const body = {
      media_file: "https://cdn.example.com/promo/spring-menu.jpg",
      messages: [{ to: "+61411111111", subject: "Spring menu", body: "Our new spring menu is here.", source: "sdk" }],
    };
    const { data, error, response } = await clicksend.POST("/v3/mms/send", { body });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expectTypeOf(data!.data).toEqualTypeOf<Schema<"MmsSendResult">>();
    expectTypeOf(data!.data.messages).toEqualTypeOf<Schema<"SentMmsMessage">[]>();
    expect(data!.data).toMatchObject({ total_price: 0.53, total_count: 1, queued_count: 1 });
    const [message] = data!.data.messages;
    expect(message).toMatchObject({ status: "SUCCESS", subject: "Spring menu", message_id: "04B5D4C6-2D2F-4D9B-9A4E-5B6C7D8E9F01" });
    expect(message?._media_file_url).toMatch(/^https:\/\//);

    expect(requests).toHaveLength(1);
    expect(requests[0]!.method).toBe("POST");
    expect(new URL(requests[0]!.url).pathname).toBe("/v3/mms/send");
    expect(await requests[0]!.json()).toEqual(body);
  });

  it("places a text-to-speech call with a closed voice gender and 0|1 switches", async () => {
    const { clicksend, requests } = client();
    const { data, error } = await clicksend.POST("/v3/voice/send", {
      body: {
        messages: [
          { to: "+61411111111", body: "Your appointment is tomorrow at 10:30. Press 1 to confirm.", voice: "male", lang: "en-au", require_input: 1, machine_detection: 0 },
        ],
      },
    });
    expect(error).toBeUndefined();
    expectTypeOf(data!.data.messages).toEqualTypeOf<Schema<"SentVoiceMessage">[]>();
    expectTypeOf<Schema<"VoiceMessage">["voice"]>().toEqualTypeOf<"female" | "male">();
    expectTypeOf<Schema<"VoiceMessage">["require_input"]>().toEqualTypeOf<0 | 1 | undefined>();
    const [call] = data!.data.messages;
    expect(call).toMatchObject({ status: "SUCCESS", voice: "female", lang: "en-au", require_input: 1, machine_detection: 0 });
    expect(new URL(requests[0]!.url).pathname).toBe("/v3/voice/send");
    expect(await requests[0]!.json()).toMatchObject({ messages: [{ voice: "male", require_input: 1, machine_detection: 0 }] });
  });

  it("creates an SMS campaign for a list and gets the typed campaign back", async () => {
    const { clicksend, requests } = client();
    const body = {
      list_id: 428,
      name: "Spring sale 2025",
      body: "Hi {first_name}, 20% off this weekend: http://smsg.io/xxxxx Reply STOP to opt out",
      schedule: 1743397200,
      url_to_shorten: "https://shop.example.com/spring-sale",
    };
    const { data, error } = await clicksend.POST("/v3/sms-campaigns/send", { body });
    expect(error).toBeUndefined();
    expectTypeOf(data!.data).toEqualTypeOf<Schema<"SmsCampaign">>();
    expectTypeOf(data!.data.status).toEqualTypeOf<Schema<"MessageCampaignStatus">>();
    expect(data!.data).toMatchObject({ sms_campaign_id: 52, list_id: 428, name: "Spring sale 2025", status: "Scheduled" });
    expect(new URL(requests[0]!.url).pathname).toBe("/v3/sms-campaigns/send");
    expect(await requests[0]!.json()).toEqual(body);
  });

  it("cancels an SMS campaign by its path parameter", async () => {
    const { clicksend, requests } = client();
    const { data, error } = await clicksend.PUT("/v3/sms-campaigns/{sms_campaign_id}/cancel", {
      params: { path: { sms_campaign_id: 52 } },
    });
    expect(error).toBeUndefined();
    expect(data!.data.status).toBe("Cancelled");
    expect(requests[0]!.method).toBe("PUT");
    expect(new URL(requests[0]!.url).pathname).toBe("/v3/sms-campaigns/52/cancel");
  });

  it("allows an email address for email-to-SMS", async () => {
    const { clicksend, requests } = client();
    const body = { email_address: "dispatch@example.com", from: "+61411222333", subaccount_id: 563840 };
    const { data, error } = await clicksend.POST("/v3/sms/email-sms", { body });
    expect(error).toBeUndefined();
    expectTypeOf(data!.data).toEqualTypeOf<Schema<"EmailToSmsAddress">>();
    expect(data!.data).toMatchObject({ email_address_id: 61, email_address: "dispatch@example.com", from: "+61411222333" });
    expect(new URL(requests[0]!.url).pathname).toBe("/v3/sms/email-sms");
    expect(await requests[0]!.json()).toEqual(body);
  });

  it("uploads a base64 file with a `convert` query parameter and gets its URL", async () => {
    const { clicksend, requests } = client();
    const content = Buffer.from("%PDF-1.4\n%%EOF\n").toString("base64");
    const { data, error } = await clicksend.POST("/v3/uploads", {
      params: { query: { convert: "mms" } },
      body: { content, filename: "flyer.pdf" },
    });
    expect(error).toBeUndefined();
    expectTypeOf(data!.data).toEqualTypeOf<Schema<"UploadedFile">>();
    expect(data!.data._url).toBe("https://rest.clicksend.com/files/2B9A06B4-F74B-4C06-A4A4-C1C0E7CE4F7A.pdf");
    const sent = new URL(requests[0]!.url);
    expect(sent.pathname).toBe("/v3/uploads");
    expect(Object.fromEntries(sent.searchParams)).toEqual({ convert: "mms" });
    expect(requests[0]!.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await requests[0]!.json()).toEqual({ content, filename: "flyer.pdf" });
  });

  it("is rejected by the mock when a voice call has no `voice`", async () => {
    const { clicksend } = client();
    const { data, error, response } = await clicksend.POST("/v3/voice/send", {
      // @ts-expect-error -- `voice` is required on every call; the mock must reject this too
      body: { messages: [{ to: "+61411111111", body: "Hello" }] },
    });
    expect(data).toBeUndefined();
    expect(response.status).toBe(400);
    expect(error).toMatchObject({ http_code: 400, response_code: "BAD_REQUEST" });
  });

  it("is rejected by the mock when an upload asks for an unknown conversion", async () => {
    const { clicksend } = client();
    const { response } = await clicksend.POST("/v3/uploads", {
      // @ts-expect-error -- `convert` is a closed set (fax, mms, postcard, post, csv)
      params: { query: { convert: "docx" } },
      body: { content: "SGVsbG8=" },
    });
    expect(response.status).toBe(400);
  });
});
