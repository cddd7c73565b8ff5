/**
 * Small helpers that build {@link InstallError}s with the four facts every refusal names: what happened, the source,
 * the rule and the fix.
 */
import { InstallError, type InstallErrorCode, type InstallFailure } from "./installer-api.js";

/**
 * Creates an {@link InstallError} (to `throw`).
 *
 * @example
 * ```ts
 * throw installError("invalid-spec", 'npm spec "demo@^1" is a semver range.', { source: "demo@^1", rule: "npm specs are exact versions or dist-tags", fix: "openclaw plugins install demo@1.2.0" });
 * ```
 */
export function installError(
  code: InstallErrorCode,
  message: string,
  facts: { source?: string | undefined; rule: string; fix: string; pluginId?: string | undefined; details?: Record<string, unknown> },
): InstallError {
  const failure: InstallFailure = { code, message, rule: facts.rule, fix: facts.fix };
  if (facts.source !== undefined) failure.source = facts.source;
  if (facts.pluginId !== undefined) failure.pluginId = facts.pluginId;
  if (facts.details !== undefined) failure.details = facts.details;
  return new InstallError(failure);
}

/**
 * The message of any thrown value, on one line.
 *
 * @example
 * ```ts
 * errorText(new Error("boom")); // "boom"
 * ```
 */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n").filter(Boolean).slice(0, 3).join(" ").slice(0, 600);
}
