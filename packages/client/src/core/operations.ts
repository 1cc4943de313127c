/** What the spec says about one operation. */
export interface OperationInfo {
  operationId: string;
  /** `x-idempotent`: safe to send twice, so the client may retry it. */
  idempotent: boolean;
  deprecated: boolean;
}

type OperationTable = { readonly [key: string]: readonly [operationId: string, flags: number] };
let table: Promise<OperationTable> | undefined;

/**
 * The spec's full operation table (`"METHOD /path"` → `[operationId, flags]`), generated from the
 * bundle. It is loaded once, and only when something names an operation (an error, a log line),
 * so it is not part of what loads to send a message.
 */
export function loadOperations(): Promise<OperationTable> {
  return (table ??= import("../generated/operations.js").then(
    (m) => m.operations,
    (): OperationTable => ({}),
  ));
}

/**
 * The spec's metadata for a call, by method and template path as the call names them:
 * `await operationInfo("POST", "/v3/sms/send")` → `{ operationId: "sendSms", idempotent: false, … }`.
 */
export async function operationInfo(method: string, path: string): Promise<OperationInfo | undefined> {
  const entry = (await loadOperations())[`${method.toUpperCase()} ${path}`];
  return entry && { operationId: entry[0], idempotent: (entry[1] & 1) === 1, deprecated: (entry[1] & 2) === 2 };
}
