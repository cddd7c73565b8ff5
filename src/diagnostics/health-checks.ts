/**
 * Health checks plugins contribute to `openclaw doctor`: the check and finding shapes, a process-wide registry shared
 * by every SDK copy, and severity helpers.
 */
import type { OpenClawConfig } from "../contract/config.js";
import type { RuntimeEnv } from "../contract/runtime.js";

/**
 * How serious a finding is.
 *
 * @example
 * ```ts
 * const severity: HealthFindingSeverity = "warning";
 * ```
 */
export type HealthFindingSeverity = "info" | "warning" | "error";

/**
 * One problem a health check found.
 *
 * @example
 * ```ts
 * const finding: HealthFinding = { checkId: "my-chat/token", severity: "error", message: "token missing", fixHint: "set channels.my-chat.token" };
 * ```
 */
export interface HealthFinding {
  readonly checkId: string;
  readonly severity: HealthFindingSeverity;
  readonly message: string;
  readonly source?: string;
  readonly errorCode?: string;
  readonly path?: string;
  readonly line?: number;
  readonly column?: number;
  readonly ocPath?: string;
  readonly target?: string;
  readonly requirement?: string;
  readonly fixHint?: string;
}

/**
 * What a check runs against.
 *
 * @example
 * ```ts
 * declare const ctx: HealthCheckContext;
 * ctx.cfg.channels;
 * ```
 */
export interface HealthCheckContext {
  readonly mode: "doctor" | "lint" | "fix";
  readonly runtime: RuntimeEnv;
  readonly cfg: OpenClawConfig;
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  readonly configPath?: string;
}

/**
 * What a repair runs against.
 *
 * @example
 * ```ts
 * declare const ctx: HealthRepairContext;
 * if (ctx.dryRun) return { status: "skipped", changes: [] };
 * ```
 */
export interface HealthRepairContext extends Omit<HealthCheckContext, "mode"> {
  readonly mode: "fix";
  readonly dryRun?: boolean;
  readonly diff?: boolean;
}

/**
 * One side effect of a repair (a file written, a service restarted), so `doctor --dry-run` can list what a repair
 * would touch.
 *
 * @example
 * ```ts
 * const effect: HealthRepairEffect = { kind: "state", action: "write", target: "~/.openclaw/my-chat/state.json", dryRunSafe: false };
 * ```
 */
export interface HealthRepairEffect {
  readonly kind: "config" | "file" | "service" | "process" | "package" | "state" | "other";
  readonly action: string;
  readonly target?: string;
  /** `true` when the effect is harmless to perform during a dry run. */
  readonly dryRunSafe?: boolean;
}

/**
 * What a repair did.
 *
 * @example
 * ```ts
 * const result: HealthRepairResult = { status: "repaired", changes: ["removed stale token"] };
 * ```
 */
export interface HealthRepairResult {
  readonly status?: "repaired" | "skipped" | "failed";
  readonly reason?: string;
  readonly config?: OpenClawConfig;
  readonly changes: readonly string[];
  readonly warnings?: readonly string[];
  /** Side effects beyond the config change. */
  readonly effects?: readonly HealthRepairEffect[];
}

/**
 * Which findings or paths a run is limited to.
 *
 * @example
 * ```ts
 * const scope: HealthCheckScope = { paths: ["channels.my-chat"] };
 * ```
 */
export interface HealthCheckScope {
  readonly findings?: readonly HealthFinding[];
  readonly paths?: readonly string[];
  readonly ocPaths?: readonly string[];
}

/**
 * A health check: `detect` returns findings; `repair` (optional) fixes them.
 *
 * @example
 * ```ts
 * const check: HealthCheck = {
 *   id: "my-chat/token", kind: "plugin", description: "My Chat has a token",
 *   detect: async (ctx) => (ctx.cfg.channels?.["my-chat"]?.token ? [] : [{ checkId: "my-chat/token", severity: "error", message: "token missing" }]),
 * };
 * ```
 */
export interface HealthCheck {
  readonly id: string;
  readonly kind: "core" | "plugin";
  readonly description: string;
  readonly source?: string;
  detect(ctx: HealthCheckContext, scope?: HealthCheckScope): Promise<readonly HealthFinding[]>;
  repair?(ctx: HealthRepairContext, findings: readonly HealthFinding[]): Promise<HealthRepairResult>;
}

const REGISTRY_KEY = Symbol.for("openclaw.plugin-sdk.healthChecks");
const registry: Map<string, HealthCheck> = ((globalThis as Record<symbol, Map<string, HealthCheck> | undefined>)[REGISTRY_KEY] ??= new Map());

/**
 * Registers a check for `openclaw doctor`. Registering the same object again is a no-op; a different check with a
 * taken id is an error naming the id.
 *
 * @example
 * ```ts
 * registerHealthCheck(check);
 * ```
 */
export function registerHealthCheck(check: HealthCheck): void {
  if (typeof check?.id !== "string" || check.id.trim() === "" || typeof check.detect !== "function") {
    throw new TypeError("registerHealthCheck: a check needs a non-empty id and a detect(ctx) function.");
  }
  const existing = registry.get(check.id);
  if (existing && existing !== check) throw new Error(`registerHealthCheck: a different check is already registered as "${check.id}".`);
  registry.set(check.id, check);
}

/**
 * Every registered check, in registration order.
 *
 * @example
 * ```ts
 * listHealthChecks().map((check) => check.id);
 * ```
 */
export function listHealthChecks(): readonly HealthCheck[] {
  return [...registry.values()];
}

/**
 * The check registered as `id`.
 *
 * @example
 * ```ts
 * getHealthCheck("my-chat/token");
 * ```
 */
export function getHealthCheck(id: string): HealthCheck | undefined {
  return registry.get(id);
}

const RANK: Record<HealthFindingSeverity, number> = { info: 0, warning: 1, error: 2 };

/**
 * A severity from user input (`"warn"` is accepted for `"warning"`), or `null`.
 *
 * @example
 * ```ts
 * parseHealthFindingSeverity("WARN"); // "warning"
 * ```
 */
export function parseHealthFindingSeverity(input: string | undefined): HealthFindingSeverity | null {
  const value = input?.trim().toLowerCase();
  if (value === "warn") return "warning";
  return value === "info" || value === "warning" || value === "error" ? value : null;
}

/**
 * True when the finding is at least `severityMin`.
 *
 * @example
 * ```ts
 * healthFindingMeetsSeverity({ severity: "error" }, "warning"); // true
 * ```
 */
export function healthFindingMeetsSeverity(finding: Pick<HealthFinding, "severity">, severityMin: HealthFindingSeverity): boolean {
  return RANK[finding.severity] >= RANK[severityMin];
}

/**
 * `1` when any finding meets `severityMin` (default `"error"`), else `0`.
 *
 * @example
 * ```ts
 * process.exitCode = exitCodeFromFindings(findings);
 * ```
 */
export function exitCodeFromFindings(findings: readonly HealthFinding[], severityMin: HealthFindingSeverity = "error"): 0 | 1 {
  return findings.some((finding) => healthFindingMeetsSeverity(finding, severityMin)) ? 1 : 0;
}
