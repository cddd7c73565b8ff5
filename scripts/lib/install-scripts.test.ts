/**
 * Every installed dependency that has an install script is named in `package.json#pnpm` — allowed
 * (`onlyBuiltDependencies`) or deliberately skipped (`ignoredBuiltDependencies`) — so `pnpm install` never prints
 * "Ignored build scripts" and a new dependency with a script cannot slip in without a decision (README, "Set up").
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./entrypoints.js";

interface PackageJson {
  name?: string;
  scripts?: Record<string, string>;
  pnpm?: { onlyBuiltDependencies?: string[]; ignoredBuiltDependencies?: string[] };
}

function readJson(file: string): PackageJson {
  return JSON.parse(readFileSync(file, "utf8")) as PackageJson;
}

/** Names of the packages in pnpm's store folder (`node_modules/.pnpm/<id>/node_modules/<name>`) with an install step. */
function packagesWithInstallScripts(): Set<string> {
  const store = join(repoRoot, "node_modules", ".pnpm");
  const found = new Set<string>();
  for (const id of readdirSync(store)) {
    const modules = join(store, id, "node_modules");
    if (!existsSync(modules)) continue;
    for (const entry of readdirSync(modules)) {
      const names = entry.startsWith("@") ? readdirSync(join(modules, entry)).map((name) => `${entry}/${name}`) : [entry];
      for (const name of names) {
        const dir = join(modules, name);
        const manifest = join(dir, "package.json");
        if (!existsSync(manifest)) continue;
        const pkg = readJson(manifest);
        const scripts = pkg.scripts ?? {};
        if (scripts.preinstall || scripts.install || scripts.postinstall || existsSync(join(dir, "binding.gyp"))) found.add(pkg.name ?? name);
      }
    }
  }
  return found;
}

describe("dependency install scripts", () => {
  it("are each allowed or ignored explicitly in package.json#pnpm", () => {
    const pnpm = readJson(join(repoRoot, "package.json")).pnpm ?? {};
    const decided = new Set([...(pnpm.onlyBuiltDependencies ?? []), ...(pnpm.ignoredBuiltDependencies ?? [])]);
    const found = packagesWithInstallScripts();
    expect(found.has("esbuild")).toBe(true);
    expect([...found].filter((name) => !decided.has(name)).sort()).toEqual([]);
    // No dependency runs an install script today.
    expect(pnpm.onlyBuiltDependencies).toEqual([]);
  });
});
