import { describe, expect, it } from "vitest";
// @ts-expect-error -- a plain .mjs repo script without type declarations
import { collectOperations, collectWebhooks } from "../../../scripts/generate-operations.mjs";

// scripts/generate-operations.mjs turns the bundle into the client's run-time metadata; these
// feed it small specs to pin down what it reads and how it refuses what it cannot use.
const op = (operationId: string, idempotent?: boolean, extra: object = {}) => ({
  operationId,
  ...(idempotent === undefined ? {} : { "x-idempotent": idempotent }),
  ...extra,
});

describe("collectOperations", () => {
  it("keys operations by METHOD and template path, with their flags, sorted", () => {
    const rows = collectOperations({
      paths: {
        "/v3/sms/send": { post: op("sendSms", false) },
        "/v3/account": { get: op("getAccount", true), put: op("updateAccount", true, { deprecated: true }), parameters: [] },
        "/v3/alpha-tags": { get: op("listAlphaTags", true, { "x-clicksend-envelope": false }) },
      },
    });
    expect(rows).toEqual([
      { key: "GET /v3/account", operationId: "getAccount", idempotent: true, deprecated: false, bare: false },
      { key: "GET /v3/alpha-tags", operationId: "listAlphaTags", idempotent: true, deprecated: false, bare: true },
      { key: "POST /v3/sms/send", operationId: "sendSms", idempotent: false, deprecated: false, bare: false },
      { key: "PUT /v3/account", operationId: "updateAccount", idempotent: true, deprecated: true, bare: false },
    ]);
  });

  it("refuses an operation without x-idempotent, naming it", () => {
    expect(() => collectOperations({ paths: { "/v3/x": { post: op("createX") } } })).toThrow(
      "POST /v3/x (createX) has no boolean x-idempotent; the client cannot tell whether it may retry it",
    );
    expect(() => collectOperations({ paths: { "/v3/x": { get: {} } } })).toThrow("GET /v3/x has no operationId");
  });
});

describe("collectWebhooks", () => {
  const spec = {
    components: {
      schemas: {
        Base: { type: "object", required: ["message_id"], properties: { message_id: { type: "string" }, user_id: { anyOf: [{ type: "string" }, { type: "integer" }] } } },
        Receipt: {
          allOf: [{ $ref: "#/components/schemas/Base" }, { type: "object", required: ["status_code"], properties: { status_code: { type: ["string", "integer"] }, message_type: { type: "string", enum: ["mms"], example: "mms" }, error_text: { type: ["string", "null"] } } }],
        },
        Pinned: { type: "object", properties: { message_type: { const: "voice", type: "string" }, digits: { type: "string" } }, additionalProperties: true },
      },
    },
    webhooks: {
      mmsDeliveryReceipt: {
        post: { requestBody: { content: { "application/x-www-form-urlencoded": { schema: { $ref: "#/components/schemas/Receipt" } }, "application/json": { schema: { $ref: "#/components/schemas/Receipt" } } } } },
        get: { parameters: [{ name: "payload", in: "query", style: "form", explode: true, schema: { $ref: "#/components/schemas/Receipt" } }] },
      },
      voiceDeliveryReceipt: { post: { requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Pinned" } } } } } },
      // An example is documentation, not a contract: it pins nothing.
      faxDeliveryReceipt: { post: { requestBody: { content: { "application/json": { schema: { type: "object", properties: { message_type: { type: "string", example: "fax" } } } } } } } },
    },
  };

  it("reads fields, required ones, types, tags and delivery forms", () => {
    expect(collectWebhooks(spec)).toEqual({
      mmsDeliveryReceipt: {
        required: ["message_id", "status_code"],
        fields: { message_id: ["string"], user_id: ["string", "integer"], status_code: ["string", "integer"], message_type: ["string"], error_text: ["string", "null"] },
        tags: { message_type: "mms" },
        open: false,
        forms: ["post", "json", "get"],
      },
      voiceDeliveryReceipt: { required: [], fields: { message_type: ["string"], digits: ["string"] }, tags: { message_type: "voice" }, open: true, forms: ["json"] },
      faxDeliveryReceipt: { required: [], fields: { message_type: ["string"] }, tags: {}, open: false, forms: ["json"] },
    });
  });

  it("refuses what parseWebhook cannot match, naming the webhook", () => {
    expect(() => collectWebhooks({ webhooks: { odd: { post: { requestBody: { content: { "application/json": { schema: { oneOf: [{ type: "object" }] } } } } } } } })).toThrow(
      "webhook odd: oneOf/anyOf payloads are not supported by parseWebhook; describe one object per webhook",
    );
    expect(() => collectWebhooks({ webhooks: { odd: { post: { requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Nope" } } } } } } } })).toThrow(
      "webhook odd: unresolved $ref #/components/schemas/Nope",
    );
    expect(() => collectWebhooks({ webhooks: { odd: { put: {} } } })).toThrow("webhook odd: no form, JSON or query payload schema found");
  });
});
