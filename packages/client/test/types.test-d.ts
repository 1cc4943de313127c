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
});
