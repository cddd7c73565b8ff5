import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDir, type TempDir } from "../src/testing/temp-dir.js";
import { parseArgs } from "./compat-corpus.js";
import { checkFolder, openProject, writeProjectFiles } from "./lib/compat/check.js";
import { classifyDiagnostic, missingNameInMessage, openclawModuleInMessage, type ClassifyContext } from "./lib/compat/classify.js";
import { findPluginFolders, isNonProductionPath } from "./lib/compat/discover.js";
import { formatReport, summarise } from "./lib/compat/report.js";

const manifest = { id: "p", configSchema: { type: "object" } };

describe("folder discovery", () => {
  let corpus: TempDir;
  beforeAll(() => {
    corpus = createTempDir("compat-discover-");
    corpus.write({
      "repo-a/openclaw.plugin.json": manifest,
      "repo-a/package.json": { name: "a", type: "module" },
      "repo-a/index.ts": `import { definePluginEntry } from "openclaw/plugin-sdk/plugin-entry";\nexport default definePluginEntry;\n`,
      "repo-a/src/tool.ts": "export const tool = 1;\n",
      "repo-a/src/tool.test.ts": "export {};\n",
      "repo-a/src/types.d.ts": "declare const x: number;\n",
      "repo-a/test/helper.ts": "export {};\n",
      "repo-a/scripts/release.ts": "export {};\n",
      "repo-a/vitest.config.ts": "export default {};\n",
      "repo-a/node_modules/dep/index.ts": "export {};\n",
      "repo-a/tests/fixtures/plugin/openclaw.plugin.json": manifest,
      "repo-b/packages/one/openclaw.plugin.json": manifest,
      "repo-b/packages/one/package.json": { name: "one" },
      "repo-b/packages/one/src/index.ts": `const sdk = await import("openclaw/plugin-sdk/core");\nexport default sdk;\n`,
      "repo-b/packages/two/openclaw.plugin.json": manifest,
      "repo-b/packages/two/src/index.ts": "export const nothing = 1;\n",
      "repo-c/openclaw.plugin.json": manifest,
      "repo-c/index.js": `const { x } = require("openclaw/plugin-sdk/core");\n`,
      "repo-c/lib/util.mjs": "export {};\n",
      "repo-d/openclaw.plugin.json": manifest,
      "repo-d/src/index.ts": `import "openclaw/plugin-sdk/core";\n`,
      "repo-d/packages/inner/package.json": { name: "inner" },
      "repo-d/packages/inner/src/inner.ts": "export {};\n",
    });
  });
  afterAll(() => corpus.remove());

  it("finds every folder with a manifest, but not test fixtures or installs", () => {
    const names = findPluginFolders(corpus.path).map((folder) => folder.name);
    expect(names).toEqual(["repo-a", "repo-b/packages/one", "repo-b/packages/two", "repo-c", "repo-d"]);
  });

  it("keeps production sources only: no tests, test folders, scripts, configs, installs or nested packages", () => {
    const folders = findPluginFolders(corpus.path);
    const sourcesOf = (name: string): string[] =>
      (folders.find((folder) => folder.name === name)?.sources ?? []).map((file) => file.slice(corpus.resolve(name).length + 1));
    expect(sourcesOf("repo-a")).toEqual(["index.ts", "src/tool.ts", "src/types.d.ts"]);
    expect(sourcesOf("repo-d")).toEqual(["src/index.ts"]);
    expect(sourcesOf("repo-c")).toEqual(["index.js", "lib/util.mjs"]);
  });

  it("tells TypeScript from JavaScript-only folders and sees static, dynamic and require imports of openclaw", () => {
    const byName = new Map(findPluginFolders(corpus.path).map((folder) => [folder.name, folder]));
    expect(byName.get("repo-c")?.language).toBe("js");
    expect(byName.get("repo-a")?.language).toBe("ts");
    expect(byName.get("repo-a")?.importsOpenclaw).toBe(true);
    expect(byName.get("repo-b/packages/one")?.importsOpenclaw).toBe(true);
    expect(byName.get("repo-c")?.importsOpenclaw).toBe(true);
    expect(byName.get("repo-b/packages/two")?.importsOpenclaw).toBe(false);
  });

  it("names non-production paths", () => {
    expect(isNonProductionPath("src/a.test.ts")).toBe(true);
    expect(isNonProductionPath("examples/demo/index.ts")).toBe(true);
    expect(isNonProductionPath("tsup.config.ts")).toBe(true);
    expect(isNonProductionPath("src/testament.ts")).toBe(false);
    expect(isNonProductionPath("src/channel/send.ts")).toBe(false);
  });

  it("rejects a corpus path that is not a directory", () => {
    expect(() => findPluginFolders(join(corpus.path, "missing"))).toThrow(/is not a directory/);
  });
});

