/**
 * Planning `openclaw doctor --fix`: looks at the config, the plugin folders and the plugin index, and lists every
 * change the fix would make ({@link RepairAction}) and every problem it leaves ({@link RepairNote}). Reads only:
 * nothing is written, and the plugin index is opened only when its database already exists.
 */
import { existsSync, lstatSync, readdirSync, readlinkSync, realpathSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { readOpenClawConfigForEdit } from "../config/config-writer.js";
import { readPluginsPolicy, resolvePluginEnablement } from "../config/plugins-policy.js";
import { validatePluginsConfig } from "../config/validate-plugin-config.js";
import { buildPluginCatalog, type PluginCatalog } from "../discovery/plugin-catalog.js";
import { resolveOpenClawPaths, type OpenClawPaths } from "../discovery/state-paths.js";
import { formatPath } from "../manifest/paths.js";
import type { PluginManifest } from "../manifest/plugin-manifest-schema.js";
import { readPluginManifest } from "../manifest/read-plugin-manifest.js";
import type { PluginInstallRecord } from "../state/install-record.js";
import type { PluginIndex } from "../state/plugin-index-api.js";
import type { RepairAction, RepairNote } from "./repair-types.js";
import { isRecord } from "../config/config-data.js";

/** Install sources a missing plugin can be downloaded again from. */
export const DOWNLOADABLE_SOURCES: ReadonlySet<string> = new Set(["npm", "git", "clawhub", "marketplace"]);

/** Options of {@link planRepairs}. */
export interface PlanRepairsOptions {
  env: NodeJS.ProcessEnv;
  cwd: string;
  workspaceDir?: string;
  /** Folder of the running `openclaw` package (what managed plugins' `node_modules/openclaw` should point to). */
  hostPackageRoot: string;
  /** Host contract version of the registry (`hostContractVersion(version)`). */
  contractVersion: string;
  /** Whether the installer is available to restore missing downloadable plugins. */
  canRestore?: boolean;
}

/** What {@link planRepairs} found. */
export interface RepairPlan {
  paths: OpenClawPaths;
  actions: RepairAction[];
  notes: RepairNote[];
  /** The file holding the `plugins` section (an `$include`d file, or the config file). */
  pluginsFile: string;
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** The plugin index when its database exists and this Node.js has node:sqlite; else why not. */
async function openExistingIndex(stateDir: string): Promise<{ index?: PluginIndex; unavailable?: string; missing?: boolean; exists?: boolean; unsupported?: boolean }> {
  const { openPluginIndex, pluginIndexDatabasePath, sqliteSupport } = await import("../state/plugin-index.js");
  const exists = existsSync(pluginIndexDatabasePath(stateDir));
  const support = sqliteSupport();
  if (!support.ok) return { unavailable: support.message, exists, unsupported: true };
  if (!exists) return { missing: true };
  try {
    return { index: openPluginIndex({ stateDir }) };
  } catch (error) {
    return { unavailable: (error as Error).message, exists };
  }
}

/** How `<root>/node_modules/openclaw` looks now, and whether it needs relinking to `hostRoot`. */
function linkState(link: string, hostRoot: string): { ok: boolean; before: string } {
  let stat;
  try {
    stat = lstatSync(link);
  } catch {
    return { ok: false, before: `${link} is missing, so openclaw/plugin-sdk/* does not resolve` };
  }
  if (stat.isSymbolicLink()) {
    const target = readlinkSync(link);
    if (!existsSync(link)) return { ok: false, before: `${link} is a dangling link to ${target}` };
    if (realOrSelf(link) === realOrSelf(hostRoot)) return { ok: true, before: "" };
    return { ok: false, before: `${link} links to ${realOrSelf(link)}, not to the running openclaw package` };
  }
  return { ok: false, before: `${link} is a copied package (${stat.isDirectory() ? "folder" : "file"}), not the running openclaw package` };
}

function configReferences(config: Record<string, unknown>, id: string): boolean {
  const plugins = isRecord(config.plugins) ? config.plugins : {};
  const entries = isRecord(plugins.entries) ? plugins.entries : {};
  const allow = Array.isArray(plugins.allow) ? plugins.allow : [];
  const slots = isRecord(plugins.slots) ? Object.values(plugins.slots) : [];
  return Object.prototype.hasOwnProperty.call(entries, id) || allow.includes(id) || slots.includes(id);
}

/**
 * Plans the repairs. Never writes. A config file that cannot be read ends the plan with one note (nothing can be
 * repaired safely then).
 *
 * @example
 * ```ts
 * const plan = await planRepairs({ env: process.env, cwd: process.cwd(), hostPackageRoot, contractVersion });
 * for (const action of plan.actions) console.log(action.kind, action.target);
 * ```
 */
export async function planRepairs(options: PlanRepairsOptions): Promise<RepairPlan> {
  const paths = resolveOpenClawPaths({ env: options.env, cwd: options.cwd, ...(options.workspaceDir ? { workspaceDir: options.workspaceDir } : {}) });
  const actions: RepairAction[] = [];
  const notes: RepairNote[] = [];
  let config: Record<string, unknown>;
  let pluginsFile = paths.configPath;
  try {
    const read = await readOpenClawConfigForEdit(paths);
    config = read.config;
    pluginsFile = read.pluginsFile;
  } catch (error) {
    notes.push({ kind: "config", target: paths.configPath, reason: `${(error as Error).message} Fix the file by hand; doctor --fix does not rewrite a config it cannot read.` });
    return { paths, actions, notes, pluginsFile };
  }
  const catalog = await buildPluginCatalog({ env: options.env, cwd: options.cwd, ...(options.workspaceDir ? { workspaceDir: options.workspaceDir } : {}) });
  const { readLegacyInstallRecords } = await import("../state/legacy-installs.js");
  const legacy = readLegacyInstallRecords(config);
  const opened = await openExistingIndex(paths.stateDir);
  try {
    const indexed = opened.index?.listRecords() ?? [];
    const indexedIds = new Set(indexed.map((r) => r.pluginId));
    const records: PluginInstallRecord[] = [...indexed, ...legacy.records.filter((r) => !indexedIds.has(r.pluginId))];

    planRelinks(catalog, paths, options.hostPackageRoot, actions);
    if (opened.index || opened.missing) await planOrphans(catalog, paths, records, actions);
    else if (opened.exists || legacy.records.length > 0) notes.push({ kind: "remove-orphan-package", reason: `orphaned managed packages are found through the plugin index, which cannot be read here: ${opened.unavailable}` });
    const restoring = planRestores(config, records, options.canRestore === true, actions, notes);
    planQuarantine(config, catalog, pluginsFile, restoring, actions);

    if (legacy.raw !== undefined) {
      const ids = legacy.records.map((r) => r.pluginId);
      // Without node:sqlite the move cannot happen here; an index that exists but cannot be opened is planned anyway:
      // applying then fails and rolls every change back, naming the index problem.
      if (opened.unsupported) {
        notes.push({ kind: "migrate-legacy-installs", target: `${pluginsFile}: plugins.installs`, reason: `legacy install records stay in the config (they are still read): ${opened.unavailable}` });
      } else if (options.env.OPENCLAW_NIX_MODE?.trim() === "1") {
        notes.push({ kind: "migrate-legacy-installs", target: `${pluginsFile}: plugins.installs`, reason: "OPENCLAW_NIX_MODE=1: the Nix-managed config is not rewritten" });
      } else if (ids.length > 0 || legacy.invalid.length > 0) {
        const { pluginIndexDatabasePath } = await import("../state/plugin-index.js");
        actions.push({
          kind: "migrate-legacy-installs",
          target: `${pluginsFile}: plugins.installs`,
          summary: `move ${ids.length} legacy install record${ids.length === 1 ? "" : "s"} from the config into the plugin index`,
          before: `plugins.installs in ${pluginsFile} holds ${ids.length ? ids.join(", ") : "no valid record"}${legacy.invalid.length ? ` (unreadable: ${legacy.invalid.map((i) => i.pluginId).join(", ")})` : ""}`,
          after: `${ids.length ? `${ids.join(", ")} in the plugin index ${pluginIndexDatabasePath(paths.stateDir)}; ` : ""}${legacy.invalid.length ? `unreadable records stay in plugins.installs (${legacy.invalid.map((i) => i.message).join("; ")})` : "plugins.installs removed from the config"}`,
        });
      }
    }

    const { checkPersistedRegistry } = await import("../state/plugin-registry.js");
    const changesRecords = actions.some((a) => a.kind === "remove-orphan-package" || a.kind === "restore-plugin" || a.kind === "migrate-legacy-installs");
    if (opened.index || (opened.missing && changesRecords)) {
      const check = checkPersistedRegistry(opened.index?.readRegistry(), records, options.contractVersion);
      if (changesRecords || (check.status !== "current" && (records.length > 0 || opened.index?.readRegistry() !== undefined))) {
        actions.push({
          kind: "rebuild-registry",
          target: "plugin index: cold registry",
          summary: "rebuild the persisted plugin registry from the install records",
          before: changesRecords ? `registry ${check.status}; the repairs above change the installed plugins` : `registry ${check.status} (${check.plugins.filter((p) => p.state !== "current").map((p) => `${p.pluginId}: ${p.state}`).join(", ") || `host contract differs`})`,
          after: `registry current for ${options.contractVersion}`,
        });
      }
    }
  } finally {
    opened.index?.close();
  }
  return { paths, actions, notes, pluginsFile };
}

function planRelinks(catalog: PluginCatalog, paths: OpenClawPaths, hostRoot: string, actions: RepairAction[]): void {
  const managedRoot = realOrSelf(paths.userExtensionsDir);
  for (const plugin of catalog.plugins) {
    const rootDir = plugin.candidate.rootDir;
    if (realOrSelf(dirname(rootDir)) !== managedRoot) continue;
    const peers = plugin.candidate.packageJson?.peerDependencies;
    if (!isRecord(peers) || !Object.prototype.hasOwnProperty.call(peers, "openclaw")) continue;
    const link = join(rootDir, "node_modules", "openclaw");
    const state = linkState(link, hostRoot);
    if (state.ok) continue;
    actions.push({
      kind: "relink-openclaw",
      target: link,
      pluginId: plugin.id,
      summary: `link the running openclaw package into managed plugin "${plugin.id}" (it declares peerDependencies.openclaw ${JSON.stringify(peers.openclaw)})`,
      before: state.before,
      after: `${link} → ${hostRoot}`,
      data: { link, linkTarget: hostRoot },
    });
  }
}

async function planOrphans(catalog: PluginCatalog, paths: OpenClawPaths, records: readonly PluginInstallRecord[], actions: RepairAction[]): Promise<void> {
  const recorded = new Set(records.map((r) => realOrSelf(r.installPath)));
  const recordedIds = new Set(records.map((r) => r.pluginId));
  let names: string[];
  try {
    names = readdirSync(paths.userExtensionsDir).filter((name) => !name.startsWith(".")).sort();
  } catch {
    return;
  }
  for (const name of names) {
    const folder = join(paths.userExtensionsDir, name);
    if (recorded.has(realOrSelf(folder))) continue;
    if (!existsSync(join(folder, "openclaw.plugin.json"))) continue;
    const { manifest } = await readPluginManifest(folder);
    const id = manifest?.id;
    if (!id) continue;
    const installed = records.find((r) => r.pluginId === id);
    const other = catalog.plugins.find((p) => p.id === id && realOrSelf(p.candidate.rootDir) !== realOrSelf(folder));
    if (!recordedIds.has(id) && !other) continue; // a hand-placed plugin of its own: not ours to remove
    const owner = installed ? `the installed plugin "${id}" (${installed.installPath})` : `plugin "${id}" at ${other!.candidate.rootDir}`;
    actions.push({
      kind: "remove-orphan-package",
      target: folder,
      pluginId: id,
      summary: `remove the orphaned managed package at ${folder}: no install record names it, and it duplicates ${owner}`,
      before: `${folder} holds plugin "${id}"${manifest?.version ? ` ${manifest.version}` : ""} with no install record, competing with ${owner}`,
      after: `${folder} removed; "${id}" comes only from ${installed ? installed.installPath : other!.candidate.rootDir}`,
      data: { folder },
    });
  }
}

function planRestores(config: Record<string, unknown>, records: readonly PluginInstallRecord[], canRestore: boolean, actions: RepairAction[], notes: RepairNote[]): Set<string> {
  const restoring = new Set<string>();
  for (const record of records) {
    if (!DOWNLOADABLE_SOURCES.has(record.source) || existsSync(record.installPath) || !configReferences(config, record.pluginId)) continue;
    const spec = record.spec ?? record.resolvedSpec;
    if (!canRestore || !spec) {
      notes.push({ kind: "restore-plugin", target: record.installPath, reason: `plugin "${record.pluginId}" (${record.source}${spec ? ` ${spec}` : ""}) is referenced by the config but its folder is missing; ${spec ? "reinstall it with openclaw plugins install" : "its record has no spec to download it from; reinstall it by hand"}` });
      continue;
    }
    restoring.add(record.pluginId);
    actions.push({
      kind: "restore-plugin",
      target: record.installPath,
      pluginId: record.pluginId,
      summary: `reinstall plugin "${record.pluginId}" from ${record.source} ${spec}: the config references it but its folder is missing`,
      before: `${record.installPath} is missing`,
      after: `${record.installPath} installed from ${spec}`,
      data: { record },
    });
  }
  return restoring;
}

function planQuarantine(config: Record<string, unknown>, catalog: PluginCatalog, pluginsFile: string, restoring: ReadonlySet<string>, actions: RepairAction[]): void {
  const plugins = isRecord(config.plugins) ? config.plugins : {};
  const entries = isRecord(plugins.entries) ? plugins.entries : {};
  const blocked = new Set(catalog.plugins.filter((p) => p.status === "blocked").map((p) => p.id));
  const reasons = new Map<string, { code: string; reason: string }>();
  const { entryDiagnostics } = readPluginsPolicy(config, { file: pluginsFile });
  for (const [id, diagnostics] of entryDiagnostics) {
    const errors = diagnostics.filter((d) => d.level === "error");
    if (errors.length > 0) reasons.set(id, { code: "plugin-entry-malformed", reason: errors.map((d) => d.message).join("; ") });
  }
  // Validate the rest as it will be once the malformed entries are gone (a malformed entry makes the whole policy
  // fail closed, which would hide every other problem).
  const cleaned = structuredClone(config);
  const cleanedEntries = isRecord(cleaned.plugins) && isRecord(cleaned.plugins.entries) ? cleaned.plugins.entries : {};
  for (const id of reasons.keys()) delete cleanedEntries[id];
  const policy = readPluginsPolicy(cleaned, { file: pluginsFile }).policy;
  const manifests: PluginManifest[] = catalog.plugins.filter((p) => p.manifest && p.status !== "blocked").map((p) => p.manifest!);
  const ids = new Set(catalog.plugins.map((p) => p.id));
  const validation = validatePluginsConfig(cleaned, {
    manifests,
    moment: "read",
    file: pluginsFile,
    isInstalled: (id) => ids.has(id),
    isEnabled: (id) => {
      const plugin = catalog.plugins.find((p) => p.id === id);
      return plugin !== undefined && plugin.status !== "blocked" && resolvePluginEnablement({ id, origin: plugin.candidate.origin, plugins: policy }).enabled;
    },
  });
  for (const id of Object.keys(entries)) {
    if (reasons.has(id)) continue;
    const entryPath = formatPath(["plugins", "entries", id]);
    const errors = validation.diagnostics.filter(
      (d) => d.level === "error" && (d.code === "plugin-config-mismatch" || d.code === "plugin-not-installed") && (d.path === entryPath || d.path.startsWith(`${entryPath}.`)),
    );
    if (errors.length > 0) reasons.set(id, { code: errors[0]!.code, reason: errors.map((d) => d.message).join("; ") });
  }
  for (const [id, { code, reason }] of reasons) {
    if (blocked.has(id) || restoring.has(id)) continue;
    const target = formatPath(["plugins", "entries", id]);
    actions.push({
      kind: "quarantine-entry",
      target,
      pluginId: id,
      summary: `quarantine ${target}: ${reason}`,
      before: `${target} = ${JSON.stringify(entries[id])} in ${pluginsFile}`,
      after: `${target} removed; kept unchanged in plugins.quarantine with the reason (move it back once fixed)`,
      data: { entryId: id, reason, code },
    });
  }
}
