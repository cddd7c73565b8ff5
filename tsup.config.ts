import { defineConfig } from "tsup";
import { allSubpaths, sourceFileOf } from "./scripts/lib/entrypoints.js";

/** JS entries: every subpath in the manifest (public and private-local-only) plus the CLI binary. */
function buildEntries(): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const subpath of allSubpaths()) {
    entries[`plugin-sdk/${subpath}`] = sourceFileOf(subpath);
  }
  // The `openclaw` executable (package.json#bin); shares chunks with the subpaths it uses.
  entries["cli/openclaw"] = "src/cli/bin.ts";
  // The CLI's runtime-check child process: plugin code runs only there (see src/cli/runtime-child.ts).
  entries["cli/runtime-worker"] = "src/cli/runtime-worker.ts";
  return entries;
}

export default defineConfig({
  entry: buildEntries(),
  format: ["esm"],
  target: "node20",
  platform: "node",
  outDir: "dist",
  // Each entry is one self-contained file: in Node 20 every extra ESM module costs about a millisecond at import,
  // and a narrow subpath must stay cheap. Code shared by several entries is duplicated on purpose; state that must
  // be shared across copies (runtime store slots, tool metadata) lives under Symbol.for keys, never module identity.
  splitting: false,
  treeshake: true,
  sourcemap: false,
  // Declarations come from tsc (tsconfig.build.json): tsup's bundled dts renames symbols into hashed chunks.
  dts: false,
  clean: false,
  // Third-party packages stay external; narrow subpaths load them lazily with import(). Exception: the management
  // API's HTTP framework (hono, @hono/node-server) is bundled into the CLI, where `gateway run` loads it lazily —
  // the few modules it uses are ~100 kB, while the packages would add ~4 MB (CJS + ESM + types) to every install.
  skipNodeModulesBundle: true,
  noExternal: ["hono", /^hono\//, "@hono/node-server"],
});
