/**
 * Plugin SDK isolation checks, all driven by scripts/lib/plugin-sdk-entrypoints.json:
 *  (a) no import cycles among src/ files that run (imports resolved by the TypeScript compiler). Cycles made only
 *      of `import type` / `export type` edges are listed but do not fail: verbatimModuleSyntax erases those
 *      statements, so they cannot cause load-order bugs (typical of mutually referring contract types). Lazy
 *      `import()` edges are not part of the graph;
 *  (b) each subpath's BUILT JS graph (from dist/plugin-sdk/<name>.js; static imports, plus lazy `import()` edges
 *      followed separately) reaches no other subpath's facade, and every third-party package it reaches is in the
 *      record's `allowedDependencies`; a subpath without an `importBudgetReason` (the light set) may reach
 *      third-party packages only lazily; a load through a computed specifier fails unless the record carries a
 *      `dynamicImportReason`;
 *  (d) no subpath's built JS imports `node:sqlite` statically (importing it would crash on Node 20; a loader called at
 *      first use, like memory-core-host-engine-storage's `requireNodeSqlite`, is fine), and no declaration file it
 *      reaches lies in the operator-only domains `state/`, `install/` or `server/` (the plugin index, installer and
 *      server are CLI-only and loaded lazily there; SDK types stay honest about Node 20);
 *  (c) budgets: bytes of JS in the static graph ≤ budgets.jsBytes; lines of SDK declaration files reached from
 *      dist/plugin-sdk/<name>.d.ts ≤ budgets.declarationLines.
 *
 * Usage: tsx scripts/check-isolation.ts [--json]     (needs pnpm build first)
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { allSubpaths, builtFilesOf, readEntrypointManifest, readPrivateSubpaths, repoRoot } from "./lib/entrypoints.js";
import { findCycles, resolvedSourceImports, walkBuiltJs, walkDeclarations } from "./lib/import-graph.js";

const manifestFile = "scripts/lib/plugin-sdk-entrypoints.json";

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "node_modules" && entry.name !== "__tests__" && entry.name !== "fixtures") files.push(...sourceFiles(path));
    } else if (/\.(m|c)?tsx?$/.test(entry.name) && !/\.test(-d)?\.ts$/.test(entry.name) && !entry.name.endsWith(".d.ts")) {
      files.push(path);
    }
  }
  return files;
}

/** (a) Import cycles in src/ (runtime edges; and those that exist only through type-only edges), as repo-relative paths. */
export function sourceCycles(): { runtime: string[][]; typeOnly: string[][] } {
  const srcDir = join(repoRoot, "src");
  const runtimeGraph = new Map<string, string[]>();
  const fullGraph = new Map<string, string[]>();
  for (const file of sourceFiles(srcDir)) {
    const runtimeTargets: string[] = [];
    const allTargets: string[] = [];
    for (const { target, kind } of resolvedSourceImports(file, srcDir)) {
      if (kind === "lazy") continue;
      allTargets.push(target);
      if (kind === "static") runtimeTargets.push(target);
    }
    runtimeGraph.set(file, runtimeTargets);
    fullGraph.set(file, allTargets);
  }
  const toRelative = (cycle: string[]) => cycle.map((file) => relative(repoRoot, file));
  const runtime = findCycles(runtimeGraph).map(toRelative);
  const inRuntime = new Set(runtime.flat());
  const typeOnly = findCycles(fullGraph)
    .map(toRelative)
    .filter((cycle) => !cycle.every((file) => inRuntime.has(file)));
  return { runtime, typeOnly };
}

interface SubpathResult {
  subpath: string;
  private: boolean;
  staticFiles: number;
  lazyFiles: number;
  jsBytes: number;
  jsBudget: number;
  declarationFiles: number;
  declarationLines: number;
  declarationBudget: number;
  staticPackages: string[];
  lazyPackages: string[];
  /** Computed-specifier loads (allowed only with dynamicImportReason). */
  dynamicLoads: string[];
  problems: string[];
}

