/**
 * The marketplace source: `plugin@marketplace` (when `marketplace` is a name in Claude's
 * `~/.claude/plugins/known_marketplaces.json`), `<plugin>` with `--marketplace <source>`, and
 * `marketplace:<plugin>@<source>` (the form `update` re-resolves). The entry's plugin is staged from the marketplace
 * root (path entries, refused when they point outside it) or cloned (github/git entries). The record keeps the
 * marketplace name, source and plugin entry — not an npm spec — so `--pin` is refused.
 */
import { homedir } from "node:os";
import { join } from "node:path";
import { installError } from "../failure.js";
import type { InstallSourceResolver, SourceContext, StagedSource } from "../installer-api.js";
import type { PluginInstallRecord } from "../../state/install-record.js";
import { copyPluginFolder } from "./local.js";
import { gitSource } from "./git.js";
import {
  MarketplaceError,
  findMarketplaceEntry,
  loadMarketplace,
  readKnownMarketplaces,
  resolveEntryPath,
  type ResolvedMarketplace,
} from "../../marketplace/marketplace-source.js";
import type { MarketplaceEntry } from "../../marketplace/marketplace-manifest.js";

/** Options of {@link marketplaceSource}. */
export interface MarketplaceSourceOptions {
  cwd: string;
  /** Home folder of Claude's `known_marketplaces.json` (default: `$HOME` of the operation, else the OS home). */
  home?: string;
  /** `--marketplace <source>`: then a bare plugin name is looked up in that marketplace. */
  marketplace?: string;
}

const PLUGIN_NAME = /^[a-z0-9][\w.-]*$/i;
const PREFIX = "marketplace:";

/**
 * Splits `plugin@source` at the first `@` (plugin names never hold one; sources may: `git@host:…`).
 *
 * @example
 * ```ts
 * splitMarketplaceSpec("reviewer@acme-tools"); // { plugin: "reviewer", source: "acme-tools" }
 * ```
 */
export function splitMarketplaceSpec(spec: string): { plugin: string; source: string } | undefined {
  const body = spec.startsWith(PREFIX) ? spec.slice(PREFIX.length) : spec;
  const at = body.indexOf("@");
  if (at <= 0) return undefined;
  const plugin = body.slice(0, at);
  const source = body.slice(at + 1);
  return PLUGIN_NAME.test(plugin) && source !== "" ? { plugin, source } : undefined;
}

function asInstallError(error: unknown, spec: string): unknown {
  if (!(error instanceof MarketplaceError)) return error;
  const facts = {
    source: spec,
    rule:
      error.code === "outside-root"
        ? "a marketplace entry must point inside its marketplace root"
        : "marketplace installs resolve a plugin entry of a readable marketplace.json",
    fix:
      error.code === "outside-root"
        ? "ask the marketplace owner to fix the entry, or install the plugin folder directly"
        : error.code === "entry-not-found"
          ? "openclaw plugins marketplace list <source>"
          : "check the marketplace source (known name, folder, marketplace.json, owner/repo or git URL)",
  };
  const code = error.code === "outside-root" ? "unsafe-path" : error.code === "clone-failed" ? "download-failed" : error.code === "invalid" ? "manifest-invalid" : "source-not-found";
  return installError(code, error.message, facts);
}

/**
 * The marketplace install source.
 *
 * @example
 * ```ts
 * const staged = await marketplaceSource({ cwd, home, marketplace: "./market" }).stage("reviewer", sctx);
 * staged.record.marketplacePlugin; // "reviewer"
 * ```
 */
