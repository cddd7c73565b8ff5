import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDir, type TempDir } from "../../src/plugin-sdk/internal-testing.js";
import { findCycles, importsOf, packageNameOf, walkBuiltJs, walkDeclarations } from "./import-graph.js";

describe("importsOf", () => {
  it("classifies static, type-only, lazy and computed loads", () => {
    const edges = importsOf(
      "x.ts",
      [
        'import { a } from "./a.js";',
        'import type { B } from "./b.js";',
        'import { type C } from "./c.js";',
        'export { d } from "./d.js";',
        'export type { E } from "./e.js";',
        'const f = await import("zod");',
        'const g = createRequire(import.meta.url)("json5");',
        "const require2 = createRequire(import.meta.url);",
        'const h = require2("ajv");',
        "let requireFn;",
        "requireFn ??= createRequire(import.meta.url);",
        "const i = requireFn(id);",
        "const k = requireZod(caller);",
        "type J = import('./j.js').J;",
      ].join("\n"),
    );
    expect(edges).toEqual([
      { specifier: "./a.js", kind: "static" },
      { specifier: "./b.js", kind: "type" },
      { specifier: "./c.js", kind: "static" },
      { specifier: "./d.js", kind: "static" },
      { specifier: "./e.js", kind: "type" },
      { specifier: "zod", kind: "lazy" },
      { specifier: "json5", kind: "lazy" },
      { specifier: "ajv", kind: "lazy" },
      { specifier: "id", kind: "dynamic" },
      { specifier: "./j.js", kind: "type" },
    ]);
  });

  it("names packages and skips builtins", () => {
    expect(packageNameOf("@scope/pkg/sub/path")).toBe("@scope/pkg");
    expect(packageNameOf("ajv/dist/2020")).toBe("ajv");
    expect(packageNameOf("node:fs")).toBeUndefined();
    expect(packageNameOf("path")).toBeUndefined();
  });
});

describe("findCycles", () => {
  it("returns one concrete path per cycle, including self-imports", () => {
    const graph = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a", "d"]],
      ["d", []],
      ["e", ["e"]],
    ]);
    expect(findCycles(graph)).toEqual([["a", "b", "c", "a"], ["e", "e"]]);
  });

  it("finds nothing in a DAG", () => {
    expect(findCycles(new Map([["a", ["b", "c"]], ["b", ["c"]], ["c", []]]))).toEqual([]);
  });
});

describe("walkBuiltJs / walkDeclarations", () => {
  let dir: TempDir;
  beforeAll(() => {
    dir = createTempDir("import-graph-");
    dir.write({
      "dist/plugin-sdk/entry.js": 'import { a } from "../chunks/a.js";\nimport "node:fs";\nexport const lazy = () => import("../chunks/heavy.js");\n',
      "dist/chunks/a.js": 'import { b } from "./b.js";\nexport const a = b;\n',
      "dist/chunks/b.js": "export const b = 1;\n",
      "dist/chunks/heavy.js": 'import { z } from "zod";\nimport { b } from "./b.js";\nexport { z, b };\n',
      "dist/plugin-sdk/entry.d.ts": 'export { a } from "../domain/a.js";\nexport type { T } from "../domain/t.js";\n',
      "dist/domain/a.d.ts": 'import type { T } from "./t.js";\nexport declare const a: T;\n',
      "dist/domain/t.d.ts": 'export type T = import("./u.js").U;\n',
      "dist/domain/u.d.ts": "export type U = number;\n",
    });
  });
  afterAll(() => dir.remove());

  it("separates the static graph from files reached only lazily and records packages", () => {
    const graph = walkBuiltJs(dir.resolve("dist/plugin-sdk/entry.js"));
    expect(graph.staticFiles.map((file) => file.slice(dir.path.length + 1)).sort()).toEqual([
      "dist/chunks/a.js",
      "dist/chunks/b.js",
      "dist/plugin-sdk/entry.js",
    ]);
    expect(graph.lazyFiles.map((file) => file.slice(dir.path.length + 1))).toEqual(["dist/chunks/heavy.js"]);
    expect(graph.packages.map(({ name, static: isStatic }) => ({ name, isStatic }))).toEqual([{ name: "zod", isStatic: false }]);
    expect(graph.staticBytes).toBe(
      ['import { a } from "../chunks/a.js";\nimport "node:fs";\nexport const lazy = () => import("../chunks/heavy.js");\n', 'import { b } from "./b.js";\nexport const a = b;\n', "export const b = 1;\n"]
        .map((text) => Buffer.byteLength(text))
        .reduce((sum, n) => sum + n, 0),
    );
    expect(graph.dynamicLoads).toEqual([]);
  });

  it("counts the lines of every declaration file a consumer loads", () => {
    const { files, lines } = walkDeclarations(dir.resolve("dist/plugin-sdk/entry.d.ts"));
    expect(files).toHaveLength(4);
    expect(lines).toBe(2 + 2 + 1 + 1);
  });
});
