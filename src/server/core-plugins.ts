/**
 * Core plugins: plugin ids the host treats as part of itself, declared in the config file as
 * `gateway.corePlugins: { required: [ids], optional: [ids] }`. Required ones cannot be disabled; optional ones are
 * toggled by writing `plugins.entries.<id>.enabled` (a pending restart).
 */
import type { CorePluginsResponse, CoreStatusResponse, CoreToggleResponse } from "../management-client/api-types.js";
import { pluginEntry, type ConfigStore } from "./config-store.js";
import type { EventBus } from "./events.js";
import { HttpError } from "./http-error.js";
import type { PluginRuntime } from "./plugin-runtime.js";

function ids(value: unknown): string[] {
  return Array.isArray(value) ? [...new Set(value.filter((entry): entry is string => typeof entry === "string" && entry.length > 0))] : [];
}

/**
 * The declared core plugin ids of a config object.
 *
 * @example
 * ```ts
 * declaredCorePlugins({ gateway: { corePlugins: { required: ["memory-core"], optional: ["voice"] } } }); // { required: ["memory-core"], optional: ["voice"] }
 * ```
 */
export function declaredCorePlugins(raw: Record<string, unknown>): { required: string[]; optional: string[] } {
  const gateway = typeof raw.gateway === "object" && raw.gateway !== null ? (raw.gateway as Record<string, unknown>) : {};
  const core = typeof gateway.corePlugins === "object" && gateway.corePlugins !== null ? (gateway.corePlugins as Record<string, unknown>) : {};
  const required = ids(core.required);
  return { required, optional: ids(core.optional).filter((id) => !required.includes(id)) };
}

/**
 * `GET /api/core/status`.
 *
 * @example
 * ```ts
 * coreStatus(config.raw).available;
 * ```
 */
export function coreStatus(raw: Record<string, unknown>): CoreStatusResponse {
  const { required, optional } = declaredCorePlugins(raw);
  return { available: required.length + optional.length > 0, corePlugins: required, optionalCorePlugins: optional };
}

/**
 * `GET /api/plugins/core`. `enabled` of an optional plugin is its config-driven enablement.
 *
 * @example
 * ```ts
 * corePlugins(config.raw, runtime, (id) => enabledIds.has(id));
 * ```
 */
export function corePlugins(raw: Record<string, unknown>, runtime: PluginRuntime, enabled: (id: string) => boolean): CorePluginsResponse {
  const { required, optional } = declaredCorePlugins(raw);
  return {
    core: required.map((name) => ({ name, loaded: runtime.plugin(name)?.loaded === true, required: true as const })),
    optionalCore: optional.map((name) => ({ name, loaded: runtime.plugin(name)?.loaded === true, required: false as const, enabled: enabled(name) })),
  };
}

/**
 * `POST /api/plugins/core/toggle`: 400 for a required plugin being disabled or an id that is not a declared
 * optional core plugin.
 *
 * @example
 * ```ts
 * await toggleCorePlugin({ name: "voice", enabled: false }, { raw, store, bus, enabled: () => true });
 * ```
 */
export async function toggleCorePlugin(
  body: { name: string; enabled: boolean },
  context: { raw: Record<string, unknown>; store: ConfigStore; bus: EventBus; enabled: (id: string) => boolean },
): Promise<CoreToggleResponse> {
  const { required, optional } = declaredCorePlugins(context.raw);
  if (required.includes(body.name)) {
    if (!body.enabled) throw new HttpError(400, `"${body.name}" is a required core plugin (gateway.corePlugins.required) and cannot be disabled`);
    return { ok: true, requiresRestart: false };
  }
  if (!optional.includes(body.name)) {
    throw new HttpError(400, `"${body.name}" is not an optional core plugin; declared: ${optional.length > 0 ? optional.join(", ") : "none"} (gateway.corePlugins.optional)`);
  }
  if (context.enabled(body.name) === body.enabled) return { ok: true, requiresRestart: false };
  await context.store.update((draft) => {
    pluginEntry(draft, body.name).enabled = body.enabled;
  });
  context.bus.requestRestart(`core plugin ${body.name} ${body.enabled ? "enabled" : "disabled"}`);
  return { ok: true, requiresRestart: true };
}
