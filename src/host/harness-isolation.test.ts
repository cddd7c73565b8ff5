import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const srcDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const FORBIDDEN = /^(vitest|jest|@jest\/|@vitest\/|node:test$|mocha|chai|ava)/;

/** Walks the relative import graph of a source file, returning every bare (package) specifier it reaches. */
function bareImports(entry: string): { files: string[]; packages: Map<string, string>; staticPackages: Set<string> } {
  const seen = new Set<string>();
  const packages = new Map<string, string>();
  const staticPackages = new Set<string>();
  const stack = [entry];
  while (stack.length > 0) {
    const file = stack.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    // Comments (TSDoc examples) and type-only imports never reach the built JS.
    const text = readFileSync(file, "utf8")
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/^\s*\/\/.*$/gm, "")
      .replace(/(?:import|export)\s+type\s[^;]*?from\s+["'][^"']+["'];?/g, "");
    for (const match of text.matchAll(/(?:import|export)\s[^"']*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)) {
      const specifier = match[1] ?? match[2] ?? "";
      if (specifier.startsWith(".")) stack.push(join(dirname(file), specifier.replace(/\.js$/, ".ts")));
      else {
        packages.set(specifier, file);
        if (match[1] !== undefined) staticPackages.add(specifier);
      }
    }
    // createRequire(import.meta.url)("pkg") / require("pkg"): lazy CommonJS loads.
    for (const match of text.matchAll(/(?:require|\))\(\s*["']([^"'./][^"']*)["']\s*\)/g)) {
      packages.set(match[1] as string, file);
    }
  }
  return { files: [...seen], packages, staticPackages };
}

/** `allowedDependencies` of a subpath in the entrypoint manifest: the one list of what it may reach. */
function allowedDependencies(subpath: string): string[] {
  const manifest = JSON.parse(readFileSync(join(srcDir, "..", "scripts", "lib", "plugin-sdk-entrypoints.json"), "utf8")) as {
    entrypoints: Array<{ subpath: string; allowedDependencies: string[] }>;
  };
  const record = manifest.entrypoints.find((e) => e.subpath === subpath);
  if (!record) throw new Error(`no entrypoint record for ${subpath}`);
  return record.allowedDependencies;
}

describe("published harness subpaths", () => {
  for (const subpath of ["plugin-test-api", "plugin-test-runtime"]) {
    it(`${subpath} reaches no test-runner package`, () => {
      const { files, packages } = bareImports(join(srcDir, "plugin-sdk", `${subpath}.ts`));
      expect(files.length).toBeGreaterThan(5);
      const offenders = [...packages.keys()].filter((p) => FORBIDDEN.test(p));
      expect(offenders).toEqual([]);
      // Only Node built-ins and the lazily loaded, manifest-declared dependencies.
      const thirdParty = [...packages.keys()].filter((p) => !p.startsWith("node:")).sort();
      const allowed = allowedDependencies(subpath);
      expect(thirdParty.filter((p) => !allowed.includes(p.startsWith("@") ? p.split("/").slice(0, 2).join("/") : (p.split("/")[0] as string)))).toEqual([]);
    });
  }

  it("plugin-test-api loads no third-party code at import (write-file-atomic only lazily, on the first state write)", () => {
    const { packages, staticPackages } = bareImports(join(srcDir, "plugin-sdk", "plugin-test-api.ts"));
    expect([...staticPackages].filter((p) => !p.startsWith("node:"))).toEqual([]);
    expect([...packages.keys()].filter((p) => !p.startsWith("node:"))).toEqual(["write-file-atomic"]);
  });
});
