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

/**
 * The CLI's own files (not SDK subpaths): the `openclaw` executable (package.json#bin), the runtime-check child
 * process where plugin code runs (src/cli/runtime-child.ts) and the child that runs a plugin-owned command with the
 * terminal's stdio.
 */
const CLI_ENTRIES: Record<string, string> = {
  "cli/openclaw": "src/cli/bin.ts",
  "cli/runtime-worker": "src/cli/runtime-worker.ts",
  "cli/plugin-command-worker": "src/cli/plugin-command-worker.ts",
};

/** JS entries: every subpath in the manifest (public and private-local-only), by kind. */
function buildEntries(): { code: Record<string, string>; typeOnly: Record<string, string> } {
  const code: Record<string, string> = {};
  const typeOnly: Record<string, string> = {};
  for (const subpath of allSubpaths()) {
    const file = sourceFileOf(subpath);
    (isTypeOnlyFacade(file) ? typeOnly : code)[`plugin-sdk/${subpath}`] = file;
  }
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

/** esbuild options of the CLI's files: the shared ones plus whitespace and syntax minification. */
function cliEsbuildOptions(options: Parameters<NonNullable<Options["esbuildOptions"]>>[0]): void {
  options.packages = "external";
  options.minifyWhitespace = true;
  options.minifySyntax = true;
}

export default defineConfig([
  // Code entries: esbuild, then rollup's tree-shaking pass (smaller output; budgets in the manifest assume it).
  { ...shared, entry: entries.code, treeshake: true },
  // The CLI's files: the same, with whitespace and syntax minified (names kept, so internal stack traces stay
  // readable): nobody imports them, and every installed copy carries them (pnpm bench:install).
  { ...shared, entry: CLI_ENTRIES, treeshake: true, esbuildOptions: cliEsbuildOptions },
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
    esbuildOptions(options) {
      options.minifyWhitespace = true;
      options.minifySyntax = true;
    },
    skipNodeModulesBundle: true,
    noExternal: ["hono", /^hono\//, "@hono/node-server"],
  },
  // The operator commands' third-party packages (tar, yauzl, npm-package-arg, semver, proper-lockfile: devDependencies)
  // bundled with their own dependencies into one CommonJS file beside the CLI, read on first use by
  // src/vendor/load-operator-dependency.ts: plugin authors never install ≈ 7 MB of packages the SDK does not use.
  {
    ...shared,
    entry: { "cli/operator-deps": "src/vendor/operator-deps.ts" },
    format: ["cjs"],
    treeshake: false,
    minify: true,
    esbuildOptions() {},
    skipNodeModulesBundle: false,
    noExternal: [/.*/],
  },
]);
