import { describe, expect, it } from "vitest";
import { backoffDelay, parseRetryAfter } from "../src/index.js";

describe("backoffDelay", () => {
  it("doubles from minDelayMs with half the delay jittered", () => {
    const options = { minDelayMs: 200, maxDelayMs: 10_000 };
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, options, () => 0))).toEqual([100, 200, 400, 800]);
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, options, () => 0.999999))).toEqual([200, 400, 800, 1600]);
  });

  it("caps every delay at maxDelayMs", () => {
    expect(backoffDelay(20, { minDelayMs: 300, maxDelayMs: 5_000 }, () => 1)).toBe(5_000);
    expect(backoffDelay(20, { minDelayMs: 300, maxDelayMs: 5_000 }, () => 0)).toBe(2_500);
  });

  it("uses the defaults (300 ms, 10 s)", () => {
    expect(backoffDelay(1, {}, () => 1)).toBe(300);
    expect(backoffDelay(10, {}, () => 1)).toBe(10_000);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-01-05T10:00:00Z");
  it("reads delta-seconds", () => {
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
  });
  it("reads an HTTP date", () => {
    expect(parseRetryAfter("Mon, 05 Jan 2026 10:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Mon, 05 Jan 2026 09:59:00 GMT", now)).toBe(0);
  });
  it("ignores what it cannot read", () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter("", now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter("-5", now)).toBeUndefined();
  });
});
