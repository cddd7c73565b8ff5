/**
 * `defineChannelPluginEntry` / `defineSetupPluginEntry`: channel plugin entries with the per-mode call table.
 */
import type { ChannelConfigSchema, ChannelPlugin } from "../contract/channel.js";
import type { ResolvedPluginConfigSchema } from "../contract/config-schema.js";
import type { OpenClawPluginApi, OpenClawPluginApiWithRuntime } from "../contract/plugin-api.js";
import type { PluginRegistrationMode } from "../contract/registration-mode.js";
import type { PluginRuntime } from "../contract/runtime.js";
import { definePluginEntry, type DefinedPluginEntry, type PluginConfigSchemaInput } from "./define-plugin-entry.js";

/**
 * One step `defineChannelPluginEntry` may run during registration.
 *
 * @example
 * ```ts
 * const step: ChannelEntryStep = "registerChannel";
 * ```
 */
export type ChannelEntryStep =
  | "registerChannel"
  | "setRuntime"
  | "registerCliMetadata"
  | "registerFull"
  | "registerCapabilities";

/**
 * The steps run per registration mode, in order:
 *
 * | mode | steps |
 * | --- | --- |
 * | full | registerChannel, setRuntime, registerCliMetadata, registerFull, registerCapabilities |
 * | discovery | registerChannel, setRuntime, registerCliMetadata, registerCapabilities |
 * | tool-discovery | registerFull, registerCapabilities |
 * | setup-only, setup-runtime | registerChannel, setRuntime |
 * | cli-metadata | registerCliMetadata |
 *
 * In `setup-only`, `setRuntime` receives the unavailable-runtime stand-in (storing it is fine; reading it throws).
 *
 * @example
 * ```ts
 * CHANNEL_ENTRY_MODE_STEPS["cli-metadata"]; // ["registerCliMetadata"]
 * ```
 */
export const CHANNEL_ENTRY_MODE_STEPS: Readonly<Record<PluginRegistrationMode, readonly ChannelEntryStep[]>> =
  Object.freeze({
    full: Object.freeze(["registerChannel", "setRuntime", "registerCliMetadata", "registerFull", "registerCapabilities"] as const),
    discovery: Object.freeze(["registerChannel", "setRuntime", "registerCliMetadata", "registerCapabilities"] as const),
    "tool-discovery": Object.freeze(["registerFull", "registerCapabilities"] as const),
    "setup-only": Object.freeze(["registerChannel", "setRuntime"] as const),
    "setup-runtime": Object.freeze(["registerChannel", "setRuntime"] as const),
    "cli-metadata": Object.freeze(["registerCliMetadata"] as const),
  });

/**
 * Options of `defineChannelPluginEntry`.
 *
 * @example
 * ```ts
 * declare const plugin: ChannelPlugin;
 * const options: DefineChannelPluginEntryOptions = { id: "my-channel", name: "My Channel", description: "…", plugin };
 * ```
 */
export interface DefineChannelPluginEntryOptions<TPlugin = ChannelPlugin, TConfig = Record<string, unknown>> {
  id: string;
  name: string;
  description: string;
  plugin: TPlugin;
  configSchema?: PluginConfigSchemaInput<TConfig>;
  /** Receives `api.runtime` (usually stored with `createPluginRuntimeStore`). Skipped in cli-metadata and tool-discovery. */
  setRuntime?: (runtime: PluginRuntime) => void;
  /** CLI descriptors; runs in full, discovery and cli-metadata (no runtime in cli-metadata). */
  registerCliMetadata?: (api: OpenClawPluginApi<TConfig>) => void | Promise<void>;
  /** Heavy runtime-only registrations; runs in full and tool-discovery (runtime available). */
  registerFull?: (api: OpenClawPluginApiWithRuntime<TConfig>) => void | Promise<void>;
  /** Capability registrations; runs in full, discovery and tool-discovery (runtime available). */
  registerCapabilities?: (api: OpenClawPluginApiWithRuntime<TConfig>) => void | Promise<void>;
}

/**
 * A channel entry's config schema: the resolved plugin config schema (`safeParse`, `jsonSchema`) that also reads as
 * a `ChannelConfigSchema` (`schema` is the same JSON Schema, `runtime.safeParse` the same validator).
 *
 * @example
 * ```ts
 * declare const schema: ChannelEntryConfigSchema;
 * schema.schema === schema.jsonSchema; // true
 * ```
 */
export type ChannelEntryConfigSchema<TConfig = Record<string, unknown>> = ResolvedPluginConfigSchema<TConfig> &
  ChannelConfigSchema;

function toChannelEntryConfigSchema<TConfig>(resolved: ResolvedPluginConfigSchema<TConfig>): ChannelEntryConfigSchema<TConfig> {
  const safeParse = (value: unknown) => resolved.safeParse(value);
  return {
    ...resolved,
    safeParse,
    ...(typeof resolved.parse === "function" ? { parse: resolved.parse.bind(resolved) } : {}),
    ...(typeof resolved.validate === "function" ? { validate: resolved.validate.bind(resolved) } : {}),
    jsonSchema: resolved.jsonSchema,
    schema: resolved.jsonSchema,
    runtime: { safeParse },
  };
}

