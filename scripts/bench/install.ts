/**
 * Install cost for a plugin author: the packed tarball installed with its production dependencies into an empty
 * project (npm). Reports installed size, file count, dependency count and whether anything builds natively.
 *
 * Usage: tsx scripts/bench/install.ts
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../lib/entrypoints.js";
import { createConsumerProject } from "../lib/consumer-project.js";
import { packPackage } from "../lib/pack.js";
import { markdownTable, mib, verdict } from "./markdown.js";

const benchDir = join(repoRoot, "test", ".tmp", "bench-install");

interface Tally {
  bytes: number;
  files: number;
  packages: string[];
  native: string[];
}

function walk(dir: string, tally: Tally): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) {
      walk(path, tally);
      continue;
    }
    tally.files += 1;
    tally.bytes += lstatSync(path).size;
    if (entry.name === "binding.gyp" || entry.name.endsWith(".node")) tally.native.push(path);
    if (entry.name === "package.json" && /node_modules[/\\](@[^/\\]+[/\\])?[^/\\]+$/.test(dir)) {
      const pkg = JSON.parse(readFileSync(path, "utf8")) as { name?: string; scripts?: Record<string, string>; gypfile?: boolean };
      if (pkg.name) tally.packages.push(pkg.name);
      const scripts = pkg.scripts ?? {};
      if (pkg.gypfile || scripts.preinstall || scripts.install || scripts.postinstall) tally.native.push(`${pkg.name} (install script)`);
    }
  }
}

function main(): void {
  rmSync(benchDir, { recursive: true, force: true });
  mkdirSync(benchDir, { recursive: true });
  const tarball = packPackage(join(benchDir, "pack"));
  const tarballBytes = lstatSync(tarball).size;
  const project = createConsumerProject(join(benchDir, "project"), tarball);
  const modules = join(project, "node_modules");
  const tally: Tally = { bytes: 0, files: 0, packages: [], native: [] };
  if (existsSync(modules)) walk(modules, tally);
  const dependencies = tally.packages.filter((name) => name !== "openclaw");
  console.log("### bench:install — npm install --omit=dev of the packed tarball into an empty project");
  console.log("");
  console.log(
    markdownTable(
      ["measure", "measured", "target", "met"],
      [
        ["tarball size", mib(tarballBytes), "-", "-"],
        ["installed size (node_modules)", mib(tally.bytes), "≤ 15 MB", verdict(tally.bytes <= 15_000_000)],
        ["installed files", String(tally.files), "-", "-"],
        ["dependencies (transitive, excluding openclaw)", String(dependencies.length), "-", "-"],
        ["native build", tally.native.length > 0 ? `yes: ${tally.native.join(", ")}` : "no", "no", verdict(tally.native.length === 0)],
      ],
    ),
  );
  console.log(`\ndependencies: ${dependencies.sort().join(", ")}`);
}

main();