export function marketplaceSource(options: MarketplaceSourceOptions): InstallSourceResolver {
  const target = (spec: string, marketplace: string | undefined, home: string): { plugin: string; source: string } | undefined => {
    if (spec.startsWith(PREFIX)) return splitMarketplaceSpec(spec);
    if (marketplace !== undefined) return PLUGIN_NAME.test(spec) ? { plugin: spec, source: marketplace } : undefined;
    const split = splitMarketplaceSpec(spec);
    return split && Object.hasOwn(readKnownMarketplaces(home), split.source) ? split : undefined;
  };
  /** Loads the marketplace, finds the entry, runs `use`, cleans up; marketplace errors become install errors. */
  const withMarketplaceEntry = async <T>(
    wanted: { plugin: string; source: string },
    spec: string,
    home: string,
    sctx: SourceContext,
    use: (market: ResolvedMarketplace, entry: MarketplaceEntry) => Promise<T>,
  ): Promise<T> => {
    let market: ResolvedMarketplace;
    try {
      market = await loadMarketplace(wanted.source, { home, cwd: options.cwd, env: sctx.env, gitCommand: sctx.gitCommand });
    } catch (error) {
      throw asInstallError(error, spec);
    }
    try {
      return await use(market, findMarketplaceEntry(market, wanted.plugin));
    } catch (error) {
      throw asInstallError(error, spec);
    } finally {
      await market.cleanup();
    }
  };
  return {
    kind: "marketplace",
    matches: (spec, request) =>
      spec.startsWith(PREFIX) || target(spec, request.marketplace ?? options.marketplace, options.home ?? homedir()) !== undefined,
    async stage(spec: string, sctx: SourceContext): Promise<StagedSource> {
      const home = options.home ?? sctx.env.HOME ?? homedir();
      const marketplace = sctx.request.marketplace ?? options.marketplace;
      if (sctx.request.pin) {
        throw installError("option-conflict", "--pin does not apply to marketplace installs.", {
          source: spec,
          rule: "--pin records an exact npm version; a marketplace install records the marketplace source, name and plugin entry instead",
          fix: `openclaw plugins install ${spec}${marketplace ? ` --marketplace ${marketplace}` : ""} (without --pin)`,
        });
      }
      if (sctx.request.link) {
        throw installError("option-conflict", "--link needs a local plugin folder, not a marketplace entry.", {
          source: spec,
          rule: "--link adds an existing folder to plugins.load.paths",
          fix: `openclaw plugins install ${spec} (without --link)`,
        });
      }
      const wanted = target(spec, marketplace, home);
      if (!wanted) {
        throw installError("invalid-spec", `"${spec}" is not a marketplace spec.`, {
          source: spec,
          rule: "marketplace installs are <plugin>@<known marketplace>, <plugin> --marketplace <source>, or marketplace:<plugin>@<source>",
          fix: "openclaw plugins install <plugin> --marketplace <source>",
        });
      }
      sctx.progress({ phase: "resolve", status: "progress", message: `marketplace ${wanted.source}` });
      return withMarketplaceEntry(wanted, spec, home, sctx, async (market, entry) => {
        let pluginDir: string;
        const record: Partial<PluginInstallRecord> = {
          marketplaceName: market.manifest.name ?? market.knownName ?? wanted.source,
          marketplaceSource: market.knownName ?? market.label,
          marketplacePlugin: entry.name,
        };
        if (entry.version) record.version = entry.version;
        if (entry.source.kind === "path") {
          const dir = resolveEntryPath(market, { ...entry, source: entry.source });
          pluginDir = join(sctx.stagingDir, "plugin");
          await copyPluginFolder(dir, pluginDir);
          record.sourcePath = market.origin === "local" ? dir : `${market.label}:${entry.source.path}`;
        } else {
          const url = entry.source.kind === "github" ? entry.source.repo : entry.source.url;
          const gitSpec = `git:${url}${entry.source.ref ? `#${entry.source.ref}` : ""}`;
          const staged = await gitSource().stage(gitSpec, { ...sctx, request: { ...sctx.request, pin: false } });
          pluginDir = staged.pluginDir;
          if (staged.record.gitUrl) record.gitUrl = staged.record.gitUrl;
          if (staged.record.gitRef) record.gitRef = staged.record.gitRef;
          if (staged.record.gitCommit) record.gitCommit = staged.record.gitCommit;
        }
        return { pluginDir, source: "marketplace", managedNpm: true, record };
      });
    },
    async checkUpdate(record: PluginInstallRecord, spec: string, sctx: SourceContext) {
      // Current when the entry still declares the installed version; an entry without a version is re-staged.
      const wanted = splitMarketplaceSpec(spec);
      if (!wanted) return { upToDate: false };
      const home = options.home ?? sctx.env.HOME ?? homedir();
      return withMarketplaceEntry(wanted, spec, home, sctx, async (_market, entry) =>
        entry.version !== undefined
          ? { upToDate: entry.version === record.version, targetVersion: entry.version, spec }
          : { upToDate: false, spec },
      );
    },
    updateSpec: (record) =>
      record.marketplacePlugin && record.marketplaceSource ? `${PREFIX}${record.marketplacePlugin}@${record.marketplaceSource}` : undefined,
  };
}
