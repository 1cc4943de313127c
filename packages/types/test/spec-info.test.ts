import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { specInfo } from "../src/index.js";

describe("specInfo", () => {
  it("is stamped with the bundle the types were generated from", () => {
    const bundle = JSON.parse(readFileSync(new URL("../../../spec/dist/spec-info.json", import.meta.url), "utf8"));
    expect(specInfo).toEqual({ title: bundle.title, version: bundle.version, sha256: bundle.sha256 });
    expect(specInfo.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("is written into the generated file's do-not-edit header", () => {
    const generated = readFileSync(new URL("../src/generated/openapi.ts", import.meta.url), "utf8");
    expect(generated.slice(0, 400)).toContain("Do not edit");
    expect(generated.slice(0, 400)).toContain(specInfo.sha256);
  });
});
