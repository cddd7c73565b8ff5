/**
 * Type-checks every plugin folder of a corpus against the packed package and counts the errors that are the SDK's.
 *
 * Usage: pnpm compat:corpus <corpus-dir> [--against <tarball|package-dir>] [--json] [--folder <name>]
 *
 * - A plugin folder is any folder holding an `openclaw.plugin.json` (not under test/example/fixture folders).
 *   Its production sources are its TypeScript files minus tests, examples, scripts, build configs and nested
 *   packages; a folder with no TypeScript is checked as JavaScript (`allowJs`, only unresolved openclaw subpaths count
 *   then, since TypeScript reports no other errors in unchecked JavaScript).
 * - The package (default: `pnpm pack` of this repo; `--against` another tarball, or a package folder which is packed
 *   with `npm pack` first) is installed once, with its production dependencies and `@types/node`, into a scratch
 *   project under test/.tmp/compat-corpus keyed by the tarball's hash, and reused (the folder may be deleted any
 *   time; the next run installs again).
 * - One TypeScript program per folder: `module`/`moduleResolution` NodeNext, `skipLibCheck: true`, `types: ["node"]`,
 *   plus the folder's own strictness/target/lib flags from its tsconfig.json (`strict: true` without one).
 *   `openclaw` specifiers resolve from the scratch project as an ES module would (the package's `exports`, `import`
 *   condition). Relative imports that NodeNext rejects (extensionless, bundler-style) are resolved bundler-style so
 *   their types still flow.
 * - The plugins' own third-party dependencies are NOT installed. Decision: an ambient `declare module "*"` types every
 *   unresolved bare import as `any`. It cannot hide an SDK error: `openclaw` specifiers are resolved by the script
 *   itself and an unresolved one — or one that resolves to JavaScript without declarations — is recorded as a missing
 *   subpath before the shim could swallow it; and `any` cannot
 *   invent one (errors about the shim's modules name `"*"`, never an SDK type). A specifier the plugin declares
 *   itself (`declare module "openclaw/plugin-sdk"`) is not counted missing.
 * - Classification (scripts/lib/compat/classify.ts): missing subpath, missing name, type mismatch (the message names
 *   a type declared in the package's declaration files and not also declared by the plugin or the libraries, or its
 *   related information points into the package). All other errors are the plugin's own and are only counted.
 *
 * The method and measured results: docs/compat.md.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { repoRoot } from "./lib/entrypoints.js";
import { packPackage } from "./lib/pack.js";
import { checkFolder, installPackage, type FolderResult } from "./lib/compat/check.js";
import { findPluginFolders } from "./lib/compat/discover.js";
import { formatReport, summarise, type CorpusReport } from "./lib/compat/report.js";

/** Parsed command line. */
export interface CompatArgs {
  corpusDir: string;
  against?: string;
  json: boolean;
  folders: string[];
}

const usage = "usage: pnpm compat:corpus <corpus-dir> [--against <tarball|package-dir>] [--json] [--folder <name>]";

/** Parses `argv` (without node and script); throws a usage error naming the bad argument. */
export function parseArgs(argv: string[]): CompatArgs {
  const args: CompatArgs = { corpusDir: "", json: false, folders: [] };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] as string;
    if (arg === "--json") args.json = true;
    else if (arg === "--against" || arg === "--folder") {
      const value = argv[index + 1];
      if (!value || value.startsWith("--")) throw new Error(`compat-corpus: ${arg} needs a value.\n${usage}`);
      if (arg === "--against") args.against = value;
      else args.folders.push(value);
      index += 1;
    } else if (arg === "--") continue;
    else if (arg.startsWith("--")) throw new Error(`compat-corpus: unknown option ${arg}.\n${usage}`);
    else if (!args.corpusDir) args.corpusDir = arg;
    else throw new Error(`compat-corpus: unexpected argument ${arg}.\n${usage}`);
  }
  if (!args.corpusDir) throw new Error(`compat-corpus: missing <corpus-dir>.\n${usage}`);
  return args;
}

const scratchRoot = join(repoRoot, "test", ".tmp", "compat-corpus");
const typesNodeVersion = "20.19.43";

/** The tarball to measure: `against` as given (a .tgz, or a package folder packed with npm), else this repo packed. */
export function resolveTarball(against: string | undefined): string {
  if (!against) {
    const packDir = join(scratchRoot, `pack-${process.pid}`);
    rmSync(packDir, { recursive: true, force: true });
    return packPackage(packDir);
  }
  const path = resolve(against);
  if (!existsSync(path)) throw new Error(`compat-corpus: --against ${against} does not exist; pass a .tgz or a package folder.`);
  if (statSync(path).isFile()) return path;
  if (!existsSync(join(path, "package.json"))) throw new Error(`compat-corpus: --against ${against} has no package.json.`);
  const packDir = join(scratchRoot, `pack-dir-${process.pid}`);
  rmSync(packDir, { recursive: true, force: true });
  mkdirSync(packDir, { recursive: true });
  execFileSync("npm", ["pack", "--ignore-scripts", "--loglevel=error", "--pack-destination", packDir, path], { stdio: ["ignore", "ignore", "inherit"] });
  const tarball = readdirSync(packDir).find((file) => file.endsWith(".tgz"));
  if (!tarball) throw new Error(`compat-corpus: npm pack of ${against} wrote no tarball.`);
  return join(packDir, tarball);
}

/**
 * Measures `args.corpusDir` and returns the report.
 *
 * @example
 * ```ts
 * const report = runCompatCorpus({ corpusDir: "/work/corpus", json: false, folders: [] });
 * ```
 */
export function runCompatCorpus(args: CompatArgs, tarball?: string): CorpusReport {
  let folders = findPluginFolders(resolve(args.corpusDir));
  if (args.folders.length > 0) {
    const wanted = new Set(args.folders);
    const unknown = args.folders.filter((name) => !folders.some((folder) => folder.name === name));
    if (unknown.length > 0) {
      throw new Error(`compat-corpus: no plugin folder named ${unknown.join(", ")}; known: ${folders.map((f) => f.name).join(", ")}.`);
    }
    folders = folders.filter((folder) => wanted.has(folder.name));
  }
  // Folders are validated first: a typo in --folder should not cost a pack and an install.
  const packed = tarball ?? resolveTarball(args.against);
  const installed = installPackage(packed, scratchRoot, typesNodeVersion);
  // A tarball this run packed is not needed once installed (installs are keyed by its hash).
  if (packed.startsWith(join(scratchRoot, "pack-"))) rmSync(dirname(packed), { recursive: true, force: true });
  const results: FolderResult[] = [];
  for (const folder of folders) {
    if (!args.json) process.stderr.write(`checking ${folder.name} (${folder.sources.length} files)… `);
    const result = checkFolder(folder, installed);
    if (!args.json) process.stderr.write(`${result.errors.length} SDK errors, ${result.ms} ms\n`);
    results.push(result);
  }
  return summarise(installed.label, results);
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const report = runCompatCorpus(args);
  process.stdout.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(repoRoot, "scripts", "compat-corpus.ts")) {
  try {
    main();
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
