/**
 * The published package as a plugin author gets it: `pnpm pack` → npm install of the tarball into an empty project →
 * import every public subpath (Node 20 and Node 24), require() them (ESM-only package, Node ≥ 20.19), type-check a
 * consumer with skipLibCheck false under nodenext and bundler resolution, and check go-to-definition lands on a
 * readable file and the real name. Subpaths come from scripts/lib/plugin-sdk-entrypoints.json.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConsumerProject, ensureNode24 } from "../../scripts/lib/consumer-project.js";
import { publicSubpaths, readPrivateSubpaths, repoRoot, sourceFileOf, specifierOf } from "../../scripts/lib/entrypoints.js";
import { importsOf, isRelative } from "../../scripts/lib/import-graph.js";
import { packPackage } from "../../scripts/lib/pack.js";
import { analyzeSurface } from "../../scripts/lib/surface.js";

const workDir = join(repoRoot, "test", ".tmp", `consumer-${process.pid}`);
const projectDir = join(workDir, "project");
const subpaths = publicSubpaths();
const typescriptDir = join(repoRoot, "node_modules", "typescript");

/** Value export names per public subpath, from the TypeScript checker over src/. */
function expectedRuntimeExports(): Record<string, string[]> {
  const report = analyzeSurface({
    entries: subpaths.map((subpath) => ({ subpath, file: join(repoRoot, sourceFileOf(subpath)), private: false })),
    deprecatedSubpaths: [],
    deprecatedBarrels: [],
  });
  return Object.fromEntries(
    report.public.map((surface) => [surface.subpath, surface.exports.filter((e) => e.kind !== "type").map((e) => e.name).sort()]),
  );
}