describe("error classification", () => {
  const context: ClassifyContext = {
    isPackageFile: (path) => path.includes("/node_modules/openclaw/"),
    sdkTypeNames: new Set(["OpenClawConfig", "OpenClawPluginApi"]),
  };

  it("reads the openclaw module from quoted specifiers and from paths into the package", () => {
    expect(openclawModuleInMessage(`Module '"openclaw/plugin-sdk/core"' has no exported member 'x'.`)).toBe("openclaw/plugin-sdk/core");
    expect(openclawModuleInMessage(`Property 'x' does not exist on type 'typeof import("/p/node_modules/openclaw/dist/plugin-sdk/setup")'.`)).toBe(
      "openclaw/plugin-sdk/setup",
    );
    expect(openclawModuleInMessage(`Module '"zod"' has no exported member 'x'.`)).toBeUndefined();
  });

  it("classifies missing names from every no-exported-member form", () => {
    const cases: Array<[number, string, string]> = [
      [2305, `Module '"openclaw/plugin-sdk/core"' has no exported member 'stringEnum'.`, "stringEnum"],
      [2724, `'"openclaw/plugin-sdk/setup"' has no exported member named 'DmPolicy'. Did you mean 'DmPolicies'?`, "DmPolicy"],
      [2614, `Module '"openclaw/plugin-sdk/core"' has no exported member 'x'. Did you mean to use 'import x from "openclaw/plugin-sdk/core"' instead?`, "x"],
      [2694, `Namespace '"openclaw/plugin-sdk/core"' has no exported member 'ChannelLogSink'.`, "ChannelLogSink"],
      [2339, `Property 'readStringParam' does not exist on type 'typeof import("/x/node_modules/openclaw/dist/plugin-sdk/core")'.`, "readStringParam"],
    ];
    for (const [code, message, name] of cases) {
      expect(classifyDiagnostic({ code, message, relatedFiles: [] }, context)).toMatchObject({ class: "missing-name", name });
    }
    expect(missingNameInMessage(1192, `Module '"openclaw/plugin-sdk/core"' has no default export.`)).toBe("default");
  });

  it("classifies type mismatches by SDK type names, import() text or related information in the package", () => {
    const named = classifyDiagnostic(
      { code: 2339, message: "Property 'plugins' does not exist on type 'OpenClawConfig | Promise<OpenClawConfig>'.", relatedFiles: [] },
      context,
    );
    expect(named).toEqual({ class: "type-mismatch", types: ["OpenClawConfig"] });
    const related = classifyDiagnostic(
      { code: 2322, message: "Type 'number' is not assignable to type 'string'.", relatedFiles: ["/p/node_modules/openclaw/dist/a.d.ts"] },
      context,
    );
    expect(related).toEqual({ class: "type-mismatch", types: [] });
  });

  it("leaves the plugin's own errors, third-party modules and lookalike words alone", () => {
    const own = [
      { code: 2322, message: "Type 'number' is not assignable to type 'string'.", relatedFiles: ["/p/src/own.ts"] },
      { code: 2305, message: `Module '"zod"' has no exported member 'x'.`, relatedFiles: [] },
      { code: 2339, message: "Property 'x' does not exist on type 'OpenClawConfigLike'.", relatedFiles: [] },
      { code: 2307, message: "Cannot find module './missing.js' or its corresponding type declarations.", relatedFiles: [] },
      // A type imported from a missing subpath (typed by the shim): the missing subpath is counted once, not again here.
      { code: 2709, message: "Cannot use namespace 'OpenClawConfig' as a type.", relatedFiles: [] },
    ];
    for (const diagnostic of own) expect(classifyDiagnostic(diagnostic, context)).toBeUndefined();
  });
});

