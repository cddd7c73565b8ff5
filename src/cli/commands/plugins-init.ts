/**
 * `openclaw plugins init [dir] [--id] [--name] [--sdk] [--force]`: scaffolds a TypeScript tool plugin.
 *
 * Folder and id: `dir` defaults to `./<id>`; the id defaults to the folder name (lower-cased, non-alphanumerics
 * turned into hyphens). One of them is required. An invalid or reserved id is refused with a suggested id (the
 * manifest reader's rules, `../../manifest/plugin-id.ts`). A non-empty folder is refused unless `--force`. `--sdk`
 * picks the `openclaw` the scaffold depends on (`../scaffold/sdk-spec.ts`); every refusal is a usage error (exit 2).
 */
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { println, type CommandContext } from "../context.js";
import { CliError, ExitCode, type ExitCodeValue } from "../exit-codes.js";
import { renderToolPluginScaffold, titleCase } from "../scaffold/tool-plugin-template.js";
import { resolveSdkSpec } from "../scaffold/sdk-spec.js";
import { cliPackageVersion } from "../version.js";
import { writeFileAtomic } from "../../files/write-file-atomic.js";
import { pluginIdProblem } from "../../manifest/plugin-id.js";

/** Options of `plugins init`. */
export interface PluginsInitOptions {
  id?: string;
  name?: string;
  force?: boolean;
  /** The `openclaw` the scaffold depends on: version, range, tag, tarball or folder (default: this CLI's version). */
  sdk?: string;
}

/**
 * Derives a plugin id from a folder name: lower case, runs of other characters become one hyphen.
 *
 * @example
 * ```ts
 * idFromFolderName("My Plugin_2"); // "my-plugin-2"
 * ```
 */
export function idFromFolderName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * Runs `plugins init`.
 *
 * @example
 * ```ts
 * await runPluginsInit(ctx, "stock-quotes", { name: "Stock Quotes" });
 * ```
 */
export async function runPluginsInit(
  ctx: CommandContext,
  dirArgument: string | undefined,
  options: PluginsInitOptions,
): Promise<ExitCodeValue> {
  if (!dirArgument && !options.id) {
    throw new CliError("pass a folder or --id, e.g. `openclaw plugins init stock-quotes`.", ExitCode.usage);
  }
  const dir = resolve(ctx.io.cwd, dirArgument ?? options.id!);
  const id = options.id ?? idFromFolderName(basename(dir));
  const idProblem = pluginIdProblem(id);
  if (idProblem) {
    const from = options.id ? "" : ` (derived from the folder name ${basename(dir)})`;
    throw new CliError(
      `${idProblem.message}${from}; nothing was written. ${idProblem.suggestion ? `Pass --id ${idProblem.suggestion}` : "Pass --id <id>"}${options.id || !idProblem.suggestion ? "" : ", or choose another folder name"}. (${idProblem.code})`,
      ExitCode.usage,
    );
  }
  const sdk = resolveSdkSpec(options.sdk, { cwd: ctx.io.cwd, cliVersion: cliPackageVersion() });
  const name = options.name?.trim() || titleCase(id);
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new CliError(`${dir} exists and is not a folder; choose another path.`, ExitCode.usage);
    const contents = readdirSync(dir).filter((entry) => entry !== ".git");
    if (contents.length > 0 && !options.force) {
      throw new CliError(
        `${dir} is not empty (${contents.slice(0, 3).join(", ")}${contents.length > 3 ? ", …" : ""}). Choose an empty folder, or pass --force to write the scaffold files into it.`,
        ExitCode.usage,
      );
    }
  }
  const files = renderToolPluginScaffold({ id, name, sdkVersion: cliPackageVersion(), sdkDependency: sdk.dependency, sdkPeerRange: sdk.peerRange });
  await ctx.tracer.phase("write", async () => {
    for (const [path, contents] of Object.entries(files)) {
      const target = join(dir, path);
      mkdirSync(dirname(target), { recursive: true });
      await writeFileAtomic(target, contents);
    }
  });
  const shown = relative(ctx.io.cwd, dir) || ".";
  println(ctx, `${ctx.out.green("Created")} tool plugin ${ctx.out.bold(id)} in ${shown}`);
  for (const path of Object.keys(files)) println(ctx, `  ${path}`);
  println(ctx);
  println(ctx, `SDK: openclaw@${sdk.dependency} (devDependencies.openclaw).`);
  if (options.sdk === undefined) {
    println(ctx, ctx.out.dim("  To try an unpublished openclaw build: run `npm pack` in the openclaw checkout, then"));
    println(ctx, ctx.out.dim(`  openclaw plugins init ${dirArgument ?? id} --sdk <path>/openclaw-<version>.tgz (a checkout folder works too).`));
  }
  println(ctx);
  println(ctx, "Next:");
  if (shown !== ".") println(ctx, `  cd ${shown}`);
  println(ctx, "  npm install");
  println(ctx, "  npm run build      # compile, then regenerate openclaw.plugin.json");
  println(ctx, "  npm test");
  println(ctx, "  npm run validate");
  return ExitCode.ok;
}
