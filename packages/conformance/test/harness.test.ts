// The harness's own parts, without Prism: discovery, model building, the defect list and the check
// for fields the spec does not declare. Each of them can make the conformance test pass wrongly.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bundledSpecPath } from "@clicksend-kit/mock";
import { readSdkDefects } from "./defects.js";
import { model, operations, sdk } from "./sdk.js";
import { loadSpec, undeclared } from "./undeclared.js";

describe("operations()", () => {
  it("lists operation methods of *Api classes and skips the generic helpers and accessors", () => {
    const keys = operations().map((o) => o.key);
    expect(keys).toContain("SMSApi.smsSendPost");
    expect(keys).toContain("NumberApi.numbersBuyByDedicatedNumberPost");
    for (const generic of ["setApiKey", "setDefaultAuthentication", "basePath", "useQuerystring", "username", "password", "constructor"]) {
      expect(keys).not.toContain(`SMSApi.${generic}`);
    }
  });

  it("finds a method added to a class, so a new SDK operation cannot be missed", () => {
    class FakeApi {
      get basePath() {
        return "";
      }
      setApiKey() {}
      brandNewGet() {}
    }
    class NotAnApiModel {}
    const keys = operations({ FakeApi, NotAnApiModel, SmsMessage: sdk.SmsMessage }).map((o) => o.key);
    expect(keys).toEqual(["FakeApi.brandNewGet"]);
  });
});

describe("model()", () => {
  it("builds an instance of the SDK's model class", () => {
    const message = model("SmsMessage", { to: "+61411111111", body: "Hi" });
    expect(message).toBeInstanceOf(sdk.SmsMessage as new () => object);
  });

  it("refuses a field the model does not have (the SDK would drop it silently)", () => {
    expect(() => model("SmsMessage", { to: "+61411111111", body: "Hi", custom_string: "x" })).toThrow(/no attribute "custom_string"/);
  });
});

describe("readSdkDefects()", () => {
  const dir = mkdtempSync(join(tmpdir(), "sdk-defects-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (text: string) => {
    const file = join(dir, `${Math.random().toString(36).slice(2)}.yaml`);
    writeFileSync(file, text);
    return file;
  };
  const entry = "  - api: SMSApi\n    method: smsSendPost\n    defect: sends x\n    evidence: docs say y\n";

  it("reads the list and ignores the reconciliation key", () => {
    const defects = readSdkDefects(write(`reconciliation:\n  sms: []\nsdk-defects:\n${entry}`));
    expect(defects).toEqual([{ api: "SMSApi", method: "smsSendPost", defect: "sends x", evidence: "docs say y" }]);
  });

  it("treats a missing key as no defects", () => {
    expect(readSdkDefects(write("reconciliation: {}\n"))).toEqual([]);
  });

  it("rejects an entry without evidence, with an unknown key, or listed twice", () => {
    expect(() => readSdkDefects(write("sdk-defects:\n  - api: SMSApi\n    method: smsSendPost\n    defect: sends x\n"))).toThrow(/"evidence"/);
    expect(() => readSdkDefects(write(`sdk-defects:\n${entry}    why: no\n`))).toThrow(/unknown key "why"/);
    expect(() => readSdkDefects(write(`sdk-defects:\n${entry}${entry}`))).toThrow(/listed twice/);
  });
});

describe("undeclared()", () => {
  const spec = loadSpec(bundledSpecPath);

  it("passes a request whose every field the operation declares", () => {
    const body = JSON.stringify({ messages: [{ to: "+61411111111", body: "Hi", source: "nodejs" }] });
    expect(undeclared(spec, "POST", "/v3/sms/send", body)).toEqual([]);
    expect(undeclared(spec, "GET", "/v3/sms/history?page=1&limit=50&date_from=1722470400", "")).toEqual([]);
  });

  it("names query parameters and body fields, nested ones too, that the spec does not declare", () => {
    const body = JSON.stringify({ messages: [{ to: "+61411111111", body: "Hi", colour: "red" }], priority: 1 });
    expect(undeclared(spec, "POST", "/v3/sms/send?dry_run=1", body)).toEqual(["query dry_run", "body messages[].colour", "body priority"]);
  });

  it("routes a path with ids to its operation", () => {
    expect(undeclared(spec, "GET", "/v3/lists/428/contacts?page=2&sort=asc", "")).toEqual(["query sort"]);
  });
});
