import { describe, expect, expectTypeOf, it } from "vitest";
import type { Schema } from "@clicksend-kit/types";
import { usePrismClient } from "../helpers/prism-client.js";

// Letters, postcards, return addresses, fax and automation rules against Prism serving the
// bundled spec: the typed client sends what the spec describes, gets the spec's examples
// back, and Prism rejects requests that break the spec's `required` and `oneOf`.
const mock = usePrismClient();
const client = mock.client;

const letter = {
  file_url: "https://files.example.com/letters/invoice-88412.pdf",
  colour: 1 as const,
  duplex: 0 as const,
  priority_post: 0 as const,
  recipients: [
    {
      address_name: "Jane Citizen",
      address_line_1: "12 Harbour Street",
      address_city: "Sydney",
      address_state: "NSW",
      address_postal_code: "2000",
      address_country: "AU",
      return_address_id: 24851,
      custom_string: "invoice-88412",
    },
  ],
};

describe("post, fax and automations against the Prism mock", () => {
  it("prices a letter without posting it", async () => {
    const { clicksend, requests } = client();
    const { data, error, response } = await clicksend.POST("/v3/post/letters/price", { body: letter });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    // SentPostLetter is an allOf (an intersection type), so compare both ways rather than with toEqualTypeOf.
    expectTypeOf(data!.data).toExtend<Schema<"PostLetterPriceResult">>();
    expectTypeOf<Schema<"PostLetterPriceResult">>().toExtend<NonNullable<typeof data>["data"]>();
    expectTypeOf(data!.data.recipients).toExtend<Schema<"SentPostLetter">[]>();
    expectTypeOf<Schema<"SentPostLetter">[]>().toExtend<NonNullable<typeof data>["data"]["recipients"]>();
    expectTypeOf<Schema<"PostLetterRequest">["colour"]>().toEqualTypeOf<0 | 1 | undefined>();
    expect(data!.data).toMatchObject({ total_price: 1.2045, total_cost: 1.2045 });
    expect(data!.data.recipients[0]).toMatchObject({ post_price: 1.2045, post_pages: 2, colour: 1 });

    expect(requests).toHaveLength(1);
    expect(requests[0]!.method).toBe("POST");
    expect(new URL(requests[0]!.url).pathname).toBe("/v3/post/letters/price");
    expect(await requests[0]!.json()).toEqual(letter);
  });

  it("sends a letter and gets each recipient's typed status", async () => {
    const { clicksend, requests } = client();
    const { data, error } = await clicksend.POST("/v3/post/letters/send", { body: letter });
    expect(error).toBeUndefined();
    const [sent] = data!.data.recipients;
    expect(sent).toMatchObject({
      status: "SUCCESS",
      message_id: "6B2C5E42-8F0D-4A8B-9D77-3C1E0A9B4F21",
      return_address_id: 24851,
      address_country: "AU",
    });
    expect(sent?._file_url).toMatch(/^https:\/\//);
    expect(new URL(requests[0]!.url).pathname).toBe("/v3/post/letters/send");
    expect(await requests[0]!.json()).toEqual(letter);
  });

  it("sends a postcard from its artwork URLs", async () => {
    const { clicksend, requests } = client();
    const body = {
      file_urls: ["https://files.example.com/postcards/spring-sale.pdf"],
      recipients: [
        {
          address_name: "Sam Taylor",
          address_line_1: "8 Ocean Parade",
          address_city: "Brighton",
          address_postal_code: "3186",
          address_country: "AU",
          return_address_id: 24851,
          schedule: 1735689600,
        },
      ],
    };
    const { data, error } = await clicksend.POST("/v3/post/postcards/send", { body });
    expect(error).toBeUndefined();
    // SentPostcard is an allOf (an intersection type), so compare both ways rather than with toEqualTypeOf.
    expectTypeOf(data!.data).toExtend<Schema<"PostcardSendResult">>();
    expectTypeOf<Schema<"PostcardSendResult">>().toExtend<NonNullable<typeof data>["data"]>();
    expectTypeOf(data!.data.recipients).toExtend<Schema<"SentPostcard">[]>();
    expectTypeOf<Schema<"SentPostcard">[]>().toExtend<NonNullable<typeof data>["data"]["recipients"]>();
    expect(data!.data).toMatchObject({ total_price: 1.65, queued_count: 1 });
    expect(data!.data.recipients[0]).toMatchObject({ status: "SUCCESS", address_name: "Sam Taylor" });
    expect(new URL(requests[0]!.url).pathname).toBe("/v3/post/postcards/send");
    expect(await requests[0]!.json()).toEqual(body);
  });

  it("saves a return address and gets its ID back", async () => {
    const { clicksend, requests } = client();
    const body = {
      address_name: "Acme Billing",
      address_line_1: "Level 2, 100 King Street",
      address_city: "Melbourne",
      address_state: "VIC",
      address_postal_code: "3000",
      address_country: "AU",
    };
    const { data, error } = await clicksend.POST("/v3/post/return-addresses", { body });
    expect(error).toBeUndefined();
    expectTypeOf(data!.data).toEqualTypeOf<Schema<"PostReturnAddress">>();
    expectTypeOf(data!.data.return_address_id).toEqualTypeOf<number>();
    expect(data!.data).toMatchObject({ return_address_id: 24851, address_name: "Acme Billing", address_country: "AU" });
    expect(requests[0]!.method).toBe("POST");
    expect(new URL(requests[0]!.url).pathname).toBe("/v3/post/return-addresses");
    expect(await requests[0]!.json()).toEqual(body);
  });

  it("sends a fax of one PDF and gets each recipient's typed status", async () => {
    const { clicksend, requests } = client();
    const body = {
      file_url: "https://files.example.com/faxes/order-55120.pdf",
      messages: [{ to: "+61261111111", from: "+61261111122", custom_string: "order-55120", source: "sdk" }],
    };
    const { data, error } = await clicksend.POST("/v3/fax/send", { body });
    expect(error).toBeUndefined();
    expectTypeOf(data!.data).toEqualTypeOf<Schema<"FaxSendResult">>();
    expectTypeOf(data!.data.messages).toEqualTypeOf<Schema<"SentFax">[]>();
    expect(data!.data).toMatchObject({ total_price: 0.44, total_count: 1, queued_count: 1 });
    expect(data!.data.messages[0]).toMatchObject({ status: "SUCCESS", message_pages: 2, message_price: "0.4400" });
    expect(new URL(requests[0]!.url).pathname).toBe("/v3/fax/send");
    expect(await requests[0]!.json()).toEqual(body);
  });

  it("creates an inbound-SMS rule and then updates it", async () => {
    const { clicksend, requests } = client();
    const rule = {
      dedicated_number: "+61437085284",
      rule_name: "Forward replies to CRM",
      message_search_type: 0 as const,
      action: "URL" as const,
      action_address: "https://hooks.example.com/clicksend/inbound",
      enabled: 1 as const,
      webhook_type: "json" as const,
    };
    const created = await clicksend.POST("/v3/automations/sms/inbound", { body: rule });
    expect(created.error).toBeUndefined();
    expectTypeOf(created.data!.data).toEqualTypeOf<Schema<"InboundSmsRule">>();
    expectTypeOf<Schema<"InboundSmsRule">["action"]>().toEqualTypeOf<Schema<"AutomationAction">>();
    expectTypeOf<Schema<"InboundSmsRule">["message_search_type"]>().toEqualTypeOf<0 | 1 | 2 | 3>();
    expect(created.data!.data).toMatchObject({ inbound_rule_id: 72619, action: "URL", enabled: 1, webhook_type: "json" });

    const update = { ...rule, dedicated_number: "*", message_search_type: 1 as const, message_search_term: "STOP", rule_name: "Opt-outs to CRM" };
    const updated = await clicksend.PUT("/v3/automations/sms/inbound/{inbound_rule_id}", {
      params: { path: { inbound_rule_id: 72619 } },
      body: update,
    });
    expect(updated.error).toBeUndefined();
    expectTypeOf(updated.data!.data).toEqualTypeOf<Schema<"InboundSmsRule">>();
    expect(updated.data!.data).toMatchObject({ inbound_rule_id: 72619, message_search_type: 1, message_search_term: "STOP" });

    expect(requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      "POST /v3/automations/sms/inbound",
      "PUT /v3/automations/sms/inbound/72619",
    ]);
    expect(await requests[0]!.json()).toEqual(rule);
    expect(await requests[1]!.json()).toEqual(update);
  });

  it("is rejected by the mock when a letter recipient has no return address", async () => {
    const { clicksend } = client();
    const { recipients, ...rest } = letter;
    const { return_address_id: _omitted, ...withoutReturnAddress } = recipients[0]!;
    const { data, error, response } = await clicksend.POST("/v3/post/letters/send", {
      // @ts-expect-error -- `return_address_id` is required on every recipient; the mock must reject this too
      body: { ...rest, recipients: [withoutReturnAddress] },
    });
    expect(data).toBeUndefined();
    expect(response.status).toBe(400);
    expect(error).toMatchObject({ http_code: 400, response_code: "BAD_REQUEST" });
  });

  it("is rejected by the mock when address detection gets both a PDF and a text", async () => {
    const { clicksend } = client();
    const { data, response } = await clicksend.POST("/v3/post/letters/detect-address", {
      // Both alternatives of the oneOf match, so the body is invalid (the types allow it: a union is not exclusive).
      body: { address: "Jane Citizen\n12 Harbour Street\nSydney NSW 2000", content: "JVBERi0xLjQK" },
    });
    expect(data).toBeUndefined();
    expect(response.status).toBe(400);

    const ok = await clicksend.POST("/v3/post/letters/detect-address", { body: { address: "Jane Citizen\n12 Harbour Street\nSydney NSW 2000" } });
    expect(ok.error).toBeUndefined();
    expectTypeOf(ok.data!.data).toEqualTypeOf<Schema<"DetectedPostAddress">>();
    expect(ok.data!.data).toMatchObject({ address_city: "Sydney", address_postal_code: "2000" });
  });
});
