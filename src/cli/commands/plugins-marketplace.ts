/**
 * `openclaw plugins marketplace list <source> [--json]`: resolves a marketplace source (known Claude marketplace
 * name, local root or `marketplace.json`, `owner/repo`, repository URL, git URL) and prints the resolved source
 * label and its plugin entries. Reads nothing but the marketplace (and `~/.claude/plugins/known_marketplaces.json`).
 */
import { homedir } from "node:os";
import { printJson, println, type CommandContext } from "../context.js";
import { CliError, ExitCode, type ExitCodeValue } from "../exit-codes.js";
import { renderTable } from "../table.js";
import { MarketplaceError, loadMarketplace } from "../../marketplace/marketplace-source.js";
import type { MarketplaceEntrySource } from "../../marketplace/marketplace-manifest.js";

/** Options of `plugins marketplace list`. */
export interface PluginsMarketplaceListOptions {
  json?: boolean;
}

function describeSource(source: MarketplaceEntrySource): string {
  switch (source.kind) {
    case "path":
      return source.path;
    case "github":
      return `github:${source.repo}${source.ref ? `#${source.ref}` : ""}`;
    default:
      return `${source.url}${source.ref ? `#${source.ref}` : ""}`;
  }
}

/**
 * Runs `plugins marketplace list`.
 *
 * @example
 * ```ts
 * const code = await runPluginsMarketplaceList(ctx, "./market", { json: true });
 * ```
 */
export async function runPluginsMarketplaceList(ctx: CommandContext, source: string, options: PluginsMarketplaceListOptions): Promise<ExitCodeValue> {
  let market;
  try {
    market = await loadMarketplace(source, { home: ctx.io.env.HOME ?? homedir(), cwd: ctx.io.cwd, env: ctx.io.env });
  } catch (error) {
    if (error instanceof MarketplaceError) throw new CliError(error.message, error.code === "not-found" ? ExitCode.usage : ExitCode.problems);
    throw error;
  }
  try {
    if (options.json) {
      printJson(ctx, {
        source: market.label,
        origin: market.origin,
        ...(market.knownName ? { knownName: market.knownName } : {}),
        manifestPath: market.origin === "local" ? market.manifestPath : undefined,
        manifest: market.manifest,
        plugins: market.manifest.plugins,
      });
      return ExitCode.ok;
    }
    println(ctx, `${ctx.out.bold(market.manifest.name ?? "(unnamed marketplace)")} ${ctx.out.dim(market.label)}`);
    if (market.manifest.plugins.length === 0) {
      println(ctx, "No plugin entries.");
      return ExitCode.ok;
    }
    println(
      ctx,
      renderTable(
        ["PLUGIN", "VERSION", "SOURCE", "DESCRIPTION"],
        market.manifest.plugins.map((entry) => [entry.name, entry.version ?? "-", describeSource(entry.source), (entry.description ?? "").slice(0, 60)]),
      ),
    );
    const hint = market.knownName ? `<plugin>@${market.knownName}` : `<plugin> --marketplace ${source}`;
    println(ctx, ctx.out.dim(`Install one with: openclaw plugins install ${hint}`));
    return ExitCode.ok;
  } finally {
    await market.cleanup();
  }
}
