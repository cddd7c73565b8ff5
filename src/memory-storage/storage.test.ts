import { homedir } from "node:os";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { MemorySearchResult as ContractMemorySearchResult } from "../contract/plugin-api.js";
import type { MemorySearchResult } from "./types.js";
import { cosineSimilarity, hashText, normalizeExtraMemoryPathEntries, normalizeExtraMemoryPaths, parseEmbedding, requireNodeSqlite } from "./storage.js";

describe("memory storage helpers", () => {
  it("compares and parses embeddings", () => {
    expect(cosineSimilarity([1, 0], [1, 0])).toBe(1);
    expect(cosineSimilarity([1, 0], [0, 1])).toBe(0);
    expect(cosineSimilarity([], [1])).toBe(0);
    expect(cosineSimilarity([1, 1], [2, 2, 9])).toBeCloseTo(1);
    expect(parseEmbedding("[0.5,1]")).toEqual([0.5, 1]);
    expect(parseEmbedding("{}")).toEqual([]);
    expect(parseEmbedding("not json")).toEqual([]);
  });

  it("hashes text with sha256", () => {
    expect(hashText("hello")).toBe("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
  });

  it("resolves extra memory roots", () => {
    const ws = resolve("/ws");
    expect(normalizeExtraMemoryPathEntries(ws, ["notes", " ", { path: "~/kb", pattern: "docs\\*.md" }, "notes"])).toEqual([
      { path: resolve(ws, "notes") },
      { path: resolve(homedir(), "kb"), pattern: "docs/*.md" },
    ]);
    expect(normalizeExtraMemoryPaths(ws, ["a", { path: "a", pattern: "*.md" }])).toEqual([resolve(ws, "a")]);
  });

  it("loads node:sqlite where Node has it and explains when it does not", () => {
    const [major, minor] = process.versions.node.split(".").map(Number) as [number, number];
    if (major > 22 || (major === 22 && minor >= 5)) {
      const { DatabaseSync } = requireNodeSqlite();
      const db = new DatabaseSync(":memory:");
      expect(db.prepare("select 1 as one").get()).toEqual({ one: 1 });
      db.close();
    } else {
      expect(() => requireNodeSqlite()).toThrow(/node:sqlite is missing; Node .*Use Node 22\.5 or newer/);
    }
  });
});

describe("memory engine types", () => {
  it("an engine hit is a contract search result", () => {
    const engineHits: MemorySearchResult[] = [{ path: "MEMORY.md", startLine: 1, endLine: 2, score: 0.5, snippet: "x", source: "memory" }];
    const contractHits: ContractMemorySearchResult[] = engineHits;
    expect(contractHits[0]).toMatchObject({ path: "MEMORY.md", startLine: 1, source: "memory" });
  });
});
