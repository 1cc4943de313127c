import { describe, expectTypeOf, it } from "vitest";
import type {
  ApiPath,
  OperationById,
  PageItem,
  PaginatedPath,
  PathParams,
  QueryParams,
  RequestBody,
  ResponseData,
  Schema,
  WebhookName,
  components,
  paths,
} from "../src/index.js";

describe("friendly aliases", () => {
  it("names schemas", () => {
    expectTypeOf<Schema<"SmsMessage">>().toEqualTypeOf<components["schemas"]["SmsMessage"]>();
    expectTypeOf<Schema<"SmsMessage">["body"]>().toEqualTypeOf<string>();
    // @ts-expect-error -- no such schema
    type _Missing = Schema<"SmsMesage">;
  });

  it("reaches the data of a response", () => {
    expectTypeOf<ResponseData<"/v3/sms/send", "post">>().toEqualTypeOf<Schema<"SmsSendResult">>();
    expectTypeOf<ResponseData<"/v3/account", "get">>().toEqualTypeOf<Schema<"Account">>();
  });

  it("reaches request bodies and parameters", () => {
    expectTypeOf<RequestBody<"/v3/sms/send", "post">>().toEqualTypeOf<Schema<"SmsMessageCollection">>();
    // Path IDs take a number or a string of digits.
    expectTypeOf<PathParams<"/v3/sms/templates/{template_id}", "get">>().toEqualTypeOf<{ template_id: number | string }>();
    expectTypeOf<QueryParams<"/v3/sms/history", "get">["limit"]>().toEqualTypeOf<number | undefined>();
  });

  it("knows which paths are paged lists", () => {
    expectTypeOf<"/v3/sms/history">().toExtend<PaginatedPath>();
    expectTypeOf<"/v3/sms/templates">().toExtend<PaginatedPath>();
    expectTypeOf<"/v3/account">().not.toExtend<PaginatedPath>();
    expectTypeOf<"/v3/sms/send">().not.toExtend<PaginatedPath>();
    expectTypeOf<PageItem<"/v3/sms/templates">>().toEqualTypeOf<Schema<"SmsTemplate">>();
  });

  it("exposes operations by id and webhooks by name", () => {
    expectTypeOf<OperationById<"sendSms">>().toEqualTypeOf<NonNullable<paths["/v3/sms/send"]["post"]>>();
    expectTypeOf<"inboundSms">().toExtend<WebhookName>();
    expectTypeOf<"/v3/sms/send">().toExtend<ApiPath>();
    expectTypeOf<"/v3/sms/sned">().not.toExtend<ApiPath>();
  });
});
