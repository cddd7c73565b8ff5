/**
 * CLI backend config resolution: plugin defaults merged under the user's `agents.defaults.cliBackends.<id>`.
 */
import type { CliBackendConfig, OpenClawConfig } from "../contract/config.js";
import type { CliBackendPlugin } from "../contract/plugin-api.js";

/**
 * The effective config of a CLI backend: the plugin's `config` defaults, overridden key by key by the user's
 * `agents.defaults.cliBackends.<id>` (user wins; `env` objects merge, user keys winning; arrays are replaced, not
 * concatenated), then passed through the backend's `normalizeConfig` when present.
 *
 * @example
 * ```ts
 * const effective = resolveCliBackendConfig({
 *   backend: { id: "my-cli", config: { command: "my-cli", args: ["--json"] } },
 *   config: { agents: { defaults: { cliBackends: { "my-cli": { command: "/opt/bin/my-cli" } } } } },
 * });
 * // { command: "/opt/bin/my-cli", args: ["--json"] }
 * ```
 */
export function resolveCliBackendConfig(params: { backend: CliBackendPlugin; config: OpenClawConfig }): CliBackendConfig {
  const { backend } = params;
  if (typeof backend?.id !== "string" || backend.id.trim() === "") {
    throw new TypeError("resolveCliBackendConfig: backend.id must be a non-empty string (it becomes the model-ref prefix, e.g. my-cli/gpt-5).");
  }
  const user = params.config.agents?.defaults?.cliBackends?.[backend.id] ?? {};
  const defaults = backend.config ?? {};
  const merged: CliBackendConfig = { ...defaults, ...user };
  if (defaults.env || user.env) merged.env = { ...(defaults.env ?? {}), ...(user.env ?? {}) };
  return backend.normalizeConfig ? backend.normalizeConfig(merged) : merged;
}

/**
 * Splits a model ref into the CLI backend id (the provider prefix) and the model, or `undefined` when the ref has
 * no prefix.
 *
 * @example
 * ```ts
 * parseCliBackendModelRef("my-cli/gpt-5"); // { backendId: "my-cli", model: "gpt-5" }
 * ```
 */
export function parseCliBackendModelRef(ref: string): { backendId: string; model: string } | undefined {
  const slash = ref.indexOf("/");
  if (slash <= 0 || slash === ref.length - 1) return undefined;
  return { backendId: ref.slice(0, slash), model: ref.slice(slash + 1) };
}