/** (b) and (c) for one subpath. */
function checkSubpath(
  record: ReturnType<typeof readEntrypointManifest>["entrypoints"][number],
  facadeFiles: Map<string, string>,
  isPrivate: boolean,
): SubpathResult {
  const { subpath } = record;
  const built = builtFilesOf(subpath);
  const js = join(repoRoot, built.js);
  const dts = join(repoRoot, built.dts);
  const problems: string[] = [];
  if (!existsSync(js) || !existsSync(dts)) {
    problems.push(`${built.js} or ${built.dts} is missing: run pnpm build (and check src/plugin-sdk/${subpath}.ts exists).`);
    return { subpath, private: isPrivate, staticFiles: 0, lazyFiles: 0, jsBytes: 0, jsBudget: record.budgets.jsBytes, declarationFiles: 0, declarationLines: 0, declarationBudget: record.budgets.declarationLines, staticPackages: [], lazyPackages: [], dynamicLoads: [], problems };
  }
  const graph = walkBuiltJs(js);
  for (const [file, facadeOf] of facadeFiles) {
    if (facadeOf === subpath) continue;
    const how = graph.staticFiles.includes(file) ? "statically" : graph.lazyFiles.includes(file) ? "lazily" : undefined;
    if (how) {
      problems.push(
        `${subpath}: reaches the facade of subpath "${facadeOf}" (${relative(repoRoot, file)}) ${how}. Facades never import ` +
          `each other: import the domain module (src/<domain>/…) that both facades re-export instead.`,
      );
    }
  }
  for (const file of [...graph.staticFiles, ...graph.lazyFiles]) {
    if (/(?:^|[\n;])\s*(?:import|export)\b[^;]*?["']node:sqlite["']/.test(readFileSync(file, "utf8"))) {
      problems.push(
        `${subpath}: ${relative(repoRoot, file)} imports node:sqlite statically, which crashes on Node 20. Load it at first use ` +
          "(createRequire inside a function), and never reach the plugin index (src/state) from an SDK subpath.",
      );
    }
  }
  const allowed = new Set(record.allowedDependencies);
  for (const edge of graph.packages) {
    const from = relative(repoRoot, edge.from);
    if (!allowed.has(edge.name)) {
      problems.push(
        `${subpath}: ${from} imports "${edge.specifier}" ${edge.static ? "statically" : "lazily"}, but "${edge.name}" is not in ` +
          `this subpath's allowedDependencies. Add it to the record in ${manifestFile} (with the reason in importBudgetReason ` +
          `if it loads at import time), or keep the import out of this subpath's graph.`,
      );
    } else if (edge.static && record.importBudgetReason === undefined) {
      problems.push(
        `${subpath}: ${from} imports "${edge.specifier}" at import time. This subpath has no importBudgetReason, so third-party ` +
          `code must load lazily: use \`await import("${edge.specifier}")\` at first use, or record importBudgetReason in ${manifestFile}.`,
      );
    }
  }
  for (const load of record.dynamicImportReason === undefined ? graph.dynamicLoads : []) {
    problems.push(
      `${subpath}: ${relative(repoRoot, load.from)} loads a module from a computed specifier (${load.expression}), which cannot be ` +
        "checked against allowedDependencies. Write each lazy load of a package with a string literal, e.g. " +
        '`draft === "2020-12" ? await import("ajv/dist/2020.js") : await import("ajv")`; if the subpath really loads ' +
        `files chosen at runtime (plugin entries), record dynamicImportReason in ${manifestFile}.`,
    );
  }
  if (graph.staticBytes > record.budgets.jsBytes) {
    problems.push(
      `${subpath}: ${graph.staticBytes} bytes of JS load at import time (budget ${record.budgets.jsBytes}; files: ` +
        `${graph.staticFiles.map((file) => relative(repoRoot, file)).join(", ")}). Load the heavy part lazily with import(), ` +
        `or raise budgets.jsBytes in ${manifestFile} with a reason.`,
    );
  }
  const declarations = walkDeclarations(dts);
  for (const file of declarations.files) {
    const rel = relative(join(repoRoot, "dist"), file).split("\\").join("/");
    if (/^(state|install|server)\//.test(rel)) {
      problems.push(
        `${subpath}: its declarations reach dist/${rel}, an operator-only domain (state/install/server). Keep those types out ` +
          "of the SDK's public signatures.",
      );
    }
  }
  if (declarations.lines > record.budgets.declarationLines) {
    problems.push(
      `${subpath}: ${declarations.lines} lines in ${declarations.files.length} SDK declaration files (budget ` +
        `${record.budgets.declarationLines}). Narrow what the facade re-exports, split types into smaller modules, or raise ` +
        `budgets.declarationLines in ${manifestFile} with a reason.`,
    );
  }
  const names = (isStatic: boolean) =>
    [...new Set(graph.packages.filter((edge) => edge.static === isStatic).map((edge) => edge.name))].sort();
  return {
    subpath,
    private: isPrivate,
    staticFiles: graph.staticFiles.length,
    lazyFiles: graph.lazyFiles.length,
    jsBytes: graph.staticBytes,
    jsBudget: record.budgets.jsBytes,
    declarationFiles: declarations.files.length,
    declarationLines: declarations.lines,
    declarationBudget: record.budgets.declarationLines,
    staticPackages: names(true),
    lazyPackages: names(false).filter((name) => !names(true).includes(name)),
    dynamicLoads: graph.dynamicLoads.map((load) => `${relative(repoRoot, load.from)}: import(${load.expression})`),
    problems,
  };
}

function main(): void {
  const manifest = readEntrypointManifest();
  const privateSet = new Set(readPrivateSubpaths());
  const facadeFiles = new Map(allSubpaths().map((subpath) => [join(repoRoot, builtFilesOf(subpath).js), subpath]));
  const cycles = sourceCycles();
  const results = manifest.entrypoints.map((record) => checkSubpath(record, facadeFiles, privateSet.has(record.subpath)));

  if (process.argv.includes("--json")) {
    console.log(JSON.stringify({ cycles, subpaths: results }, null, 2));
  } else {
    const rows = results.map((r) => [
      r.private ? `${r.subpath} (private)` : r.subpath,
      `${r.jsBytes}/${r.jsBudget}`,
      `${r.staticFiles}+${r.lazyFiles}`,
      `${r.declarationLines}/${r.declarationBudget}`,
      String(r.declarationFiles),
      r.staticPackages.join(" ") || "-",
      r.lazyPackages.join(" ") || "-",
    ]);
    const header = ["subpath", "js bytes/budget", "files static+lazy", "d.ts lines/budget", "d.ts files", "3rd-party static", "3rd-party lazy"];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? "").length)));
    for (const row of [header, widths.map((w) => "-".repeat(w)), ...rows]) {
      console.log(row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  "));
    }
  }

  for (const result of results) {
    if (result.problems.length === 0 && result.dynamicLoads.length > 0) {
      console.log(`note: ${result.subpath} loads computed specifiers (dynamicImportReason recorded): ${result.dynamicLoads.join("; ")}`);
    }
  }
  for (const cycle of cycles.typeOnly) {
    console.log(`note: type-only import cycle (erased at runtime, allowed): ${cycle.join(" → ")}`);
  }
  const problems = [
    ...cycles.runtime.map(
      (cycle) =>
        `import cycle in src/: ${cycle.join(" → ")}. Move the shared part into a module both sides import, ` +
        "or make the edge `import type` if only types cross it.",
    ),
    ...results.flatMap((r) => r.problems),
  ];
  if (problems.length > 0) {
    console.error(`\n${problems.length} isolation problem(s):\n${problems.map((p) => `- ${p}`).join("\n")}`);
    process.exit(1);
  }
  console.log(`\nIsolation ok: no import cycles in src/; ${results.length} subpaths within their allow-lists and budgets.`);
}

main();
