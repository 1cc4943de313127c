import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { isIdempotent, operationInfo } from "../src/index.js";

// The client's run-time view of the spec must match the bundle it was generated from, for every
// operation: this fails when the generated files are stale (run `pnpm build`).
const require = createRequire(import.meta.url);
const spec = JSON.parse(readFileSync(require.resolve("@clicksend-kit/openapi/openapi.json"), "utf8")) as {
  paths: Record<string, Record<string, { operationId?: string; "x-idempotent"?: boolean; deprecated?: boolean }>>;
};
const operations = Object.entries(spec.paths).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([, op]) => typeof op === "object" && op !== null && "operationId" in op)
    .map(([method, op]) => ({ method: method.toUpperCase(), path, ...op })),
);

describe("operation metadata generated from the bundle", () => {
  it("covers every operation", async () => {
    expect(operations.length).toBeGreaterThan(20);
    const infos = await Promise.all(operations.map((op) => operationInfo(op.method, op.path)));
    const missing = operations.filter((_, i) => infos[i] === undefined).map((op) => `${op.method} ${op.path}`);
    expect(missing).toEqual([]);
  });

  it.each(operations)("$method $path → $operationId", async (op) => {
    expect(await operationInfo(op.method, op.path)).toEqual({ operationId: op.operationId, idempotent: op["x-idempotent"], deprecated: op.deprecated === true });
    expect(isIdempotent(op.method, op.path)).toBe(op["x-idempotent"]);
  });

  it("takes a path outside the spec for one that must not be sent twice", async () => {
    expect(await operationInfo("GET", "/v3/not-in-the-spec")).toBeUndefined();
    expect(isIdempotent("GET", "/v3/not-in-the-spec")).toBe(false);
    expect(isIdempotent("PUT", "/v3/not-in-the-spec")).toBe(false);
    expect(isIdempotent("POST", "/v3/not-in-the-spec")).toBe(false);
    expect(isIdempotent("patch", "/v3/not-in-the-spec")).toBe(false);
  });

  it("knows the cases the issue names", () => {
    expect(isIdempotent("POST", "/v3/sms/send")).toBe(false);
    expect(isIdempotent("PUT", "/v3/recharge/purchase/{package_id}")).toBe(false);
    expect(isIdempotent("POST", "/v3/sms/price")).toBe(true);
    expect(isIdempotent("GET", "/v3/sms/history")).toBe(true);
  });

  it("finds the operation of a filled-in path, with or without a trailing slash", () => {
    expect(operationInfo("PUT", "/v3/recharge/purchase/7")).toMatchObject({ operationId: "purchaseRechargePackage", idempotent: false });
    expect(operationInfo("PUT", "/v3/recharge/purchase/7/")).toMatchObject({ operationId: "purchaseRechargePackage" });
    expect(operationInfo("PUT", "/v3/subaccounts/3/regen-api-key")).toMatchObject({ operationId: "regenerateSubaccountApiKey", idempotent: false });
    expect(operationInfo("GET", "/v3/sms/templates/12")).toMatchObject({ operationId: "getSmsTemplate", idempotent: true });
    expect(operationInfo("GET", "/v3/sms/templates/")).toMatchObject({ operationId: "listSmsTemplates" });
    expect(operationInfo("GET", "/v3/sms/templates/12/extra")).toBeUndefined();
  });
});
