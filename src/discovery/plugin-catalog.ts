/**
 * The plugin catalog: discovery + manifest reading + policy, without importing any plugin code. This is what
 * `plugins list`, `inspect`, and `doctor` start from.
 *
 * Ids come from each manifest; a folder whose manifest is unusable is listed under its folder name with
 * status `error`. When two folders declare the same id, the first in precedence order (load paths, workspace,
 * user root) wins and the later one is reported as shadowed.
 */
import { basename } from "node:path";
import type { PluginDiagnostic } from "../manifest/diagnostics.js";
import type { PluginManifest } from "../manifest/plugin-manifest-schema.js";
import { readPluginManifest } from "../manifest/read-plugin-manifest.js";
import { readBundle } from "../bundles/detect-bundle.js";
import { resolveBundleWiring, type BundleWiringResult } from "../bundles/bundle-wiring.js";
import type { DetectedBundle } from "../bundles/bundle-types.js";
import { readOpenClawConfig, type OpenClawConfigFile } from "./config-file.js";
import { describePluginFolder, discoverPluginCandidates, type PluginCandidate } from "./discover-plugins.js";
import { resolvePluginEnablement, type PluginEnablement, type PluginOrigin } from "../config/plugins-policy.js";
import { resolveOpenClawPaths, type OpenClawPaths, type ResolveOpenClawPathsOptions } from "./state-paths.js";

/** Inventory status of a plugin, without loading it. */
export type PluginCatalogStatus = "enabled" | "disabled" | "blocked" | "error";

/** One plugin found on disk, with its manifest and policy decision. */
export interface CatalogPlugin {
  /** Manifest id, or the folder name when the manifest is unusable. */
  id: string;
  idSource: "manifest" | "folder";
  /** `openclaw` (native plugin, `openclaw.plugin.json`) or `bundle` (Codex/Claude/Cursor bundle). */
  format: "openclaw" | "bundle";
  /** The detected bundle and its wiring, when `format` is `bundle` and its manifest is usable. */
  bundle?: CatalogBundle;
  candidate: PluginCandidate;
  manifest?: PluginManifest;
  /** Manifest reader diagnostics plus package problems and the path-safety block, if any. */
  diagnostics: PluginDiagnostic[];
  enablement: PluginEnablement;
  status: PluginCatalogStatus;
}

/**
 * A bundle as the catalog sees it.
 *
 * @example
 * ```ts
 * if (plugin.bundle) console.log(plugin.bundle.detected.kind, plugin.bundle.wiring.notWired);
 * ```
 */
export interface CatalogBundle {
  detected: DetectedBundle;
  wiring: BundleWiringResult;
}

/** Result of {@link buildPluginCatalog}. */
export interface PluginCatalog {
  paths: OpenClawPaths;
  config: OpenClawConfigFile;
  plugins: CatalogPlugin[];
  /** Config, discovery and duplicate-id diagnostics (not tied to one listed plugin). */
  diagnostics: PluginDiagnostic[];
}

/**
 * Reads the manifest of a candidate and decides its id, diagnostics, enablement and status.
 *
 * @example
 * ```ts
 * const plugin = await catalogPlugin(describePluginFolder({ rootDir: "./demo", origin: "path", source: "./demo" }), config.plugins);
 * plugin.status; // "enabled"
 * ```
 */
export async function catalogPlugin(
  candidate: PluginCandidate,
  pluginsConfig: OpenClawConfigFile["plugins"],
): Promise<CatalogPlugin> {
  if (candidate.bundleKind) return catalogBundle(candidate, candidate.bundleKind, pluginsConfig);
  // A manifest the gate refused (a link out of the folder, a FIFO) is not read at all: the plugin is listed by folder.
  const manifestRefused = candidate.blocked !== undefined && candidate.blocked.path === candidate.manifestFile;
  const read = manifestRefused
    ? { file: candidate.manifestFile, diagnostics: [] as PluginDiagnostic[], manifest: undefined }
    : await readPluginManifest(candidate.rootDir);
  const diagnostics: PluginDiagnostic[] = [...read.diagnostics];
  if (candidate.packageJsonError) {
    diagnostics.push({
      level: "error",
      code: "package-json-invalid",
      path: "",
      file: `${candidate.rootDir}/package.json`,
      message: candidate.packageJsonError.includes("not valid JSON")
        ? `${candidate.packageJsonError}. Fix the JSON syntax.`
        : candidate.packageJsonError,
    });
  }
  const id = read.manifest?.id ?? basename(candidate.rootDir);
  const enablement = resolvePluginEnablement({ id, origin: candidate.origin, plugins: pluginsConfig });
  if (candidate.blocked) {
    diagnostics.push({
      level: "error",
      code: `blocked-${candidate.blocked.code}`,
      path: "",
      file: candidate.rootDir,
      message: `plugin "${id}" is present but blocked: ${candidate.blocked.message}`,
    });
  }
  const status: PluginCatalogStatus = candidate.blocked
    ? "blocked"
    : !read.manifest
      ? "error"
      : enablement.enabled
        ? "enabled"
        : "disabled";
  const plugin: CatalogPlugin = {
    id,
    idSource: read.manifest ? "manifest" : "folder",
    format: "openclaw",
    candidate,
    diagnostics,
    enablement,
    status,
  };
  if (read.manifest) plugin.manifest = read.manifest;
  return plugin;
}

