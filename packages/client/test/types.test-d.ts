import { describe, expectTypeOf, it } from "vitest";
import type { ResponseData, Schema } from "@clicksend-kit/types";
import { createClickSendClient } from "../src/index.js";

// Compile-time contract: vitest's typecheck runs tsc over this file, and each
// expect-error directive fails the run if the line below it ever type-checks.
declare const client: ReturnType<typeof createClickSendClient>;

describe("the typed client", () => {
  it("types the data of a send", async () => {
    const { data } = await client.POST("/v3/sms/send", { body: { messages: [{ to: "+61411111111", body: "hi" }] } });
    expectTypeOf(data!.data).toEqualTypeOf<ResponseData<"/v3/sms/send", "post">>();
    expectTypeOf(data!.data.messages).items.toEqualTypeOf<Schema<"SentSmsMessage">>();
  });

  it("rejects a misspelled body field", () => {
    // @ts-expect-error -- `mesages` is not a field of the send body
    void client.POST("/v3/sms/send", { body: { mesages: [{ to: "+61411111111", body: "hi" }] } });
  });

  it("rejects a wrong field type", () => {
    // @ts-expect-error -- `schedule` is a Unix timestamp (number), not a string
    void client.POST("/v3/sms/send", { body: { messages: [{ to: "+61411111111", body: "hi", schedule: "tomorrow" }] } });
  });

  it("rejects a missing required field", () => {
    // @ts-expect-error -- every message needs a `body`
    void client.POST("/v3/sms/send", { body: { messages: [{ to: "+61411111111" }] } });
  });

  it("rejects an unknown path", () => {
    // @ts-expect-error -- there is no /v3/sms/sned
    void client.POST("/v3/sms/sned", { body: {} });
  });

  it("rejects a method the path does not have", () => {
    // @ts-expect-error -- /v3/sms/send only takes POST
    void client.GET("/v3/sms/send");
  });

  it("rejects a wrong path parameter type", () => {
    // @ts-expect-error -- template_id is numeric
    void client.GET("/v3/sms/templates/{template_id}", { params: { path: { template_id: { id: 1 } } } });
  });

  it("requires the path parameter", () => {
    // @ts-expect-error -- template_id is missing
    void client.GET("/v3/sms/templates/{template_id}", { params: { path: {} } });
  });

  describe("misspelled keys do not compile, optional or not, at any depth", () => {
    it("in a message of the body", () => {
      // @ts-expect-error -- `schedual` is not a field of a message (a typo of the optional `schedule`)
      void client.POST("/v3/sms/send", { body: { messages: [{ to: "+61411111111", body: "hi", schedual: 1735689600 }] } });
    });

    it("at the top of the body", () => {
      // @ts-expect-error -- the option is `shorten_urls`
      void client.POST("/v3/sms/send", { body: { messages: [{ to: "+61411111111", body: "hi" }], shorten_url: true } });
    });

    it("deeper in the body", () => {
      void client.POST("/v3/email/send", {
        body: {
          to: [{ email: "jane@example.com" }],
          from: { email_address_id: 1 },
          subject: "s",
          body: "b",
          // @ts-expect-error -- an attachment's name is `filename`
          attachments: [{ content: "SGk=", type: "text/plain", filname: "a.txt", disposition: "attachment", content_id: "a" }],
        },
      });
    });

    it("in the init itself", () => {
      // @ts-expect-error -- the parameters go in `params`
      void client.GET("/v3/sms/history", { parms: { query: { limit: 5 } } });
      // @ts-expect-error -- the per-call timeout is `timeoutMs`
      void client.GET("/v3/account", { timeoutMS: 5_000 });
    });

    it("in the parameters", () => {
      // @ts-expect-error -- the page size is `limit`
      void client.GET("/v3/sms/history", { params: { query: { limt: 5 } } });
      // @ts-expect-error -- query parameters go in `query`
      void client.GET("/v3/sms/history", { params: { querry: { limit: 5 } } });
      // @ts-expect-error -- the template is `template_id`
      void client.GET("/v3/sms/templates/{template_id}", { params: { path: { template_id: 1, templateId: 1 } } });
    });

    it("through request() as through the methods", () => {
      // @ts-expect-error -- `schedual` again
      void client.request("post", "/v3/sms/send", { body: { messages: [{ to: "+61411111111", body: "hi", schedual: 1 }] } });
    });
  });

  it("types the data of parseAs", async () => {
    const { data } = await client.GET("/v3/sms/history/export", { params: { query: { filename: "h.csv" } }, parseAs: "text" });
    expectTypeOf(data).toEqualTypeOf<string | undefined>();
  });
});

