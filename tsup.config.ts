import { readFileSync } from "node:fs";
import { defineConfig, type Options } from "tsup";
import { allSubpaths, sourceFileOf } from "./scripts/lib/entrypoints.js";

/**
 * True when a facade exports types only (`export type { … }` lines and nothing else): esbuild turns it into an empty
 * module, and rollup's tree-shaking pass would warn "Generated an empty chunk" for it on every build.
 */
function isTypeOnlyFacade(file: string): boolean {
  const code = readFileSync(file, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\/\/.*$/gm, "");
  return !/^\s*export\s+(?!type\b)/m.test(code) && !/^\s*import\s+(?!type\b)/m.test(code);
}

/** JS entries: every subpath in the manifest (public and private-local-only) plus the CLI binary, by kind. */
function buildEntries(): { code: Record<string, string>; typeOnly: Record<string, string> } {
  const code: Record<string, string> = {};
  const typeOnly: Record<string, string> = {};
  for (const subpath of allSubpaths()) {
    const file = sourceFileOf(subpath);
    (isTypeOnlyFacade(file) ? typeOnly : code)[`plugin-sdk/${subpath}`] = file;
  }
  // The `openclaw` executable (package.json#bin); shares chunks with the subpaths it uses.
  code["cli/openclaw"] = "src/cli/bin.ts";
  // The CLI's runtime-check child process: plugin code runs only there (see src/cli/runtime-child.ts).
  code["cli/runtime-worker"] = "src/cli/runtime-worker.ts";
  // The child that runs a plugin-owned command (`openclaw <plugin command> …`), with the terminal's stdio.
  code["cli/plugin-command-worker"] = "src/cli/plugin-command-worker.ts";
  return { code, typeOnly };
}

const shared: Options = {
  format: ["esm"],
  target: "node20",
  platform: "node",
  outDir: "dist",
  // Each entry is one self-contained file: in Node 20 every extra ESM module costs about a millisecond at import,
  // and a narrow subpath must stay cheap. Code shared by several entries is duplicated on purpose; state that must
  // be shared across copies (runtime store slots, tool metadata) lives under Symbol.for keys, never module identity.
  splitting: false,
  sourcemap: false,
  // Declarations come from tsc (tsconfig.build.json): tsup's bundled dts renames symbols into hashed chunks.
  dts: false,
  clean: false,
  // Third-party packages and Node built-ins stay external; narrow subpaths load third-party code lazily. esbuild's
  // own `packages: "external"` (not tsup's skipNodeModulesBundle/removeNodeProtocol plugins) knows built-ins have no
  // side effects, so it drops imports the bundle no longer uses instead of leaving them for rollup to warn about.
  removeNodeProtocol: false,
  esbuildOptions(options) {
    options.packages = "external";
  },
};

const entries = buildEntries();

export default defineConfig([
  // Code entries: esbuild, then rollup's tree-shaking pass (smaller output; budgets in the manifest assume it).
  { ...shared, entry: entries.code, treeshake: true },
  // Type-only facades (channel-contract, hook-types, …): an empty module, built without the rollup pass.
  { ...shared, entry: entries.typeOnly, treeshake: false },
  // The management API server (`gateway run`): its own file, loaded by `gateway run` only (by URL, from
  // src/cli/commands/gateway-run.ts), so no other command parses it. Its HTTP framework (hono, @hono/node-server) is
  // bundled in: the modules it uses are ~115 kB, while the packages would add ~1.3 MiB to every install. Every other
  // package stays external.
  {
    ...shared,
    entry: { "cli/gateway": "src/server/gateway.ts" },
    treeshake: true,
    esbuildOptions() {},
    skipNodeModulesBundle: true,
    noExternal: ["hono", /^hono\//, "@hono/node-server"],
  },
]);
