import { describe, expect, it } from "vitest";
import { compileSafeRegExp, safeRegExpTest, UnsupportedPatternError } from "./safe-regexp.js";

describe("safe (RE2) regexes for schema patterns", () => {
  it("runs catastrophic-backtracking patterns in linear time", () => {
    const start = performance.now();
    expect(safeRegExpTest("^(a+)+$", `${"a".repeat(28)}!`)).toBe(false);
    expect(safeRegExpTest("^(a|a)*$", `${"a".repeat(50_000)}!`)).toBe(false);
    expect(performance.now() - start).toBeLessThan(2000);
    expect(safeRegExpTest("^(a+)+$", "aaaa")).toBe(true);
  });

  it("searches anywhere, like JSON Schema pattern", () => {
    expect(safeRegExpTest("b", "abc")).toBe(true);
    expect(safeRegExpTest("^b", "abc")).toBe(false);
  });

  it("accepts the ECMAScript \\u escapes (rewritten to RE2's \\x{…}) and keeps escaped backslashes literal", () => {
    expect(safeRegExpTest("^\\u00e9t\\u00e9$", "été")).toBe(true);
    expect(safeRegExpTest("\\u{1F600}", "😀")).toBe(true);
    expect(safeRegExpTest("[\\u0000-\\u001f]", "\u0001")).toBe(true);
    expect(safeRegExpTest("^\\\\u0041$", "\\u0041")).toBe(true);
    expect(safeRegExpTest("^\\p{L}+$", "été")).toBe(true);
  });

  it("refuses backreferences and lookaround with a clear error", () => {
    expect(safeRegExpTest("(a)\\1", "aa")).toBeUndefined();
    expect(() => compileSafeRegExp("(?=a)")).toThrow(UnsupportedPatternError);
    expect(() => compileSafeRegExp("(?=a)")).toThrow(/backreferences and lookaround are not supported/);
  });
});
