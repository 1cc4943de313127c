/** What the spec says about one operation (generated into ./generated/operations.ts). */
export interface OperationEntry {
  readonly operationId: string;
  /** The spec's `x-idempotent`: safe to send twice, so the client may retry it. */
  readonly idempotent: boolean;
  readonly deprecated?: boolean;
  /** `false` when the operation answers with the object itself (or no body), not ClickSend's envelope. */
  readonly envelope?: false;
}

/** Every operation by upper-case method and path template (`/v3/sms/templates/{template_id}`). */
export type OperationTable = { readonly [method: string]: { readonly [template: string]: OperationEntry } };
