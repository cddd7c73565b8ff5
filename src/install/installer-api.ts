/**
 * The installer's public contract: requests, context, progress events, results and the typed error of
 * {@link installPlugin}, {@link updatePlugin} and {@link uninstallPlugin} (implemented in `./installer.ts`), and the
 * pluggable {@link InstallSourceResolver} interface every install source implements (`./sources/*`; wt-bundles adds
 * bundle, marketplace and ClawHub resolvers the same way).
 *
 * Everything here is plain data (no classes with private fields) so the management API can stream progress events
 * and errors as JSON unchanged.
 */
import type { PluginInstallRecord, PluginInstallSource } from "../state/install-record.js";
import type { PluginIndex } from "../state/plugin-index-api.js";
import type { OpenClawPaths } from "../discovery/state-paths.js";
import type { BeforeInstallDecision } from "../hooks/hook-run-types.js";
import type { PluginHookBeforeInstallEvent } from "../contract/hook-types.js";

// ---------------------------------------------------------------------------------------------------------------
// Progress
// ---------------------------------------------------------------------------------------------------------------

/** Which lifecycle operation an event or result belongs to. */
export type InstallOperation = "install" | "update" | "uninstall";

/**
 * Phases of an operation, in the order they run (a source skips the ones it does not need):
 * `resolve` (parse the spec, ask the registry / git), `download` (tarball, clone), `extract` (archive → staging),
 * `validate` (manifest, compatibility, path safety), `policy` (`security.installPolicy`, `before_install` hooks),
 * `dependencies` (`npm install --ignore-scripts` in the managed project), `commit` (rename into place, index record,
 * config), `cleanup` (staging removal, uninstall deletion).
 */
export const INSTALL_PHASES = ["resolve", "download", "extract", "validate", "policy", "dependencies", "commit", "cleanup"] as const;
/** One of {@link INSTALL_PHASES}. */
export type InstallPhase = (typeof INSTALL_PHASES)[number];

/**
 * One progress event. `start` and `end` bracket every phase that runs; `progress` events carry byte counts while
 * downloading (`totalBytes` only when the server says) and free text for long steps.
 *
 * @example
 * ```ts
 * const onProgress = (e: InstallProgressEvent) => {
 *   if (e.status === "progress" && e.bytes !== undefined) console.error(`${e.phase} ${e.bytes}/${e.totalBytes ?? "?"}`);
 * };
 * ```
 */
export interface InstallProgressEvent {
  operation: InstallOperation;
  phase: InstallPhase;
  status: "start" | "progress" | "end";
  /** Known once the manifest was read (always set for update/uninstall). */
  pluginId?: string;
  /** The spec being installed or updated. */
  spec?: string;
  /** Bytes transferred so far (download) or written (extract). */
  bytes?: number;
  /** Total bytes when known (`content-length`). */
  totalBytes?: number;
  /** Milliseconds the phase took (on `end`). */
  elapsedMs?: number;
  /** Short human text: "fetching demo@1.2.0", "npm install --ignore-scripts (3 dependencies)". */
  message?: string;
}

/** Receives progress events; must not throw (a throw is ignored). */
export type InstallProgressListener = (event: InstallProgressEvent) => void;

// ---------------------------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------------------------

/**
 * Why an operation stopped. Stable strings: the CLI's `--json` output and the management API return them.
 */
