/**
 * Runtime honesty: which registration modes have `api.runtime`, the error thrown when a plugin touches it where
 * it does not exist, and the throwing stand-in the host installs. See docs/runtime-availability.md.
 */
import type { OpenClawPluginApi, OpenClawPluginApiWithRuntime } from "../contract/plugin-api.js";
import type { PluginRegistrationMode } from "../contract/registration-mode.js";
import type { PluginRuntime, RuntimeUnavailableRegistrationMode } from "../contract/runtime.js";

/**
 * Registration modes in which `api.runtime` does not exist.
 *
 * @example
 * ```ts
 * RUNTIME_UNAVAILABLE_MODES.includes("cli-metadata"); // true
 * ```
 */
export const RUNTIME_UNAVAILABLE_MODES: readonly RuntimeUnavailableRegistrationMode[] = Object.freeze([
  "cli-metadata",
  "setup-only",
]);

/**
 * Every registration mode, in the order the docs list them.
 *
 * @example
 * ```ts
 * for (const mode of PLUGIN_REGISTRATION_MODES) console.log(mode);
 * ```
 */
export const PLUGIN_REGISTRATION_MODES: readonly PluginRegistrationMode[] = Object.freeze([
  "full",
  "discovery",
  "tool-discovery",
  "setup-only",
  "setup-runtime",
  "cli-metadata",
]);

/**
 * Whether `api.runtime` exists in `mode`.
 *
 * @example
 * ```ts
 * isRuntimeAvailableInMode("setup-runtime"); // true
 * isRuntimeAvailableInMode("cli-metadata"); // false
 * ```
 */
export function isRuntimeAvailableInMode(mode: PluginRegistrationMode): boolean {
  return !(RUNTIME_UNAVAILABLE_MODES as readonly string[]).includes(mode);
}

/**
 * Type guard: narrows `api` to the variant whose `runtime` is a real `PluginRuntime`.
 *
 * @example
 * ```ts
 * register(api) {
 *   if (isPluginRuntimeAvailable(api)) api.runtime.system.requestHeartbeatNow();
 * }
 * ```
 */
export function isPluginRuntimeAvailable<TConfig>(
  api: OpenClawPluginApi<TConfig>,
): api is OpenClawPluginApiWithRuntime<TConfig> {
  return isRuntimeAvailableInMode(api.registrationMode);
}

const ADVICE: Record<RuntimeUnavailableRegistrationMode, string> = {
  "cli-metadata":
    'This mode only captures CLI descriptors for the root help. Register CLI metadata with api.registerCli(registrar, { descriptors }) and use the runtime inside the command action, or only when api.registrationMode === "full".',
  "setup-only":
    'The channel is disabled or not configured, so only its channel registration runs. Move runtime use into registerFull (defineChannelPluginEntry) or behind api.registrationMode === "full" (or "setup-runtime" for light setup helpers).',
};

/**
 * Thrown when a plugin reads a property of `api.runtime` in a mode without a runtime. `code` is
 * `OPENCLAW_PLUGIN_RUNTIME_UNAVAILABLE`.
 *
 * @example
 * ```ts
 * try { api.runtime.config.current(); } catch (error) {
 *   if (error instanceof PluginRuntimeUnavailableError) api.logger.warn(error.message);
 * }
 * ```
 */
export class PluginRuntimeUnavailableError extends Error {
  readonly code = "OPENCLAW_PLUGIN_RUNTIME_UNAVAILABLE";
  readonly pluginId: string;
  readonly mode: RuntimeUnavailableRegistrationMode;
  readonly property: string;

  constructor(params: { pluginId: string; mode: RuntimeUnavailableRegistrationMode; property: string }) {
    super(
      `plugin "${params.pluginId}": api.runtime is unavailable during "${params.mode}" registration ` +
        `(read of runtime.${params.property}). ${ADVICE[params.mode]}`,
    );
    this.name = "PluginRuntimeUnavailableError";
    this.pluginId = params.pluginId;
    this.mode = params.mode;
    this.property = params.property;
  }
}

/**
 * Options of `createUnavailablePluginRuntime`.
 *
 * @example
 * ```ts
 * const opts: UnavailablePluginRuntimeOptions = { pluginId: "my-plugin", mode: "cli-metadata" };
 * ```
 */
export interface UnavailablePluginRuntimeOptions {
  pluginId: string;
  mode: RuntimeUnavailableRegistrationMode;
}

/**
 * Creates the stand-in the host installs as `api.runtime` in `cli-metadata` / `setup-only`: any read, write,
 * `in` check or key listing of a string property throws `PluginRuntimeUnavailableError`. Symbol reads and
 * `then` return `undefined`, so storing, awaiting or logging the object itself does not throw.
 *
 * @example
 * ```ts
 * const runtime = createUnavailablePluginRuntime({ pluginId: "my-plugin", mode: "cli-metadata" });
 * runtime.config; // throws: plugin "my-plugin": api.runtime is unavailable during "cli-metadata" registration …
 * ```
 */
export function createUnavailablePluginRuntime(options: UnavailablePluginRuntimeOptions): PluginRuntime {
  if (typeof options?.pluginId !== "string" || options.pluginId.trim() === "") {
    throw new TypeError("createUnavailablePluginRuntime: pluginId must be a non-empty string.");
  }
  if (!(RUNTIME_UNAVAILABLE_MODES as readonly string[]).includes(options.mode)) {
    throw new TypeError(
      `createUnavailablePluginRuntime: mode "${String(options.mode)}" has a runtime; only ${RUNTIME_UNAVAILABLE_MODES.join(" and ")} do not.`,
    );
  }
  const fail = (property: string | symbol): never => {
    throw new PluginRuntimeUnavailableError({ pluginId: options.pluginId, mode: options.mode, property: String(property) });
  };
  const target = Object.create(null) as object;
  return new Proxy(target, {
    get(_target, property) {
      if (typeof property === "symbol" || property === "then") return undefined;
      return fail(property);
    },
    has(_target, property) {
      if (typeof property === "symbol") return false;
      return fail(property);
    },
    set(_target, property) {
      return fail(property);
    },
    defineProperty(_target, property) {
      return fail(property);
    },
    deleteProperty(_target, property) {
      return fail(property);
    },
    ownKeys() {
      return fail("<keys>");
    },
    getOwnPropertyDescriptor(_target, property) {
      if (typeof property === "symbol") return undefined;
      return fail(property);
    },
  }) as PluginRuntime;
}