describe("checking a folder against a package", () => {
  let dir: TempDir;
  beforeAll(() => {
    dir = createTempDir("compat-check-");
    dir.write({
      "project/package.json": { name: "scratch", private: true, type: "module" },
      "project/node_modules/openclaw/package.json": {
        name: "openclaw",
        version: "0.0.1",
        type: "module",
        exports: { "./plugin-sdk/core": { types: "./core.d.ts", default: "./core.js" }, "./plugin-sdk/untyped": "./untyped.js" },
      },
      "project/node_modules/openclaw/untyped.js": "export const untypedHelper = () => 1;\n",
      "project/node_modules/openclaw/core.d.ts": [
        "export interface OpenClawConfig { plugins?: { entries?: Record<string, unknown> } }",
        "export interface PluginRuntime { config: { loadConfig(): OpenClawConfig | Promise<OpenClawConfig> } }",
        "export declare function jsonResult(value: unknown): { content: string };",
        "",
      ].join("\n"),
      "corpus/plugin/openclaw.plugin.json": manifest,
      "corpus/plugin/package.json": { name: "plugin", type: "module" },
      "corpus/plugin/tsconfig.json": { compilerOptions: { strict: true, moduleResolution: "bundler", module: "esnext" } },
      "corpus/plugin/src/index.ts": [
        `import { jsonResult, stringEnum } from "openclaw/plugin-sdk/core";`,
        `import type { PluginRuntime } from "openclaw/plugin-sdk/core";`,
        `import { setupThing, type SetupConfig } from "openclaw/plugin-sdk/setup";`,
        `export type Setup = SetupConfig;`,
        `import { z } from "zod";`,
        `import { untypedHelper } from "openclaw/plugin-sdk/untyped";`,
        `import { helper } from "./helper";`,
        `export function run(runtime: PluginRuntime): unknown {`,
        `  const plugins = runtime.config.loadConfig().plugins;`,
        `  const own: number = "not a number";`,
        `  return [jsonResult(z.string()), stringEnum, setupThing, plugins, own, helper(1), untypedHelper];`,
        `}`,
        "",
      ].join("\n"),
      "corpus/plugin/src/helper.ts": "export function helper(value: number): number { return value; }\n",
      "corpus/plugin/src/index.test.ts": `import { nothing } from "openclaw/plugin-sdk/absent";\n`,
    });
    mkdirSync(dir.resolve("project/node_modules/@types"), { recursive: true });
    writeProjectFiles(dir.resolve("project"));
  });
  afterAll(() => dir.remove());

  it("counts one error per SDK gap, by class, and only the plugin's production files", () => {
    const folder = findPluginFolders(dir.resolve("corpus")).find((candidate) => candidate.name === "plugin");
    const result = checkFolder(folder!, openProject(dir.resolve("project")));
    const summary = result.errors.map((error) => `${error.class} ${error.at} ${error.subpath ?? ""} ${error.name ?? (error.types ?? []).join(",")}`).sort();
    expect(summary).toEqual([
      "missing-name src/index.ts:1:22 openclaw/plugin-sdk/core stringEnum",
      "missing-subpath src/index.ts:3:46 openclaw/plugin-sdk/setup ",
      "missing-subpath src/index.ts:6:31 openclaw/plugin-sdk/untyped ",
      "type-mismatch src/index.ts:9:47  OpenClawConfig",
    ]);
    expect(result.errors.find((error) => error.subpath === "openclaw/plugin-sdk/untyped")).toMatchObject({
      code: 7016,
      message: "'openclaw/plugin-sdk/untyped' resolves to JavaScript without declarations in openclaw@0.0.1.",
    });
    expect(result.errors.find((error) => error.class === "type-mismatch")?.message).toBe(
      "Property 'plugins' does not exist on type 'OpenClawConfig | Promise<OpenClawConfig>'.",
    );
    // Not the SDK's: the plugin's own error (string to number) and TS2709 for SetupConfig (a type from the missing,
    // shim-typed subpath, already counted once). The extensionless "./helper" resolves bundler-style, and zod is
    // typed any by the shim: neither is an error.
    expect(result.otherErrors).toBe(2);
    expect(result.counted).toBe(true);
    const report = summarise("openclaw@0.0.1", [result]);
    expect(report.totals).toMatchObject({ folders: 1, free: 0, errors: 4 });
    expect(report.missingSubpaths.map((gap) => gap.key)).toEqual(["openclaw/plugin-sdk/setup", "openclaw/plugin-sdk/untyped"]);
    expect(report.missingNames[0]).toMatchObject({ key: "openclaw/plugin-sdk/core stringEnum", folders: ["plugin"] });
    expect(formatReport(report)).toContain("| plugin | 2 | 1 | 1 | no |");
  });
});

