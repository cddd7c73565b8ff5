/**
 * `definePluginEntry`: the default export of provider, tool, hook and other non-channel plugins.
 */
import type { OpenClawPluginApi } from "../contract/plugin-api.js";
import type { OpenClawPluginConfigSchema, ResolvedPluginConfigSchema } from "../contract/config-schema.js";
import type { OpenClawPluginDefinition, PluginKind } from "../contract/plugin-definition.js";
import { emptyPluginConfigSchema } from "./config-schema.js";
import { completePluginConfigSchema } from "./complete-config-schema.js";

/**
 * A config schema, or a factory that builds it on first use.
 *
 * @example
 * ```ts
 * const lazy: PluginConfigSchemaInput<{ a: string }> = () => buildJsonPluginConfigSchema({ type: "object" });
 * ```
 */
export type PluginConfigSchemaInput<TConfig> =
  | OpenClawPluginConfigSchema<TConfig>
  | (() => OpenClawPluginConfigSchema<TConfig>);

/**
 * Options of `definePluginEntry`.
 *
 * @example
 * ```ts
 * const options: DefinePluginEntryOptions = { id: "demo", name: "Demo", description: "Demo", register() {} };
 * ```
 */
export interface DefinePluginEntryOptions<TConfig = Record<string, unknown>> {
  /** Must equal the manifest `id` (a mismatch is a load error). */
  id: string;
  name: string;
  description: string;
  version?: string;
  /** @deprecated Declare `kind` in `openclaw.plugin.json`. Removal not before 2027-06-30. */
  kind?: PluginKind;
  /** Defaults to `emptyPluginConfigSchema`. A function is a factory, called at most once, on first use. */
  configSchema?: PluginConfigSchemaInput<TConfig>;
  register(api: OpenClawPluginApi<TConfig>): void | Promise<void>;
  reload?(api: OpenClawPluginApi<TConfig>): void | Promise<void>;
}

/**
 * The entry object `definePluginEntry` returns: `configSchema` is always present (resolved lazily).
 *
 * @example
 * ```ts
 * declare const entry: DefinedPluginEntry;
 * entry.configSchema.safeParse({});
 * ```
 */
export interface DefinedPluginEntry<TConfig = Record<string, unknown>> extends OpenClawPluginDefinition<TConfig> {
  readonly configSchema: ResolvedPluginConfigSchema<TConfig>;
}

/**
 * Defines the plugin entry object (the module's default export). Returns a fresh object; `configSchema` defaults
 * to the empty schema, and a factory is called lazily, at most once, on first read. The config type flows from
 * `configSchema` into `api.pluginConfig`. Throws a `TypeError` at definition time for a missing `id` or
 * `register`; everything else (id vs manifest, config) is checked by the loader.
 *
 * @example
 * ```ts
 * import { definePluginEntry } from "openclaw/plugin-sdk/plugin-entry";
 *
 * export default definePluginEntry({
 *   id: "my-plugin",
 *   name: "My Plugin",
 *   description: "Adds a greeting hook",
 *   register(api) {
 *     api.on("session_start", (event) => api.logger.info(`session ${event.sessionId} started`));
 *   },
 * });
 * ```
 */
export function definePluginEntry<TConfig = Record<string, unknown>>(
  options: DefinePluginEntryOptions<TConfig>,
): DefinedPluginEntry<TConfig> {
  if (typeof options !== "object" || options === null) {
    throw new TypeError("definePluginEntry: expected an options object { id, name, description, register }.");
  }
  if (typeof options.id !== "string" || options.id.trim() === "") {
    throw new TypeError(
      `definePluginEntry: "id" must be a non-empty string equal to the manifest id (got ${JSON.stringify(options.id)}).`,
    );
  }
  if (typeof options.register !== "function") {
    throw new TypeError(`definePluginEntry("${options.id}"): "register" must be a function (api) => void.`);
  }
  const { configSchema: input, ...rest } = options;
  if (input !== undefined && typeof input !== "function" && (typeof input !== "object" || input === null)) {
    throw new TypeError(
      `definePluginEntry("${options.id}"): "configSchema" must be a config schema object or a function returning one.`,
    );
  }
  let resolved: ResolvedPluginConfigSchema<TConfig> | undefined;
  const entry = { ...rest } as DefinedPluginEntry<TConfig>;
  Object.defineProperty(entry, "configSchema", {
    enumerable: true,
    configurable: true,
    get(): ResolvedPluginConfigSchema<TConfig> {
      if (resolved === undefined) {
        const value = typeof input === "function" ? input() : input;
        if (value === undefined) {
          resolved = emptyPluginConfigSchema() as unknown as ResolvedPluginConfigSchema<TConfig>;
        } else {
          resolved = completePluginConfigSchema(value as OpenClawPluginConfigSchema<TConfig>, `plugin "${options.id}": configSchema`);
        }
      }
      return resolved;
    },
  });
  return entry;
}
