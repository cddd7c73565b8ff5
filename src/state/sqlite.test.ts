import { describe, expect, it } from "vitest";
import { withoutSqliteExperimentalWarning } from "./sqlite.js";

describe("withoutSqliteExperimentalWarning", () => {
  it("drops only SQLite's ExperimentalWarning, in every emitWarning form, and restores emitWarning", async () => {
    const seen: string[] = [];
    const listener = (warning: Error) => seen.push(`${warning.name}: ${warning.message}`);
    process.on("warning", listener);
    const original = process.emitWarning;
    try {
      const value = withoutSqliteExperimentalWarning(() => {
        process.emitWarning("SQLite is an experimental feature and might change at any time", "ExperimentalWarning");
        process.emitWarning("SQLite is an experimental feature", { type: "ExperimentalWarning" });
        const error = new Error("SQLite is an experimental feature");
        error.name = "ExperimentalWarning";
        process.emitWarning(error);
        process.emitWarning("WASI is an experimental feature", "ExperimentalWarning");
        process.emitWarning("sqlite helper is deprecated", "DeprecationWarning");
        return 42;
      });
      expect(value).toBe(42);
      expect(process.emitWarning).toBe(original);
      await new Promise((done) => setImmediate(done));
      await new Promise((done) => setTimeout(done, 10));
    } finally {
      process.off("warning", listener);
    }
    expect(seen).toEqual(["ExperimentalWarning: WASI is an experimental feature", "DeprecationWarning: sqlite helper is deprecated"]);
  });
});