/**
 * The entry `defineChannelPluginEntry` returns.
 *
 * @example
 * ```ts
 * declare const entry: DefinedChannelPluginEntry;
 * entry.channelPlugin.id;
 * ```
 */
export interface DefinedChannelPluginEntry<TPlugin = ChannelPlugin, TConfig = Record<string, unknown>>
  extends Omit<DefinedPluginEntry<TConfig>, "configSchema"> {
  readonly name: string;
  readonly description: string;
  /** The plugin config schema, also in the channel schema shape (`schema`, `runtime`), so it fits either reader. */
  readonly configSchema: ChannelEntryConfigSchema<TConfig>;
  readonly channelPlugin: TPlugin;
  readonly setChannelRuntime?: (runtime: PluginRuntime) => void;
}

/**
 * Defines a channel plugin entry: registers the channel and runs the optional hooks per registration mode
 * (see `CHANNEL_ENTRY_MODE_STEPS`). An unknown mode throws an error naming it. When a step returns a
 * promise, later steps wait for it and `register` returns a promise.
 *
 * @example
 * ```ts
 * import { defineChannelPluginEntry } from "openclaw/plugin-sdk/channel-core";
 *
 * export default defineChannelPluginEntry({
 *   id: "my-channel",
 *   name: "My Channel",
 *   description: "Chat over My Channel",
 *   plugin: myChannelPlugin,
 *   setRuntime,
 *   registerCliMetadata(api) {
 *     api.registerCli(({ program }) => { program.command("my-channel"); }, { descriptors: [{ name: "my-channel", description: "My Channel tools" }] });
 *   },
 *   registerFull(api) {
 *     api.registerGatewayMethod("my-channel.status", ({ respond }) => respond(true, { ok: true }));
 *   },
 * });
 * ```
 */
export function defineChannelPluginEntry<TPlugin = ChannelPlugin, TConfig = Record<string, unknown>>(
  options: DefineChannelPluginEntryOptions<TPlugin, TConfig>,
): DefinedChannelPluginEntry<TPlugin, TConfig> {
  if (typeof options !== "object" || options === null) {
    throw new TypeError("defineChannelPluginEntry: expected an options object { id, name, description, plugin }.");
  }
  const { plugin, setRuntime, registerCliMetadata, registerFull, registerCapabilities, ...base } = options;
  if (typeof plugin !== "object" || plugin === null) {
    throw new TypeError(`defineChannelPluginEntry("${String(options.id)}"): "plugin" must be a ChannelPlugin object.`);
  }
  const runStep = (step: ChannelEntryStep, api: OpenClawPluginApi<TConfig>): void | Promise<void> => {
    switch (step) {
      case "registerChannel":
        // `TPlugin` is unconstrained (as in the established entry) so plugin objects typed against older contracts
        // compile; the host checks the object's shape when the channel registers.
        return api.registerChannel({ plugin: plugin as unknown as ChannelPlugin });
      case "setRuntime":
        return setRuntime?.(api.runtime);
      case "registerCliMetadata":
        return registerCliMetadata?.(api);
      case "registerFull":
        return registerFull?.(api as OpenClawPluginApiWithRuntime<TConfig>);
      case "registerCapabilities":
        return registerCapabilities?.(api as OpenClawPluginApiWithRuntime<TConfig>);
    }
  };
  const entry = definePluginEntry<TConfig>({
    ...base,
    register(api) {
      const steps = CHANNEL_ENTRY_MODE_STEPS[api.registrationMode];
      if (!steps) {
        throw new Error(
          `plugin "${options.id}": unknown registration mode ${JSON.stringify(api.registrationMode)}; expected one of ${Object.keys(CHANNEL_ENTRY_MODE_STEPS).join(", ")}.`,
        );
      }
      for (let index = 0; index < steps.length; index += 1) {
        const result = runStep(steps[index]!, api);
        if (result && typeof (result as Promise<void>).then === "function") {
          const remaining = steps.slice(index + 1);
          return (async () => {
            await result;
            for (const step of remaining) await runStep(step, api);
          })();
        }
      }
      return undefined;
    },
  });
  const pluginSchema = Object.getOwnPropertyDescriptor(entry, "configSchema")!;
  let channelSchema: ChannelEntryConfigSchema<TConfig> | undefined;
  Object.defineProperty(entry, "configSchema", {
    enumerable: true,
    configurable: true,
    get: () => (channelSchema ??= toChannelEntryConfigSchema(pluginSchema.get!.call(entry) as ResolvedPluginConfigSchema<TConfig>)),
  });
  Object.defineProperty(entry, "channelPlugin", { value: plugin, enumerable: true });
  if (setRuntime) Object.defineProperty(entry, "setChannelRuntime", { value: setRuntime, enumerable: true });
  return entry as DefinedChannelPluginEntry<TPlugin, TConfig>;
}

export { defineSetupPluginEntry } from "./define-setup-plugin-entry.js";
