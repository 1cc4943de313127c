import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatRow, reconcile, summarize } from "../../scripts/reconcile-spec.mjs";
import { DEFAULT_REFERENCE_DIR, main as referenceFacts, readFacts, readSources } from "../../scripts/reference-facts.mjs";
import { spec } from "./bundle.js";

// The spec against ClickSend's own API descriptions (facts in spec/reference/facts/), field by
// field: every difference is settled, by precedence or by an entry of spec/reference/decisions.yaml.
const result = reconcile(spec);

describe("reconciliation with ClickSend's own API descriptions", () => {
  it("compares every operation each description has with ours", () => {
    for (const source of result.sources) {
      expect(source.onlyInSource, `${source.id} describes operations the spec lacks`).toEqual([]);
      expect(source.matched).toBe(source.operations);
    }
  });

  it("leaves no difference undecided", () => {
    const undecided = result.rows.filter((r: any) => r.kind !== "agreed" && !r.settled).map(formatRow);
    expect(undecided, `${undecided.length} undecided; run node scripts/reconcile-spec.mjs --list`).toEqual([]);
  });

  it("has no decision that settles nothing", () => {
    expect(result.stale.map((d: any) => d.label)).toEqual([]);
  });

  it("covers every area of the spec", () => {
    const areas = Object.keys(summarize(result.rows));
    expect(areas.length).toBeGreaterThan(30);
  });

  it("reads facts made from the descriptions listed in sources.yaml", () => {
    for (const source of readSources()) {
      const facts = readFacts(source.id);
      expect(facts.source).toMatchObject({ id: source.id, file: source.file });
      expect(Object.keys(facts.operations).length).toBe(facts.source.operations);
    }
  });

  // The descriptions themselves live outside the repository; where they are present, the
  // committed facts must be the ones they give today.
  it.skipIf(!existsSync(DEFAULT_REFERENCE_DIR))("has facts as fresh as the descriptions", async () => {
    const out: string[] = [];
    const code = await referenceFacts(["--check"], { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => out.push(s) } });
    expect(out.join(""), "rerun node scripts/reference-facts.mjs").toContain("up to date");
    expect(code).toBe(0);
  });
});
