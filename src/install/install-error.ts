/**
 * The installer's typed error: {@link InstallError} carries an {@link InstallFailure} — code, message, source, rule
 * and fix — that the CLI prints and the management API returns as JSON. Re-exported by installer-api.ts.
 */

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