function catalogBundle(
  candidate: PluginCandidate,
  kind: NonNullable<PluginCandidate["bundleKind"]>,
  pluginsConfig: OpenClawConfigFile["plugins"],
): CatalogPlugin {
  const read = readBundle(candidate.rootDir, kind);
  const diagnostics: PluginDiagnostic[] = [];
  let bundle: CatalogBundle | undefined;
  if (read?.ok) {
    bundle = { detected: read.bundle, wiring: resolveBundleWiring(read.bundle) };
    diagnostics.push(...bundle.wiring.diagnostics);
  } else if (read) {
    diagnostics.push({ level: "error", code: read.code, path: "", file: read.file, message: read.message });
  }
  const id = bundle?.detected.id ?? basename(candidate.rootDir);
  const enablement = resolvePluginEnablement({ id, origin: candidate.origin, plugins: pluginsConfig });
  if (candidate.blocked) {
    diagnostics.push({
      level: "error",
      code: `blocked-${candidate.blocked.code}`,
      path: "",
      file: candidate.rootDir,
      message: `plugin "${id}" is present but blocked: ${candidate.blocked.message}`,
    });
  }
  const status: PluginCatalogStatus = candidate.blocked ? "blocked" : !bundle ? "error" : enablement.enabled ? "enabled" : "disabled";
  const plugin: CatalogPlugin = { id, idSource: bundle ? "manifest" : "folder", format: "bundle", candidate, diagnostics, enablement, status };
  if (bundle) plugin.bundle = bundle;
  return plugin;
}

/** Options of {@link buildPluginCatalog}. */
export interface BuildPluginCatalogOptions extends ResolveOpenClawPathsOptions {
  /** Current uid for the ownership check (tests). */
  uid?: number;
  /**
   * Lets a caller that already knows a candidate's manifest id (a cache keyed by a hash of the manifest bytes)
   * skip reading that manifest: return the id, or `undefined` to read the manifest as usual. Such plugins are
   * listed without `manifest`; policy, path safety and duplicate ids apply as usual.
   */
  knownManifestId?: (candidate: PluginCandidate, plugins: OpenClawConfigFile["plugins"]) => string | undefined;
}

/** A catalog entry for a candidate whose manifest id the caller vouches for (see `knownManifestId`). */
function catalogPluginFromKnownId(candidate: PluginCandidate, id: string, pluginsConfig: OpenClawConfigFile["plugins"]): CatalogPlugin {
  const enablement = resolvePluginEnablement({ id, origin: candidate.origin, plugins: pluginsConfig });
  const status: PluginCatalogStatus = candidate.blocked ? "blocked" : enablement.enabled ? "enabled" : "disabled";
  return { id, idSource: "manifest", format: "openclaw", candidate, diagnostics: [], enablement, status };
}

/**
 * Resolves paths, reads the config, discovers candidates and reads every manifest.
 *
 * @example
 * ```ts
 * const catalog = await buildPluginCatalog({ env: process.env, cwd: process.cwd() });
 * for (const plugin of catalog.plugins) console.log(plugin.id, plugin.status);
 * ```
 */
export async function buildPluginCatalog(options: BuildPluginCatalogOptions = {}): Promise<PluginCatalog> {
  const paths = resolveOpenClawPaths(options);
  const config = await readOpenClawConfig(paths.configPath);
  const discoverOptions: Parameters<typeof discoverPluginCandidates>[0] = {
    paths,
    plugins: config.plugins,
    configPath: paths.configPath,
  };
  if (options.uid !== undefined) discoverOptions.uid = options.uid;
  const discovery = discoverPluginCandidates(discoverOptions);
  const diagnostics: PluginDiagnostic[] = [...config.diagnostics, ...discovery.diagnostics];
  const all = await Promise.all(
    discovery.candidates.map((candidate) => {
      const known = candidate.blocked ? undefined : options.knownManifestId?.(candidate, config.plugins);
      return known !== undefined ? catalogPluginFromKnownId(candidate, known, config.plugins) : catalogPlugin(candidate, config.plugins);
    }),
  );
  const byId = new Map<string, CatalogPlugin>();
  const plugins: CatalogPlugin[] = [];
  for (const plugin of all) {
    const first = byId.get(plugin.id);
    if (first) {
      diagnostics.push({
        level: "warning",
        code: "duplicate-plugin-id",
        path: "",
        file: plugin.candidate.rootDir,
        message: `plugin id "${plugin.id}" at ${plugin.candidate.rootDir} (${plugin.candidate.origin}) is shadowed by ${first.candidate.rootDir} (${first.candidate.origin}); remove one of them or change its manifest id.`,
      });
      continue;
    }
    byId.set(plugin.id, plugin);
    plugins.push(plugin);
  }
  return { paths, config, plugins, diagnostics };
}

/**
 * Catalog entry for a folder given on the command line: the discovered plugin at the same folder when there is
 * one (so workspace policy still applies), else a candidate with origin `path`.
 *
 * @example
 * ```ts
 * const plugin = await catalogPluginAt("./my-plugin", catalog);
 * ```
 */
export async function catalogPluginAt(rootDir: string, catalog: PluginCatalog, uid?: number): Promise<CatalogPlugin> {
  const describe: Parameters<typeof describePluginFolder>[0] = { rootDir, origin: "path" as PluginOrigin, source: rootDir };
  if (uid !== undefined) describe.uid = uid;
  const candidate = describePluginFolder(describe);
  const known = catalog.plugins.find((plugin) => plugin.candidate.rootDir === candidate.rootDir);
  if (known) return known;
  return catalogPlugin(candidate, catalog.config.plugins);
}
