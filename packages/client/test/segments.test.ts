import { describe, expect, it } from "vitest";
import { countSmsSegments } from "../src/index.js";

describe("countSmsSegments", () => {
  it("counts plain GSM-7 text as one septet per character", () => {
    expect(countSmsSegments("Your code is 4821")).toEqual({ encoding: "GSM-7", characters: 17, segments: 1 });
  });

  it("fits exactly 160 GSM-7 characters in one segment", () => {
    expect(countSmsSegments("a".repeat(160))).toEqual({ encoding: "GSM-7", characters: 160, segments: 1 });
  });

  it("splits 161 GSM-7 characters into two segments of up to 153", () => {
    expect(countSmsSegments("a".repeat(161))).toEqual({ encoding: "GSM-7", characters: 161, segments: 2 });
    expect(countSmsSegments("a".repeat(306))).toMatchObject({ segments: 2 });
    expect(countSmsSegments("a".repeat(307))).toMatchObject({ segments: 3 });
  });

  it("counts the euro sign as two septets (escape + code) and stays GSM-7", () => {
    expect(countSmsSegments("€5")).toEqual({ encoding: "GSM-7", characters: 3, segments: 1 });
    // 159 + € = 161 septets: two segments.
    expect(countSmsSegments("a".repeat(159) + "€")).toEqual({ encoding: "GSM-7", characters: 161, segments: 2 });
  });

  it("counts [ and the other extension characters as two septets", () => {
    expect(countSmsSegments("[")).toEqual({ encoding: "GSM-7", characters: 2, segments: 1 });
    expect(countSmsSegments("^{}\\[~]|€")).toMatchObject({ encoding: "GSM-7", characters: 18 });
    expect(countSmsSegments("a".repeat(80) + "[".repeat(40))).toEqual({ encoding: "GSM-7", characters: 160, segments: 1 });
  });

  it("never splits an escape sequence across two segments", () => {
    // 152 plain septets, then `[`: it cannot start at septet 153 of the first part, so it moves to
    // the second part; 152 + 2 + 152 = 306 would fit two parts if it could be split, but it cannot.
    const text = "a".repeat(152) + "[" + "a".repeat(152);
    expect(countSmsSegments(text)).toEqual({ encoding: "GSM-7", characters: 306, segments: 3 });
  });

  it("keeps the GSM-7 accented letters and switches to UCS-2 for others", () => {
    expect(countSmsSegments("Café à Göteborg, señor")).toMatchObject({ encoding: "GSM-7" });
    expect(countSmsSegments("Ça va? ç")).toMatchObject({ encoding: "UCS-2" }); // ç (lower case) is not GSM-7
  });

  it("sends any emoji text as UCS-2, counting the emoji as two UTF-16 units", () => {
    expect(countSmsSegments("See you soon 😀")).toEqual({ encoding: "UCS-2", characters: 15, segments: 1 });
    expect(countSmsSegments("😀".repeat(35))).toEqual({ encoding: "UCS-2", characters: 70, segments: 1 });
    expect(countSmsSegments("😀".repeat(36))).toEqual({ encoding: "UCS-2", characters: 72, segments: 2 });
  });

  it("uses 70 and 67 for UCS-2 and never splits a surrogate pair", () => {
    expect(countSmsSegments("ж".repeat(70))).toEqual({ encoding: "UCS-2", characters: 70, segments: 1 });
    expect(countSmsSegments("ж".repeat(71))).toEqual({ encoding: "UCS-2", characters: 71, segments: 2 });
    expect(countSmsSegments("ж".repeat(134))).toMatchObject({ segments: 2 });
    expect(countSmsSegments("ж".repeat(135))).toMatchObject({ segments: 3 });
    // 134 units would fill exactly two parts of 67, but the emoji after 66 units cannot straddle
    // the boundary, so it opens the second part and the last unit needs a third.
    expect(countSmsSegments("ж".repeat(66) + "😀" + "ж".repeat(66))).toEqual({ encoding: "UCS-2", characters: 134, segments: 3 });
    expect(countSmsSegments("ж".repeat(67) + "😀" + "ж".repeat(65))).toEqual({ encoding: "UCS-2", characters: 134, segments: 2 });
  });

  it("returns zero segments for an empty text", () => {
    expect(countSmsSegments("")).toEqual({ encoding: "GSM-7", characters: 0, segments: 0 });
  });
});
