import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDir, type TempDir } from "../src/plugin-sdk/internal-testing.js";
import { analyzeSurface, baselineOf, checkSurface, type SurfaceBaseline, type SurfaceReport } from "./lib/surface.js";

let dir: TempDir;
let report: SurfaceReport;

beforeAll(() => {
  dir = createTempDir("surface-audit-");
  dir.write({
    "package.json": { type: "module" },
    "src/domain/impl.ts": [
      "export function helper(input: string): string { return input; }",
      "export const constant = 3;",
      "export const arrow = (n: number): number => n * 2;",
      "export class Registry { size = 0; }",
      "export interface Shape { id: string }",
      "export type Alias = Shape | null;",
      "export enum Mode { A, B }",
      "/** @deprecated Use {@link helper}; removed on 2020-01-31. */",
      "export function oldHelper(): void {}",
      "/** @deprecated Use Shape instead. */",
      "export interface OldShape { id: string }",
    ].join("\n"),
    "src/entries/alpha.ts": [
      'export { helper, constant, arrow, Registry, Mode, oldHelper } from "../domain/impl.js";',
      'export type { Shape, Alias, OldShape } from "../domain/impl.js";',
    ].join("\n"),
    // A class and a function re-exported with `export type` are type-only for consumers.
    "src/entries/beta.ts": 'export type { Registry, helper as helperType } from "../domain/impl.js";\n',
    "src/entries/star.ts": 'export * from "../domain/impl.js";\nexport * as ns from "../domain/impl.js";\n',
    "src/entries/secret.ts": 'export { constant } from "../domain/impl.js";\n',
  });
  report = analyzeSurface({
    entries: [
      { subpath: "alpha", file: dir.resolve("src/entries/alpha.ts"), private: false },
      { subpath: "beta", file: dir.resolve("src/entries/beta.ts"), private: false },
      { subpath: "star", file: dir.resolve("src/entries/star.ts"), private: false },
      { subpath: "secret", file: dir.resolve("src/entries/secret.ts"), private: true },
    ],
    deprecatedSubpaths: [{ subpath: "beta", replacement: "alpha", removalDate: "2030-01-01", reason: "merged" }],
    deprecatedBarrels: [],
  });
});

afterAll(() => dir.remove());

describe("analyzeSurface", () => {
  it("counts names, values, type-only, callable and deprecated exports with the checker", () => {
    const alpha = report.public.find((surface) => surface.subpath === "alpha");
    expect(alpha?.counts).toEqual({ exported: 9, values: 6, typeOnly: 3, callable: 3, deprecated: 2 });
    const kinds = Object.fromEntries(alpha?.exports.map((info) => [info.name, info.kind]) ?? []);
    expect(kinds).toEqual({
      Alias: "type",
      Mode: "value",
      OldShape: "type",
      Registry: "value",
      Shape: "type",
      arrow: "callable",
      constant: "value",
      helper: "callable",
      oldHelper: "callable",
    });
    expect(alpha?.exports.find((info) => info.name === "oldHelper")?.deprecated).toEqual({ removalDate: "2020-01-31" });
    expect(alpha?.exports.find((info) => info.name === "OldShape")?.deprecated).toEqual({ removalDate: null });
  });

  it("treats values re-exported with `export type` as type-only", () => {
    const beta = report.public.find((surface) => surface.subpath === "beta");
    expect(beta?.counts).toEqual({ exported: 2, values: 0, typeOnly: 2, callable: 0, deprecated: 0 });
  });

  it("counts export * (including export * as ns) per entry and in total", () => {
    expect(report.public.find((surface) => surface.subpath === "star")?.exportStars).toBe(2);
    expect(report.exportStars).toBe(2);
  });

  it("totals public and private-local-only sets separately and counts deprecation records", () => {
    expect(report.totals.privateLocalOnly).toEqual({
      subpaths: 1,
      exported: 1,
      values: 1,
      typeOnly: 0,
      callable: 0,
      deprecated: 0,
    });
    expect(report.totals.public.subpaths).toBe(3);
    expect(report.totals.public.exported).toBe(9 + 2 + 10);
    expect(report.deprecatedSubpaths).toBe(1);
    expect(report.deprecatedBarrels).toBe(0);
  });

  it("keeps private subpaths out of the baseline", () => {
    expect(Object.keys(baselineOf(report).subpaths)).toEqual(["alpha", "beta", "star"]);
    expect(baselineOf(report).subpaths.alpha?.deprecated).toEqual({ oldHelper: "2020-01-31", OldShape: null });
  });
});

describe("checkSurface", () => {
  const baseline: SurfaceBaseline = {
    subpaths: {
      alpha: {
        exports: { helper: "callable", oldHelper: "callable", Shape: "type", pending: "value" },
        deprecated: { oldHelper: "2020-01-31", pending: "2999-01-01" },
      },
      gone: { exports: { x: "value" } },
      expired: { exports: { y: "value" } },
    },
  };
  const deprecations = [
    { subpath: "gone", replacement: "alpha", removalDate: "2999-12-31", reason: "r" },
    { subpath: "expired", replacement: "alpha", removalDate: "2020-06-30", reason: "r" },
  ];
  const today = "2026-11-21";

  it("accepts an identical surface", () => {
    expect(checkSurface({ baseline, current: baseline, deprecations, today })).toEqual([]);
  });

  it("allows removals only after the recorded removal date", () => {
    const current: SurfaceBaseline = { subpaths: { alpha: { exports: { helper: "callable", Shape: "type" } } } };
    const changes = checkSurface({ baseline, current, deprecations, today });
    const summary = changes.map((change) => [change.subpath, change.name ?? "*", change.change, change.blocking]);
    expect(summary).toEqual([
      ["alpha", "oldHelper", "removed", false],
      ["alpha", "pending", "removed", true],
      ["gone", "*", "removed", true],
      ["expired", "*", "removed", false],
    ]);
  });

  it("blocks removal of a name that was never deprecated", () => {
    const current: SurfaceBaseline = {
      subpaths: { ...baseline.subpaths, alpha: { exports: { oldHelper: "callable", Shape: "type", pending: "value" } } },
    };
    const changes = checkSurface({ baseline, current, deprecations, today });
    expect(changes).toEqual([
      expect.objectContaining({ subpath: "alpha", name: "helper", change: "removed", blocking: true }),
    ]);
    expect(changes[0]?.detail).toMatch(/without a @deprecated period/);
  });

  it("blocks growth and kind changes that the baseline does not record", () => {
    const current: SurfaceBaseline = {
      subpaths: {
        ...baseline.subpaths,
        alpha: { exports: { helper: "callable", oldHelper: "callable", Shape: "value", pending: "value", extra: "type" } },
        fresh: { exports: { z: "callable" } },
      },
    };
    const changes = checkSurface({ baseline, current, deprecations, today });
    expect(changes.map((change) => [change.subpath, change.name ?? "*", change.change, change.blocking])).toEqual([
      ["alpha", "Shape", "kind-changed", true],
      ["alpha", "extra", "added", true],
      ["fresh", "*", "added", true],
    ]);
  });
});
