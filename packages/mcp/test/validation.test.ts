import { describe, expect, it } from "vitest";
import { buildCatalog } from "../src/catalog.js";
import { ArgumentValidator } from "../src/validation.js";

const catalog = buildCatalog();
const validator = new ArgumentValidator();
const withExamples = [...catalog.values()].filter((op) => op.body && op.example !== undefined);

describe("argument validation against the bundle's schemas", () => {
  it("reaches every operation of the bundle", () => {
    expect(catalog.size).toBe(237);
  });

  it.each(withExamples.map((op) => [op.operationId, op] as const))("accepts the spec's own example body of %s", (_id, op) => {
    const problems = validator.problems(op, { body: op.example }).filter((p) => p.startsWith("body"));
    expect(problems).toEqual([]);
  });

  it("refuses a misspelled property inside a composed body schema", () => {
    const sendSms = catalog.get("sendSms")!;
    expect(validator.problems(sendSms, { body: { messages: [{ to: "+61411111111", body: "Hi", schedual: 1 }] } })).toEqual([
      'body.messages.0: unknown property "schedual"',
    ]);
  });
});