function runNode(node: string, script: string): string {
  return execFileSync(node, ["--no-warnings", script], { cwd: projectDir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

function tsc(project: string): { status: number; output: string } {
  try {
    const output = execFileSync(process.execPath, [join(typescriptDir, "lib", "tsc.js"), "-p", project], {
      cwd: projectDir,
      encoding: "utf8",
    });
    return { status: 0, output };
  } catch (error) {
    const failure = error as { status: number; stdout: string; stderr: string };
    return { status: failure.status, output: `${failure.stdout}${failure.stderr}` };
  }
}

beforeAll(() => {
  rmSync(workDir, { recursive: true, force: true });
  const tarball = packPackage(join(workDir, "pack"));
  createConsumerProject(projectDir, tarball);

  const importAll = [
    "const result = {};",
    ...subpaths.map(
      (subpath) => `result[${JSON.stringify(subpath)}] = Object.keys(await import(${JSON.stringify(specifierOf(subpath))})).sort();`,
    ),
    "console.log(JSON.stringify({ node: process.versions.node, result }));",
  ];
  const requireAll = [
    "const result = {};",
    ...subpaths.map((subpath) => `result[${JSON.stringify(subpath)}] = Object.keys(require(${JSON.stringify(specifierOf(subpath))})).filter((k) => k !== "__esModule" && k !== "module.exports").sort();`),
    "console.log(JSON.stringify({ node: process.versions.node, result }));",
  ];
  const consumer = [
    ...subpaths.map((subpath, index) => `import type * as subpath${index} from ${JSON.stringify(specifierOf(subpath))};`),
    'import { definePluginEntry } from "openclaw/plugin-sdk/plugin-entry";',
    "",
    `export type EverySubpath = [${subpaths.map((_, index) => `typeof subpath${index}`).join(", ")}];`,
    "export default definePluginEntry({",
    '  id: "consumer-demo",',
    '  name: "Consumer demo",',
    '  description: "Type-checked against the packed package.",',
    "  register() {},",
    "});",
    "",
  ];
  const base = { strict: true, skipLibCheck: false, noEmit: true, target: "ES2022", lib: ["ES2023"], types: ["node"], typeRoots: [join(repoRoot, "node_modules", "@types")] };
  mkdirSync(join(projectDir, "src"), { recursive: true });
  writeFileSync(join(projectDir, "import-all.mjs"), `${importAll.join("\n")}\n`);
  writeFileSync(join(projectDir, "require-all.cjs"), `${requireAll.join("\n")}\n`);
  writeFileSync(join(projectDir, "src", "consumer.ts"), consumer.join("\n"));
  writeFileSync(
    join(projectDir, "tsconfig.nodenext.json"),
    JSON.stringify({ compilerOptions: { ...base, module: "NodeNext", moduleResolution: "NodeNext" }, files: ["src/consumer.ts"] }),
  );
  writeFileSync(
    join(projectDir, "tsconfig.bundler.json"),
    JSON.stringify({ compilerOptions: { ...base, module: "ESNext", moduleResolution: "Bundler" }, files: ["src/consumer.ts"] }),
  );
}, 300_000);

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

describe("packed package in a consumer project", () => {
  it("ships every public subpath and no private-local-only one", () => {
    const pkg = JSON.parse(
      execFileSync(process.execPath, ["-p", "JSON.stringify(require('openclaw/package.json'))"], { cwd: projectDir, encoding: "utf8" }),
    ) as { exports: Record<string, unknown> };
    for (const subpath of subpaths) expect(Object.keys(pkg.exports)).toContain(specifierOf(subpath).replace(/^openclaw/, "."));
    for (const subpath of readPrivateSubpaths()) {
      expect(Object.keys(pkg.exports)).not.toContain(`./plugin-sdk/${subpath}`);
      const probe = `import(${JSON.stringify(specifierOf(subpath))}).then(() => console.log("loaded"), (e) => console.log(e.code))`;
      const out = execFileSync(process.execPath, ["--input-type=module", "-e", probe], { cwd: projectDir, encoding: "utf8" });
      expect(out.trim()).toBe("ERR_PACKAGE_PATH_NOT_EXPORTED");
    }
  });

  it("ships no private file, and every relative import of a shipped declaration resolves to a shipped file", () => {
    const dist = join(projectDir, "node_modules", "openclaw", "dist");
    const shipped = (readdirSync(dist, { recursive: true }) as string[]).map((file) => join(dist, file));
    for (const subpath of readPrivateSubpaths()) {
      expect(shipped.filter((file) => file.includes(`${sep}plugin-sdk${sep}${subpath}.`))).toEqual([]);
    }
    // src/testing/ is reached only by the private internal-testing subpath.
    expect(existsSync(join(dist, "testing"))).toBe(false);
    const unresolved: string[] = [];
    for (const file of shipped.filter((f) => f.endsWith(".d.ts"))) {
      for (const edge of importsOf(file, readFileSync(file, "utf8"))) {
        if (!isRelative(edge.specifier)) continue;
        const target = resolve(dirname(file), edge.specifier).replace(/\.js$/, ".d.ts");
        if (!existsSync(target)) unresolved.push(`${relative(dist, file)} → ${edge.specifier}`);
      }
    }
    expect(unresolved).toEqual([]);
  });

  it("imports every public subpath at runtime on Node 20 with the value exports the checker counts", () => {
    const { node, result } = JSON.parse(runNode(process.execPath, "import-all.mjs")) as { node: string; result: Record<string, string[]> };
    expect(Number(node.split(".")[0])).toBe(20);
    expect(result).toEqual(expectedRuntimeExports());
  });

  it("imports every public subpath at runtime on Node 24", () => {
    const node24 = ensureNode24();
    const { node, result } = JSON.parse(runNode(node24, "import-all.mjs")) as { node: string; result: Record<string, string[]> };
    expect(Number(node.split(".")[0])).toBe(24);
    expect(result).toEqual(expectedRuntimeExports());
  }, 300_000);

  it("require()s every public subpath on Node ≥ 20.19 (ESM-only package, require(esm))", () => {
    const { result } = JSON.parse(runNode(process.execPath, "require-all.cjs")) as { result: Record<string, string[]> };
    expect(result).toEqual(expectedRuntimeExports());
    expect(result["plugin-entry"]).toContain("definePluginEntry");
  });

  it.each(["nodenext", "bundler"])("type-checks a consumer of every public subpath with skipLibCheck false (%s)", (mode) => {
    const { status, output } = tsc(`tsconfig.${mode}.json`);
    expect(output).toBe("");
    expect(status).toBe(0);
  });

  it("go-to-definition on definePluginEntry lands on its real name in a readable declaration file", () => {
    const file = join(projectDir, "src", "consumer.ts");
    const options: ts.CompilerOptions = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, strict: true, noEmit: true, types: [] };
    const host: ts.LanguageServiceHost = {
      getScriptFileNames: () => [file],
      getScriptVersion: () => "1",
      getScriptSnapshot: (name) => {
        const text = ts.sys.readFile(name);
        return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
      },
      getCurrentDirectory: () => projectDir,
      getCompilationSettings: () => options,
      getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
      fileExists: ts.sys.fileExists,
      readFile: ts.sys.readFile,
      readDirectory: ts.sys.readDirectory,
      directoryExists: ts.sys.directoryExists,
      getDirectories: ts.sys.getDirectories,
      realpath: ts.sys.realpath,
    };
    const service = ts.createLanguageService(host);
    const text = ts.sys.readFile(file) ?? "";
    const position = text.indexOf("definePluginEntry({") + 2;
    const definitions = service.getDefinitionAtPosition(file, position) ?? [];
    expect(definitions.length).toBeGreaterThan(0);
    const packageDir = join(projectDir, "node_modules", "openclaw") + sep;
    for (const definition of definitions) {
      const real = ts.sys.realpath?.(definition.fileName) ?? definition.fileName;
      const inPackage = relative(ts.sys.realpath?.(packageDir) ?? packageDir, real).split(sep).join("/");
      expect(definition.name).toBe("definePluginEntry");
      expect(inPackage).toMatch(/^dist\/[a-z]+(-[a-z]+)*\/[a-z0-9]+(-[a-z0-9]+)*\.d\.ts$/);
      expect(inPackage).not.toMatch(/chunk|[0-9a-f]{8}/);
      const declarationText = ts.sys.readFile(definition.fileName) ?? "";
      expect(declarationText).toMatch(/export declare (function|const) definePluginEntry\b/);
    }
  });
});
