/**
 * `openclaw plugins search <query> [--json] [--limit <n>]`: asks a ClawHub-compatible catalog for installable
 * plugin packages (families `code-plugin` and `bundle-plugin`; skills are searched with `openclaw skills search`).
 * Reads only the config's `clawhub.url` / `clawhub.timeoutMs` (or `$OPENCLAW_CLAWHUB_URL`,
 * `$OPENCLAW_CLAWHUB_TIMEOUT_MS`); never reads or writes plugin state, never installs, never loads plugin code.
 */
import { printJson, println, type CommandContext } from "../context.js";
import { CliError, ExitCode, type ExitCodeValue } from "../exit-codes.js";
import { renderTable } from "../table.js";
import { readOpenClawConfig } from "../../discovery/config-file.js";
import { resolveOpenClawPaths } from "../../discovery/state-paths.js";
import { ClawHubError, resolveClawHubBaseUrl, resolveClawHubTimeoutMs, searchClawHubPlugins } from "../../clawhub/clawhub-client.js";

/** Options of `plugins search`. */
export interface PluginsSearchOptions {
  json?: boolean;
  limit?: string;
}

/**
 * Runs `plugins search`.
 *
 * @example
 * ```ts
 * const code = await runPluginsSearch(ctx, "weather", { json: true });
 * ```
 */
export async function runPluginsSearch(ctx: CommandContext, query: string, options: PluginsSearchOptions): Promise<ExitCodeValue> {
  if (query.trim() === "") throw new CliError("plugins search needs a query, e.g. openclaw plugins search weather.", ExitCode.usage);
  const limit = options.limit === undefined ? 20 : Number(options.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new CliError(`--limit ${options.limit}: use a whole number from 1 to 100.`, ExitCode.usage);
  const paths = resolveOpenClawPaths({ env: ctx.io.env, cwd: ctx.io.cwd });
  const config = await readOpenClawConfig(paths.configPath);
  const baseUrl = resolveClawHubBaseUrl({ config: config.raw, env: ctx.io.env });
  const timeoutMs = resolveClawHubTimeoutMs({ config: config.raw, env: ctx.io.env });
  let hits;
  try {
    hits = await searchClawHubPlugins(query, { baseUrl, timeoutMs, limit });
  } catch (error) {
    if (error instanceof ClawHubError) throw new CliError(error.message, ExitCode.problems);
    throw error;
  }
  if (options.json) {
    printJson(ctx, { source: baseUrl, query, results: hits });
    return ExitCode.ok;
  }
  if (hits.length === 0) {
    println(ctx, `No installable plugins match "${query}" on ${baseUrl}.`);
    return ExitCode.ok;
  }
  println(
    ctx,
    renderTable(
      ["NAME", "FAMILY", "CHANNEL", "VERSION", "SUMMARY"],
      hits.map((hit) => [hit.name, hit.family, hit.channel, hit.version ?? "-", (hit.summary ?? "").slice(0, 60)]),
    ),
  );
  println(ctx);
  for (const hit of hits) println(ctx, `  ${hit.install}`);
  println(ctx, ctx.out.dim(`${hits.length} result${hits.length === 1 ? "" : "s"} from ${baseUrl}`));
  return ExitCode.ok;
}