describe("folders left out of the totals, and self-declared modules", () => {
  let dir: TempDir;
  beforeAll(() => {
    dir = createTempDir("compat-check-extra-");
    dir.write({
      "project/package.json": { name: "scratch", private: true, type: "module" },
      "project/node_modules/openclaw/package.json": {
        name: "openclaw",
        version: "0.0.2",
        type: "module",
        exports: { "./plugin-sdk/core": { types: "./core.d.ts", default: "./core.js" } },
      },
      "project/node_modules/openclaw/core.d.ts": "export declare function jsonResult(value: unknown): { content: string };\n",
      "corpus/js-plugin/openclaw.plugin.json": manifest,
      "corpus/js-plugin/package.json": { name: "js-plugin", type: "module" },
      "corpus/js-plugin/index.js": `import { jsonResult } from "openclaw/plugin-sdk/core";\nimport { gone } from "openclaw/plugin-sdk/gone";\nexport default [jsonResult, gone];\n`,
      "corpus/self-declared/openclaw.plugin.json": manifest,
      "corpus/self-declared/package.json": { name: "self-declared", type: "module" },
      "corpus/self-declared/types/openclaw.d.ts": `declare module "openclaw/plugin-sdk/own" {\n  export type OwnApi = { id: string };\n}\n`,
      "corpus/self-declared/index.ts": `import type { OwnApi } from "openclaw/plugin-sdk/own";\nexport const api: OwnApi = { id: "x" };\n`,
      "corpus/no-import/openclaw.plugin.json": manifest,
      "corpus/no-import/index.ts": "export const value: number = 1;\n",
    });
    mkdirSync(dir.resolve("project/node_modules/@types"), { recursive: true });
    writeProjectFiles(dir.resolve("project"));
  });
  afterAll(() => dir.remove());

  it("records unresolved subpaths of a JavaScript-only folder but leaves it, and folders without openclaw, out of the totals", () => {
    const installed = openProject(dir.resolve("project"));
    const results = findPluginFolders(dir.resolve("corpus")).map((folder) => checkFolder(folder, installed));
    const byName = new Map(results.map((result) => [result.folder, result]));
    expect(byName.get("js-plugin")).toMatchObject({ counted: false, note: "JavaScript only", language: "js" });
    expect(byName.get("js-plugin")?.errors.map((error) => `${error.class} ${error.subpath}`)).toEqual(["missing-subpath openclaw/plugin-sdk/gone"]);
    expect(byName.get("no-import")).toMatchObject({ counted: false, note: "no production source imports openclaw", errors: [] });
    // The plugin declares "openclaw/plugin-sdk/own" itself: it compiles whatever the package has, so nothing is missing.
    expect(byName.get("self-declared")).toMatchObject({ counted: true, errors: [] });
    const report = summarise("openclaw@0.0.2", results);
    expect(report.totals).toMatchObject({ folders: 1, free: 1, errors: 0 });
    expect(report.notCounted.map((result) => result.folder)).toEqual(["js-plugin", "no-import"]);
    expect(formatReport(report)).toContain("Not counted: js-plugin (JavaScript only; 1 unresolved openclaw imports), no-import");
  });
});

describe("command line", () => {
  it("parses the corpus folder and options, and names bad arguments", () => {
    expect(parseArgs(["/c", "--json", "--folder", "a", "--against", "x.tgz"])).toEqual({ corpusDir: "/c", json: true, folders: ["a"], against: "x.tgz" });
    expect(() => parseArgs([])).toThrow(/missing <corpus-dir>/);
    expect(() => parseArgs(["/c", "--against"])).toThrow(/--against needs a value/);
    expect(() => parseArgs(["/c", "--fast"])).toThrow(/unknown option --fast/);
  });
});
