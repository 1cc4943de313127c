/** JSON Schema types a webhook field may take. */
export type WebhookFieldType = "string" | "integer" | "number" | "boolean" | "null" | "object" | "array";

/** What the spec says about one webhook's payload (generated into src/generated/webhooks.ts). */
export interface WebhookShape {
  /** Fields that must be present. */
  readonly required: readonly string[];
  /** Every documented field and the types it may have. */
  readonly fields: { readonly [field: string]: readonly WebhookFieldType[] };
  /** Fields whose value names the webhook (e.g. `message_type: "mms"`). */
  readonly tags: { readonly [field: string]: string };
  /** Whether undocumented fields are expected (`additionalProperties`). */
  readonly open: boolean;
  /** Delivery forms: `post` (form-encoded), `json`, `get` (query string). */
  readonly forms: readonly ("post" | "json" | "get")[];
}
