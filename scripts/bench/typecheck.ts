/**
 * Type-check cost for a plugin author: a 10-line plugin importing `plugin-entry` (and one importing `channel-core`
 * when the manifest has it) compiled with `tsc --noEmit --extendedDiagnostics` against the packed package installed
 * into a temp project (skipLibCheck true and false, @types/node present as in a real plugin). Reports files, SDK declaration
 * files and lines, memory and time.
 *
 * Usage: tsx scripts/bench/typecheck.ts
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, sep } from "node:path";
import { allSubpaths, repoRoot } from "../lib/entrypoints.js";
import { createConsumerProject } from "../lib/consumer-project.js";
import { packPackage } from "../lib/pack.js";
import { markdownTable, verdict } from "./markdown.js";

const benchDir = join(repoRoot, "test", ".tmp", "bench-typecheck");

/** The two plugins; each is 10 lines. The "(no SDK import)" file is the floor: what tsc costs without the SDK. */
const plugins: Record<string, string> = {
  "(no SDK import)": `interface Definition {
  id: string;
  name: string;
  description: string;
  register(api: unknown): void;
}
const define = (definition: Definition): Definition => definition;
export default define({
  id: "bench-floor", name: "Floor", description: "No SDK import.", register() {},
});
`,
  "plugin-entry": `import { definePluginEntry } from "openclaw/plugin-sdk/plugin-entry";
import type * as sdk from "openclaw/plugin-sdk/plugin-entry";

export type SdkNames = keyof typeof sdk;
export default definePluginEntry({
  id: "bench-plugin",
  name: "Bench plugin",
  description: "Ten lines against plugin-entry.",
  register() {},
});
`,
  "channel-core": `import type * as channel from "openclaw/plugin-sdk/channel-core";
import { definePluginEntry } from "openclaw/plugin-sdk/plugin-entry";

export type ChannelNames = keyof typeof channel;
export default definePluginEntry({
  id: "bench-channel",
  name: "Bench channel",
  description: "Ten lines against channel-core.",
  register() {},
});
`,
};

function diagnostic(output: string, label: string): string {
  return new RegExp(`^${label}:\\s+(.+)$`, "m").exec(output)?.[1]?.trim() ?? "?";
}

function main(): void {
  rmSync(benchDir, { recursive: true, force: true });
  mkdirSync(benchDir, { recursive: true });
  const tarball = packPackage(join(benchDir, "pack"));
  const project = createConsumerProject(join(benchDir, "project"), tarball);
  const known = new Set(allSubpaths());
  const rows: string[][] = [];
  for (const [subpath, source] of Object.entries(plugins)) {
    if (!subpath.startsWith("(") && !known.has(subpath)) {
      rows.push([subpath, "-", "n/a (subpath not in the manifest yet)", "", "", "", "", "", ""]);
      continue;
    }
    const slug = subpath.replace(/\W+/g, "-").replace(/^-|-$/g, "");
    const file = `plugin-${slug}.ts`;
    writeFileSync(join(project, file), source);
    // skipLibCheck true is what `tsc --init` writes (most plugin authors); false also checks every .d.ts loaded.
    for (const skipLibCheck of [true, false]) {
      const tsconfig = `tsconfig.${slug}.${skipLibCheck ? "skip" : "full"}.json`;
      writeFileSync(
        join(project, tsconfig),
        JSON.stringify({
          compilerOptions: {
            strict: true,
            noEmit: true,
            skipLibCheck,
            target: "ES2022",
            lib: ["ES2023"],
            module: "NodeNext",
            moduleResolution: "NodeNext",
            types: ["node"],
            typeRoots: [join(repoRoot, "node_modules", "@types")],
          },
          files: [file],
        }),
      );
      const tsc = join(repoRoot, "node_modules", "typescript", "lib", "tsc.js");
      const output = execFileSync(process.execPath, [tsc, "-p", tsconfig, "--extendedDiagnostics", "--listFiles"], {
        cwd: project,
        encoding: "utf8",
      });
      const sdkMarker = `${sep}node_modules${sep}openclaw${sep}`;
      const sdkFiles = output.split("\n").filter((line) => line.includes(sdkMarker) && line.endsWith(".d.ts"));
      const sdkLines = sdkFiles.reduce((sum, path) => sum + readFileSync(path.trim(), "utf8").split("\n").length, 0);
      const seconds = Number.parseFloat(diagnostic(output, "Total time"));
      const memoryKiB = Number.parseInt(diagnostic(output, "Memory used"), 10);
      rows.push([
        subpath,
        String(skipLibCheck),
        diagnostic(output, "Files"),
        String(sdkFiles.length),
        sdkLines.toLocaleString("en-US"),
        `${(memoryKiB / 1024).toFixed(0)} MB`,
        `${seconds.toFixed(2)} s`,
        subpath.startsWith("(") ? "reference" : "< 60 files, < 10,000 lines, < 1 s",
        subpath.startsWith("(") ? "-" : verdict(sdkFiles.length < 60 && sdkLines < 10_000 && seconds < 1),
      ]);
    }
  }
  console.log(`### bench:typecheck — TypeScript ${JSON.parse(readFileSync(join(repoRoot, "node_modules", "typescript", "package.json"), "utf8")).version}, packed package, @types/node loaded`);
  console.log("");
  console.log(
    markdownTable(["plugin imports", "skipLibCheck", "files (all)", "SDK .d.ts files", "SDK .d.ts lines", "memory", "tsc total time", "target", "met"], rows),
  );
}

main();