export const INSTALL_ERROR_CODES = [
  /** The spec cannot be parsed or uses a form the source refuses (URL, `file:`, semver range for npm, …). */
  "invalid-spec",
  /** Two options that cannot be combined (`--link` with `--force`, `--pin` on a non-npm source). */
  "option-conflict",
  /** Local path / archive / package / version / git ref does not exist. */
  "source-not-found",
  /** The plugin id is already installed; use `update`, or `install --force` to replace it. */
  "already-installed",
  /** update/uninstall of an id that has no install record. */
  "not-installed",
  /** No `openclaw.plugin.json` at the plugin root, or it is unusable. */
  "manifest-invalid",
  /** An archive entry or a plugin file escapes its root (`../`, absolute path, link out, device file). */
  "unsafe-path",
  /** The plugin folder fails the loader's path-safety gate (world-writable, foreign owner). */
  "path-blocked",
  /** The plugin needs a newer plugin API / host than this OpenClaw. */
  "incompatible",
  /** A bare spec or `latest` resolved to a prerelease; ask for it explicitly (`@beta`, exact version). */
  "prerelease-refused",
  /** The downloaded artifact does not match the registry's integrity / shasum (corrupted or tampered). */
  "integrity-mismatch",
  /** The recorded integrity differs from the registry's artifact for the same version; not confirmed. */
  "integrity-drift",
  /** Registry / network / git transport failure. */
  "download-failed",
  /** The archive could not be read (corrupt, truncated, unsupported). */
  "archive-invalid",
  /** `npm install --ignore-scripts` in the managed project failed. */
  "dependencies-failed",
  /** `security.installPolicy` refused the source or id. */
  "policy-blocked",
  /** A plugin's `before_install` hook blocked the install. */
  "hook-blocked",
  /** The config file cannot be read or written. */
  "config-invalid",
  /** OPENCLAW_NIX_MODE=1: lifecycle changes are declarative. */
  "nix-mode",
  /** The running Node has no `node:sqlite` (the index needs Node >= 22.5). */
  "node-unsupported",
  /** The operation was aborted (signal). */
  "aborted",
] as const;
/** One of {@link INSTALL_ERROR_CODES}. */
export type InstallErrorCode = (typeof INSTALL_ERROR_CODES)[number];

/**
 * The JSON shape of a failure: what happened (`message`), which source it concerns, which rule refused it and the
 * command or edit that fixes it.
 *
 * @example
 * ```ts
 * const failure: InstallFailure = {
 *   code: "already-installed",
 *   message: 'Plugin "demo" is already installed (npm: demo@1.0.0).',
 *   source: "npm:demo",
 *   rule: "an installed plugin id is changed with update, or replaced with install --force",
 *   fix: "openclaw plugins update demo",
 * };
 * ```
 */
export interface InstallFailure {
  code: InstallErrorCode;
  message: string;
  /** The spec / path / URL concerned. */
  source?: string;
  /** The rule that refused, in words. */
  rule: string;
  /** The command or edit that fixes it. */
  fix: string;
  pluginId?: string;
  /** Extra facts (expected/actual hashes, findings, versions). */
  details?: Record<string, unknown>;
}

/**
 * Error thrown by the installer; `failure` is the JSON form.
 *
 * @example
 * ```ts
 * try { await installPlugin({ spec: "npm:demo" }, ctx); }
 * catch (error) { if (isInstallError(error)) console.error(error.failure.code, error.failure.fix); }
 * ```
 */
export class InstallError extends Error {
  readonly failure: InstallFailure;
  constructor(failure: InstallFailure) {
    super(failure.message);
    this.name = "InstallError";
    this.failure = failure;
  }
  get code(): InstallErrorCode {
    return this.failure.code;
  }
}

/**
 * True when `value` is an {@link InstallError} (also across module copies: checks the shape).
 *
 * @example
 * ```ts
 * if (isInstallError(error)) return { status: 409, body: error.failure };
 * ```
 */
