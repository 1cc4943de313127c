import { describe, expectTypeOf, it } from "vitest";
import type { Client } from "openapi-fetch";
import type { PageItem, paths, ResponseData, Schema } from "@clicksend-kit/types";
import {
  countSmsSegments,
  asOpenApiFetchClient,
  createClickSendClient,
  paginate,
  parseWebhook,
  splitMessages,
  unwrap,
  type ClickSendApiError,
  type RejectedStatus,
  type SmsSegments,
  type WebhookEvent,
} from "../src/index.js";

// Compile-time contract of the features: each expect-error line must keep failing to compile.
declare const client: ReturnType<typeof createClickSendClient>;
const send = { body: { messages: [{ to: "+61411111111", body: "hi" }] } };

describe("errors and the two call styles", () => {
  it("returns a ClickSendApiError that is also the error envelope", async () => {
    const { error } = await client.POST("/v3/sms/send", send);
    if (error) {
      expectTypeOf(error).toExtend<ClickSendApiError>();
      expectTypeOf(error).toExtend<Schema<"ErrorEnvelope">>();
      expectTypeOf(error.data).toEqualTypeOf<Schema<"ErrorEnvelope">["data"]>();
      expectTypeOf(error.responseCode).toEqualTypeOf<string | undefined>();
      expectTypeOf(error.response_code).toEqualTypeOf<string>();
      expectTypeOf(error.maybeDelivered).toEqualTypeOf<boolean>();
    }
  });

  it("unwrap gives the data, not undefined", async () => {
    const data = await unwrap(client.POST("/v3/sms/send", send));
    expectTypeOf(data.data).toEqualTypeOf<ResponseData<"/v3/sms/send", "post">>();
    expectTypeOf(data.response_code).toEqualTypeOf<string>();
    const viaThen = await client.GET("/v3/account").then(unwrap);
    expectTypeOf(viaThen.data).toEqualTypeOf<ResponseData<"/v3/account", "get">>();
  });

  it("types per-call options", () => {
    void client.GET("/v3/account", { timeoutMs: 5_000, retry: { retries: 1 }, signal: AbortSignal.timeout(10_000) });
    void client.GET("/v3/account", { retry: false });
    // @ts-expect-error -- timeoutMs is a number of milliseconds
    void client.GET("/v3/account", { timeoutMs: "5s" });
    // @ts-expect-error -- retry is false or options, not true
    void client.GET("/v3/account", { retry: true });
  });
});

describe("openapi-fetch's Client", () => {
  it("takes the client where openapi-fetch's Client<paths> is expected, through asOpenApiFetchClient", () => {
    const takesClient = (c: Client<paths>) => c.GET("/v3/account");
    void takesClient(asOpenApiFetchClient(client));
  });

  it("is not a Client<paths> itself: openapi-fetch's methods would let a misspelled key compile", () => {
    // @ts-expect-error -- Client<paths> accepts any extra key in init; the client does not
    const loose: Client<paths> = client;
    void loose;
    // What that would let through: a misspelled option that sends at once instead of on schedule.
    void asOpenApiFetchClient(client).POST("/v3/sms/send", { body: { messages: [{ to: "+61411111111", body: "hi", schedual: 1 }] } } as never);
  });

  it("has no operations under the three methods ClickSend does not use", () => {
    // @ts-expect-error -- no ClickSend operation answers HEAD
    void client.HEAD("/v3/account");
    // @ts-expect-error -- nor OPTIONS, through request()
    void client.request("options", "/v3/account");
  });
});

describe("paginate", () => {
  it("yields the item type of the paged list", () => {
    const items = paginate(client, "/v3/sms/history", { params: { query: { limit: 100 } } });
    expectTypeOf(items).toEqualTypeOf<AsyncGenerator<PageItem<"/v3/sms/history">, void, undefined>>();
    expectTypeOf<PageItem<"/v3/sms/history">>().toEqualTypeOf<Schema<"SmsHistoryItem">>();
  });

  it("only type-checks for paged list paths", () => {
    // @ts-expect-error -- /v3/account is not a paged list
    void paginate(client, "/v3/account");
    // @ts-expect-error -- a single template is not a paged list
    void paginate(client, "/v3/sms/templates/{template_id}", { params: { path: { template_id: 1 } } });
    // @ts-expect-error -- POST /v3/sms/send is not a GET list
    void paginate(client, "/v3/sms/send");
  });

  it("requires the path parameters of a paged list under a resource", () => {
    void paginate(client, "/v3/lists/{list_id}/contacts", { params: { path: { list_id: 428 } } });
    // @ts-expect-error -- list_id is required
    void paginate(client, "/v3/lists/{list_id}/contacts");
    // @ts-expect-error -- `limit` is a number
    void paginate(client, "/v3/sms/history", { params: { query: { limit: "100" } } });
  });
});

describe("webhooks", () => {
  it("returns a union to switch on", async () => {
    const event = await parseWebhook(new Request("https://app.example.com/hook"));
    expectTypeOf(event).toEqualTypeOf<WebhookEvent>();
    if (event.type === "inboundSms") expectTypeOf(event.payload).toEqualTypeOf<Schema<"InboundSmsCallback">>();
    if (event.type === "smsDeliveryReceipt") expectTypeOf(event.payload).toEqualTypeOf<Schema<"SmsReceiptCallback">>();
    expectTypeOf(event.webhookType).toEqualTypeOf<"post" | "json" | "get">();
  });

  it("narrows to the types asked for", async () => {
    const event = await parseWebhook({ method: "GET", url: "/h" }, { type: ["inboundSms", "smsDeliveryReceipt"] });
    expectTypeOf(event.type).toEqualTypeOf<"inboundSms" | "smsDeliveryReceipt">();
    // @ts-expect-error -- not a webhook of the spec
    void parseWebhook({ method: "GET", url: "/h" }, { type: "smsReceipt" });
  });
});

describe("per-message results and segments", () => {
  it("types accepted and rejected messages", async () => {
    const { data } = await client.POST("/v3/sms/send", send);
    const { accepted, rejected } = splitMessages(data!);
    expectTypeOf(accepted[0]!.status).toEqualTypeOf<"SUCCESS">();
    expectTypeOf(accepted[0]!.message_id).toEqualTypeOf<string | undefined>();
    expectTypeOf(rejected[0]!.status).toExtend<RejectedStatus>();
    const price = await client.POST("/v3/sms/price", send);
    void splitMessages(price.data!.data);
    // @ts-expect-error -- the account has no messages
    void splitMessages((await client.GET("/v3/account")).data!);
  });

  it("types the segment count", () => {
    expectTypeOf(countSmsSegments("hi")).toEqualTypeOf<SmsSegments>();
    expectTypeOf(countSmsSegments("hi").encoding).toEqualTypeOf<"GSM-7" | "UCS-2">();
  });
});
