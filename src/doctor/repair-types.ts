/**
 * The plan of `openclaw doctor --fix`: one {@link RepairAction} per change, each with what is there now (`before`)
 * and what the fix leaves (`after`), so the plan can be printed (`--dry-run`), applied, and reported (`--json`).
 */
import type { PluginInstallRecord } from "../state/install-record.js";

/**
 * The kinds of repair, in the order they are applied:
 *
 * - `relink-openclaw`: `<managed plugin>/node_modules/openclaw` → symlink to the running `openclaw` package, for a
 *   managed plugin that declares `peerDependencies.openclaw` (so `openclaw/plugin-sdk/*` resolves after updates);
 * - `remove-orphan-package`: a folder in the managed plugin root that no install record names and that duplicates an
 *   installed plugin's id (an orphaned or recovered copy shadowing it) is removed;
 * - `restore-plugin`: a downloadable plugin (npm, git, ClawHub, marketplace record) the config references whose
 *   folder is missing is installed again from its record;
 * - `quarantine-entry`: an invalid `plugins.entries.<id>` moves, unchanged, to `plugins.quarantine` with the reason;
 * - `migrate-legacy-installs`: legacy `plugins.installs` records move into the plugin index (the key is removed only
 *   when both writes succeed);
 * - `rebuild-registry`: the persisted cold registry is rebuilt from the install records.
 *
 * @example
 * ```ts
 * const kind: RepairKind = "quarantine-entry";
 * ```
 */
export type RepairKind = "relink-openclaw" | "remove-orphan-package" | "restore-plugin" | "quarantine-entry" | "migrate-legacy-installs" | "rebuild-registry";

/** Application order of the kinds (file system, then config, then index). */
export const REPAIR_ORDER: readonly RepairKind[] = ["relink-openclaw", "remove-orphan-package", "restore-plugin", "quarantine-entry", "migrate-legacy-installs", "rebuild-registry"];

/**
 * One planned change.
 *
 * @example
 * ```ts
 * const a: RepairAction = { kind: "quarantine-entry", target: "plugins.entries.ghost", pluginId: "ghost", summary: "…", before: "…", after: "…" };
 * ```
 */
export interface RepairAction {
  kind: RepairKind;
  /** What is changed: a config path, a folder, `plugin index`. */
  target: string;
  pluginId?: string;
  /** One sentence: what and why. */
  summary: string;
  /** The state now. */
  before: string;
  /** The state the fix leaves. */
  after: string;
  /** Kind-specific data the apply step uses (JSON). */
  data?: {
    /** relink: the symlink to create and what it points to. */
    link?: string;
    linkTarget?: string;
    /** remove-orphan-package: the folder. */
    folder?: string;
    /** quarantine-entry: the entry id and the reason recorded with it. */
    entryId?: string;
    reason?: string;
    code?: string;
    /** restore-plugin: the record to reinstall from. */
    record?: PluginInstallRecord;
  };
}

/**
 * A problem doctor found but does not fix, and why.
 *
 * @example
 * ```ts
 * const n: RepairNote = { kind: "migrate-legacy-installs", reason: "needs Node >= 22.5 (node:sqlite); running 20.20.2" };
 * ```
 */
export interface RepairNote {
  kind: RepairKind | "config";
  target?: string;
  reason: string;
}

/**
 * What `doctor --fix` planned or did.
 *
 * @example
 * ```ts
 * const r: RepairReport = { mode: "dry-run", actions: [], notes: [], applied: false };
 * ```
 */
export interface RepairReport {
  mode: "dry-run" | "fix";
  actions: RepairAction[];
  /** Problems left as they are (cannot be fixed here, or needs another Node version). */
  notes: RepairNote[];
  /** True when every action was applied. */
  applied: boolean;
  /** Set when applying failed part-way: every change was rolled back. */
  error?: string;
  /** Files and stores that the rollback restored, when it ran. */
  rolledBack?: string[];
}

/** The key under `plugins` where quarantined entries are kept (documented in docs/cli.md). */
export const QUARANTINE_KEY = "quarantine";

/**
 * One quarantined config entry, as stored in the list at `plugins.quarantine`.
 *
 * @example
 * ```ts
 * const q: QuarantinedEntry = { path: "plugins.entries.ghost", id: "ghost", value: { enabled: true }, code: "plugin-not-installed", reason: "…", quarantinedAt: "2026-11-30T07:00:00.000Z" };
 * ```
 */
export interface QuarantinedEntry {
  /** Where the value was: `plugins.entries.<id>`. */
  path: string;
  id: string;
  /** The entry exactly as the operator wrote it. */
  value: unknown;
  code: string;
  reason: string;
  quarantinedAt: string;
}