export function isInstallError(value: unknown): value is InstallError {
  return (
    value instanceof InstallError ||
    (value instanceof Error &&
      value.name === "InstallError" &&
      typeof (value as { failure?: { code?: unknown } }).failure?.code === "string")
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Requests and results
// ---------------------------------------------------------------------------------------------------------------

/**
 * `openclaw plugins install <spec>`.
 *
 * Spec forms: a folder or archive path (`.zip`, `.tgz`, `.tar.gz`, `.tar`), `npm-pack:<file.tgz>`,
 * `npm:<name>[@version|@tag]`, `git:<repo>[@ref|#ref]`, or a bare npm name (`demo`, `@scope/demo@1.2.0`).
 *
 * @example
 * ```ts
 * const request: InstallRequest = { spec: "npm:@acme/weather@beta", pin: true };
 * ```
 */
export interface InstallRequest {
  spec: string;
  /** Folder only: add it to `plugins.load.paths` instead of copying (refused with `force`). */
  link?: boolean;
  /** Replace an installed plugin with the same id. */
  force?: boolean;
  /** npm only: record the exact resolved `name@version` as the spec. */
  pin?: boolean;
  /** npm registry URL (default: `npm_config_registry` env, then `npm config get registry`). */
  registry?: string;
  /** Who asked (passed to `before_install` as `origin`): `cli`, `api`, … */
  origin?: string;
}

/**
 * `openclaw plugins update <id|npm-spec>` / `--all`.
 *
 * @example
 * ```ts
 * const request: UpdateRequest = { target: "demo", onIntegrityDrift: async (d) => confirm(d.expected, d.actual) };
 * ```
 */
export interface UpdateRequest {
  /** Plugin id, or an npm spec (`demo@beta`, `@acme/x@2.0.0`, `npm:demo`) resolved back to its record. Omit with `all`. */
  target?: string;
  /** Update every tracked plugin that has an updatable source (npm, git, archive/path re-copy is not updated). */
  all?: boolean;
  registry?: string;
  origin?: string;
  /**
   * Called when the recorded integrity differs from the registry's artifact for the target. Resolve `true` to
   * continue. Absent = fail closed (`integrity-drift`).
   */
  onIntegrityDrift?: (drift: IntegrityDrift) => Promise<boolean> | boolean;
}

/**
 * A recorded artifact hash that no longer matches what the registry serves.
 *
 * @example
 * ```ts
 * const drift: IntegrityDrift = { pluginId: "demo", spec: "demo@1.0.0", expected: "sha512-AAA…", actual: "sha512-BBB…" };
 * ```
 */
export interface IntegrityDrift {
  pluginId: string;
  spec: string;
  /** Recorded integrity. */
  expected: string;
  /** Integrity of the fetched artifact. */
  actual: string;
}

/**
 * `openclaw plugins uninstall <id>`.
 *
 * @example
 * ```ts
 * const request: UninstallRequest = { pluginId: "demo", keepFiles: true };
 * ```
 */
export interface UninstallRequest {
  pluginId: string;
  /** Keep the plugin folder on disk (the record and config entries are still removed). */
  keepFiles?: boolean;
}

/**
 * A successful install.
 *
 * @example
 * ```ts
 * const result: InstallResult = await installPlugin({ spec: "./demo" }, ctx);
 * result.record.installPath; // "<state>/extensions/demo"
 * ```
 */
export interface InstallResult {
  operation: "install";
  pluginId: string;
  record: PluginInstallRecord;
  /** The record that `--force` replaced. */
  replaced?: PluginInstallRecord;
  /** Findings reported by `before_install` hooks or the policy (not blocking). */
  findings: InstallFinding[];
  warnings: string[];
  /** Milliseconds per phase that ran. */
  timings: Partial<Record<InstallPhase, number>>;
}

/**
 * One plugin's update outcome.
 *
 * @example
 * ```ts
 * const outcome: UpdateOutcome = { pluginId: "demo", status: "skipped", reason: "demo@1.2.0 is installed and matches the registry", fromVersion: "1.2.0" };
 * ```
 */
export interface UpdateOutcome {
  pluginId: string;
  /** `updated` (new files in place), `skipped` (already current, nothing downloaded), `failed`. */
  status: "updated" | "skipped" | "failed";
  reason?: string;
  fromVersion?: string;
  toVersion?: string;
  record?: PluginInstallRecord;
  error?: InstallFailure;
  /** True when the skip decision needed no artifact download. */
  downloaded?: boolean;
}

/**
 * Result of {@link updatePlugin}: one outcome per plugin (one for a single target).
 *
 * @example
 * ```ts
 * const { outcomes } = await updatePlugin({ all: true }, ctx);
 * ```
 */
export interface UpdateResult {
  operation: "update";
  outcomes: UpdateOutcome[];
  timings: Partial<Record<InstallPhase, number>>;
}

/**
 * Result of {@link uninstallPlugin}: what was removed.
 *
 * @example
 * ```ts
 * const result: UninstallResult = await uninstallPlugin({ pluginId: "demo" }, ctx);
 * result.deletedDir; // "<state>/extensions/demo"
 * ```
 */
export interface UninstallResult {
  operation: "uninstall";
  pluginId: string;
  /** The record that was removed (absent when only config entries existed). */
  record?: PluginInstallRecord;
  removedEntry: boolean;
  removedFromAllow: boolean;
  removedFromDeny: boolean;
  removedLoadPaths: string[];
  /** Managed folder deleted (only ever inside `<stateDir>/extensions`). */
  deletedDir?: string;
  /** Why the folder was kept (`--keep-files`, linked, outside the extensions root). */
  keptFilesReason?: string;
}

/**
 * A finding from `before_install` hooks or the install policy.
 *
 * @example
 * ```ts
 * const finding: InstallFinding = { ruleId: "unsigned", severity: "warn", message: "package is not signed" };
 * ```
 */
export interface InstallFinding {
  ruleId: string;
  severity: string;
  message: string;
  file?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Context
// ---------------------------------------------------------------------------------------------------------------

/**
 * Runs the `before_install` hooks of the enabled plugins (the CLI and server build it from the hook runner; the
 * installer treats a block as `hook-blocked`).
 *
 * @example
 * ```ts
 * const gate: BeforeInstallGate = async (event) => (await dispatcher.run("before_install", event, { origin: "cli" })).decision;
 * ```
 */
export type BeforeInstallGate = (
  event: PluginHookBeforeInstallEvent,
) => Promise<BeforeInstallDecision | undefined> | BeforeInstallDecision | undefined;

/**
 * What an operation runs against. Only `paths` is required; the rest default to the real implementations.
 *
 * @example
 * ```ts
 * const ctx: InstallerContext = { paths: resolveOpenClawPaths(), onProgress: (e) => console.error(e.phase, e.status) };
 * ```
 */
export interface InstallerContext {
  /** State dir, config path, extension roots (`resolveOpenClawPaths`). */
  paths: Pick<OpenClawPaths, "stateDir" | "configPath" | "userExtensionsDir">;
  /** Environment for registry, npm and git subprocesses (default `process.env`). */
  env?: NodeJS.ProcessEnv;
  onProgress?: InstallProgressListener;
  /** Aborts between phases and kills subprocesses. */
  signal?: AbortSignal;
  /** The host plugin API version plugins are checked against (default: this package's version). */
  hostVersion?: string;
  /** Opens the plugin index (default: `openPluginIndex` from `src/state/plugin-index.ts`, loaded lazily). */
  openIndex?: (stateDir: string) => PluginIndex | Promise<PluginIndex>;
  /** Cross-process lock around a mutation (default: `withStateLock` from `src/state/state-lock.ts`). */
  withLock?: <T>(stateDir: string, fn: () => Promise<T>) => Promise<T>;
  /** `before_install` hooks of enabled plugins. */
  beforeInstall?: BeforeInstallGate;
  /** Extra source resolvers, tried before the built-in ones (bundle, marketplace, clawhub). */
  sources?: readonly InstallSourceResolver[];
  /** `npm` executable (default `npm` on PATH). */
  npmCommand?: string;
  /** `git` executable (default `git` on PATH). */
  gitCommand?: string;
  /** Folder relative local specs resolve against (default `process.cwd()`). */
  cwd?: string;
  /** Clock for records (tests). */
  now?: () => Date;
}

// ---------------------------------------------------------------------------------------------------------------
// Sources
// ---------------------------------------------------------------------------------------------------------------

/**
 * What a source resolver receives: an empty staging folder inside the state directory to fill, and helpers.
 *
 * @example
 * ```ts
 * async function stage(spec: string, sctx: SourceContext) {
 *   sctx.progress({ phase: "download", status: "progress", bytes: 1024 });
 *   return { pluginDir: sctx.stagingDir, source: "archive", record: { sourcePath: spec } } satisfies StagedSource;
 * }
 * ```
 */
export interface SourceContext {
  /** Empty folder under `<stateDir>/extensions/.staging-*`, removed after the operation. */
  stagingDir: string;
  /** Scratch folder for downloads/clones (same lifetime as `stagingDir`). */
  scratchDir: string;
  request: InstallRequest;
  env: NodeJS.ProcessEnv;
  hostVersion: string;
  signal?: AbortSignal;
  npmCommand: string;
  gitCommand: string;
  /** Emits a progress event for this operation (operation and spec are filled in). */
  progress(event: Omit<InstallProgressEvent, "operation" | "spec">): void;
  /** The current record when updating (resolvers reuse its fields). */
  current?: PluginInstallRecord;
}

/**
 * A staged plugin, ready for validation and commit.
 *
 * @example
 * ```ts
 * const staged: StagedSource = { pluginDir: "/s/extensions/.staging-1/package", source: "npm", record: { spec: "demo", resolvedVersion: "1.0.0" }, managedNpm: true };
 * ```
 */
export interface StagedSource {
  /** The plugin root (holds `openclaw.plugin.json`). For `link`, the linked folder itself. */
  pluginDir: string;
  source: PluginInstallSource;
  /** Record fields this source knows (spec, sourcePath, resolved*, integrity, shasum, git*, clawhub*, …). */
  record: Partial<PluginInstallRecord>;
  /** True: run `npm install --ignore-scripts` in the staged folder as a managed npm project. */
  managedNpm?: boolean;
  /** True for `--link`: nothing is copied; the folder is added to `plugins.load.paths`. */
  link?: boolean;
  warnings?: string[];
}

/**
 * What an update check learned without downloading anything.
 *
 * @example
 * ```ts
 * const check: UpdateCheck = { upToDate: true, targetVersion: "1.2.0", integrity: "sha512-…" };
 * ```
 */
export interface UpdateCheck {
  upToDate: boolean;
  targetVersion?: string;
  /** Registry integrity of the target artifact (compared with the record for drift). */
  integrity?: string;
  shasum?: string;
  /** The spec to record after the update. */
  spec?: string;
}

/**
 * One install source. The installer asks each resolver (extra ones from {@link InstallerContext.sources} first, then
 * the built-ins) whether it handles a spec, then lets it stage the plugin.
 *
 * @example
 * ```ts
 * const clawhub: InstallSourceResolver = {
 *   kind: "clawhub",
 *   matches: (spec) => spec.startsWith("clawhub:"),
 *   stage: async (spec, sctx) => ({ pluginDir: sctx.stagingDir, source: "clawhub", record: { spec } }),
 * };
 * ```
 */
export interface InstallSourceResolver {
  /** The record `source` this resolver produces. */
  readonly kind: PluginInstallSource;
  /** True when this resolver handles `spec` (usually a prefix test). */
  matches(spec: string, request: InstallRequest): boolean;
  /** Fetches / copies / extracts the plugin into `sctx.stagingDir` (or points at it for links). */
  stage(spec: string, sctx: SourceContext): Promise<StagedSource>;
  /**
   * For update: decides from metadata alone whether the installed record is current (npm: registry metadata vs
   * recorded version + integrity). Absent = always re-stage.
   */
  checkUpdate?(record: PluginInstallRecord, spec: string, sctx: SourceContext): Promise<UpdateCheck>;
  /** The spec `update` re-resolves for a record of this kind (default: `record.spec`). */
  updateSpec?(record: PluginInstallRecord): string | undefined;
}

/** Signature of {@link installPlugin}. */
export type InstallPluginFn = (request: InstallRequest, ctx: InstallerContext) => Promise<InstallResult>;
/** Signature of {@link updatePlugin}. */
export type UpdatePluginFn = (request: UpdateRequest, ctx: InstallerContext) => Promise<UpdateResult>;
/** Signature of {@link uninstallPlugin}. */
export type UninstallPluginFn = (request: UninstallRequest, ctx: InstallerContext) => Promise<UninstallResult>;

/**
 * Installs one plugin: resolve → stage → validate → policy/hooks → dependencies → commit (rename into
 * `<stateDir>/extensions/<id>`, index record, config), under the state lock. Throws {@link InstallError}.
 *
 * @example
 * ```ts
 * const result = await installPlugin({ spec: "npm:demo@1.0.0", pin: true }, { paths: resolveOpenClawPaths() });
 * ```
 */
export const installPlugin: InstallPluginFn = async (request, ctx) => (await import("./installer.js")).runInstall(request, ctx);

/**
 * Updates one plugin (or all with `all`), reusing the recorded spec unless a new npm spec is given; skips without
 * downloading when the registry target equals the installed version and artifact.
 *
 * @example
 * ```ts
 * const { outcomes } = await updatePlugin({ target: "demo" }, { paths: resolveOpenClawPaths() });
 * ```
 */
export const updatePlugin: UpdatePluginFn = async (request, ctx) => (await import("./updater.js")).runUpdate(request, ctx);

/**
 * Uninstalls one plugin: index record, `plugins.entries.<id>`, allow/deny entries, linked load paths, and the managed
 * folder when it lies inside `<stateDir>/extensions` (unless `keepFiles`).
 *
 * @example
 * ```ts
 * await uninstallPlugin({ pluginId: "demo" }, { paths: resolveOpenClawPaths() });
 * ```
 */
export const uninstallPlugin: UninstallPluginFn = async (request, ctx) => (await import("./uninstaller.js")).runUninstall(request, ctx);
