/**
 * Bundled-style channel entries: the entry names the plugin object (and optional runtime setter, outbound adapter,
 * secrets) by module specifier relative to the entry file, and loads each one synchronously only when a registration
 * mode needs it, so `cli-metadata` and setup loads never import the channel's runtime code.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { ChannelConfigSchema, ChannelOutboundAdapter, ChannelPlugin } from "../contract/channel.js";
import type { OpenClawPluginApi } from "../contract/plugin-api.js";
import { CHANNEL_ENTRY_MODE_STEPS } from "../entry/define-channel-plugin-entry.js";
import { emptyChannelConfigSchema } from "../entry/channel-config-schema.js";

/**
 * One export of a module beside the entry: `specifier` is resolved against the entry's `import.meta.url`; the export
 * is `exportName` (default: `default`).
 *
 * @example
 * ```ts
 * const ref: BundledEntryModuleRef = { specifier: "./src/channel.js", exportName: "myChannelPlugin" };
 * ```
 */
export interface BundledEntryModuleRef {
  specifier: string;
  exportName?: string;
}

/**
 * Optional features of a bundled channel entry.
 *
 * @example
 * ```ts
 * const features: BundledChannelEntryFeatures = { accountInspect: true };
 * ```
 */
export interface BundledChannelEntryFeatures {
  accountInspect?: boolean;
}

/**
 * Optional features of a bundled setup entry.
 *
 * @example
 * ```ts
 * const features: BundledChannelSetupEntryFeatures = { legacySessionSurfaces: true };
 * ```
 */
export interface BundledChannelSetupEntryFeatures {
  legacyStateMigrations?: boolean;
  legacySessionSurfaces?: boolean;
}

/**
 * Options of `defineBundledChannelEntry`.
 *
 * @example
 * ```ts
 * const options: DefineBundledChannelEntryOptions = {
 *   id: "my-chat", name: "My Chat", description: "…", importMetaUrl: import.meta.url,
 *   plugin: { specifier: "./src/channel.js", exportName: "myChatPlugin" },
 * };
 * ```
 */
export interface DefineBundledChannelEntryOptions {
  id: string;
  name: string;
  description: string;
  importMetaUrl: string;
  plugin: BundledEntryModuleRef;
  outbound?: BundledEntryModuleRef;
  secrets?: BundledEntryModuleRef;
  configSchema?: ChannelConfigSchema | (() => ChannelConfigSchema);
  /** A function export that receives `api.runtime` (e.g. a runtime store's `setRuntime`). */
  runtime?: BundledEntryModuleRef;
  accountInspect?: BundledEntryModuleRef;
  features?: BundledChannelEntryFeatures;
  registerCliMetadata?: (api: OpenClawPluginApi) => void;
  registerFull?: (api: OpenClawPluginApi) => void;
  registerCapabilities?: (api: OpenClawPluginApi) => void;
}

/**
 * The entry `defineBundledChannelEntry` returns (export it as the module's default).
 *
 * @example
 * ```ts
 * declare const entry: BundledChannelEntryContract;
 * entry.loadChannelPlugin().id;
 * ```
 */
export interface BundledChannelEntryContract<TPlugin = ChannelPlugin> {
  kind: "bundled-channel-entry";
  id: string;
  name: string;
  description: string;
  configSchema: ChannelConfigSchema;
  features?: BundledChannelEntryFeatures;
  register: (api: OpenClawPluginApi) => void;
  loadChannelPlugin: () => TPlugin;
  loadChannelOutbound?: () => ChannelOutboundAdapter | undefined;
  loadChannelSecrets?: () => unknown;
  loadChannelAccountInspector?: () => unknown;
  setChannelRuntime?: (runtime: unknown) => void;
}

/**
 * Options of `defineBundledChannelSetupEntry`.
 *
 * @example
 * ```ts
 * const options: DefineBundledChannelSetupEntryOptions = { importMetaUrl: import.meta.url, plugin: { specifier: "./src/setup.js" } };
 * ```
 */
export interface DefineBundledChannelSetupEntryOptions {
  importMetaUrl: string;
  plugin: BundledEntryModuleRef;
  secrets?: BundledEntryModuleRef;
  runtime?: BundledEntryModuleRef;
  legacyStateMigrations?: BundledEntryModuleRef;
  legacySessionSurface?: BundledEntryModuleRef;
  registerSetupRuntime?: (api: OpenClawPluginApi) => void;
  features?: BundledChannelSetupEntryFeatures;
}

/**
 * The setup entry `defineBundledChannelSetupEntry` returns (export it as `setup-entry`'s default).
 *
 * @example
 * ```ts
 * declare const setup: BundledChannelSetupEntryContract;
 * setup.loadSetupPlugin();
 * ```
 */
export interface BundledChannelSetupEntryContract<TPlugin = ChannelPlugin> {
  kind: "bundled-channel-setup-entry";
  /** The setup plugin, loaded on first read (what hosts that expect `defineSetupPluginEntry`'s `{ plugin }` use). */
  readonly plugin: TPlugin;
  loadSetupPlugin: () => TPlugin;
  loadSetupSecrets?: () => unknown;
  loadLegacyStateMigrationDetector?: () => unknown;
  loadLegacySessionSurface?: () => unknown;
  setChannelRuntime?: (runtime: unknown) => void;
  registerSetupRuntime?: (api: OpenClawPluginApi) => void;
  features?: BundledChannelSetupEntryFeatures;
}

const requireHere = createRequire(import.meta.url);
let jitiLoader: ((id: string) => unknown) | undefined;

/** TypeScript sources (a plugin run from source) go through jiti, loaded on first use; everything else through require. */
function loadModuleSync(file: string, importMetaUrl: string): unknown {
  if (/\.[cm]?tsx?$/.test(file)) {
    if (!jitiLoader) {
      const { createJiti } = requireHere("jiti") as { createJiti: (url: string, options?: object) => (id: string) => unknown };
      jitiLoader = createJiti(importMetaUrl, { interopDefault: false });
    }
    return jitiLoader(file);
  }
  return createRequire(importMetaUrl)(file);
}

/**
 * Loads one export of a module beside the entry, synchronously. A `.js` specifier whose file is missing falls back to
 * the `.ts` source beside it (plugins run from source). Errors name the entry, the specifier and the missing export.
 *
 * @example
 * ```ts
 * const plugin = loadBundledEntryExportSync<ChannelPlugin>(import.meta.url, { specifier: "./src/channel.js", exportName: "plugin" });
 * ```
 */
export function loadBundledEntryExportSync<T>(importMetaUrl: string, reference: BundledEntryModuleRef): T {
  if (typeof reference?.specifier !== "string" || reference.specifier === "") {
    throw new TypeError(`bundled channel entry ${importMetaUrl}: a module reference needs a non-empty "specifier".`);
  }
  let file = fileURLToPath(new URL(reference.specifier, importMetaUrl));
  if (!existsSync(file)) {
    const source = file.replace(/\.([cm]?)js$/, ".$1ts");
    if (source !== file && existsSync(source)) file = source;
    else throw new Error(`bundled channel entry ${importMetaUrl}: module "${reference.specifier}" not found (looked for ${file}).`);
  }
  const namespace = loadModuleSync(file, importMetaUrl) as Record<string, unknown>;
  const exportName = reference.exportName ?? "default";
  const value = namespace?.[exportName];
  if (value === undefined) {
    const available = Object.keys(namespace ?? {}).join(", ") || "none";
    throw new Error(
      `bundled channel entry ${importMetaUrl}: module "${reference.specifier}" has no export "${exportName}" (exports: ${available}).`,
    );
  }
  return value as T;
}

function once<T>(load: () => T): () => T {
  let loaded = false;
  let value: T;
  return () => {
    if (!loaded) {
      value = load();
      loaded = true;
    }
    return value;
  };
}

/**
 * Defines a channel entry whose plugin object and runtime setter load lazily from sibling modules. `register(api)`
 * runs the same per-mode steps as `defineChannelPluginEntry` (`CHANNEL_ENTRY_MODE_STEPS`): `registerChannel` loads the
 * plugin and registers it, `setRuntime` loads the `runtime` setter and passes `api.runtime`.
 *
 * @example
 * ```ts
 * export default defineBundledChannelEntry({
 *   id: "my-chat", name: "My Chat", description: "My Chat channel", importMetaUrl: import.meta.url,
 *   plugin: { specifier: "./src/channel.js", exportName: "myChatPlugin" },
 *   runtime: { specifier: "./src/runtime.js", exportName: "setMyChatRuntime" },
 * });
 * ```
 */
export function defineBundledChannelEntry<TPlugin = ChannelPlugin>(
  options: DefineBundledChannelEntryOptions,
): BundledChannelEntryContract<TPlugin> {
  if (typeof options !== "object" || options === null || typeof options.id !== "string" || !options.importMetaUrl) {
    throw new TypeError("defineBundledChannelEntry: expected { id, name, description, importMetaUrl, plugin }.");
  }
  const { importMetaUrl } = options;
  const loadChannelPlugin = once(() => loadBundledEntryExportSync<TPlugin>(importMetaUrl, options.plugin));
  const loadRuntimeSetter = options.runtime
    ? once(() => loadBundledEntryExportSync<(runtime: unknown) => void>(importMetaUrl, options.runtime!))
    : undefined;
  const schema = options.configSchema;
  const configSchema = (typeof schema === "function" ? schema() : schema) ?? emptyChannelConfigSchema();
  const setChannelRuntime = loadRuntimeSetter
    ? (runtime: unknown) => {
        const setter = loadRuntimeSetter();
        if (typeof setter !== "function") {
          throw new TypeError(`plugin "${options.id}": runtime export "${options.runtime!.exportName ?? "default"}" is not a function.`);
        }
        setter(runtime);
      }
    : undefined;
  const entry: BundledChannelEntryContract<TPlugin> = {
    kind: "bundled-channel-entry",
    id: options.id,
    name: options.name,
    description: options.description,
    configSchema,
    ...(options.features ? { features: options.features } : {}),
    loadChannelPlugin,
    register(api) {
      const steps = CHANNEL_ENTRY_MODE_STEPS[api.registrationMode];
      if (!steps) {
        throw new Error(`plugin "${options.id}": unknown registration mode ${JSON.stringify(api.registrationMode)}.`);
      }
      for (const step of steps) {
        if (step === "registerChannel") api.registerChannel({ plugin: loadChannelPlugin() as ChannelPlugin });
        else if (step === "setRuntime") setChannelRuntime?.((api as { runtime?: unknown }).runtime);
        else if (step === "registerCliMetadata") options.registerCliMetadata?.(api);
        else if (step === "registerFull") options.registerFull?.(api);
        else options.registerCapabilities?.(api);
      }
    },
  };
  if (setChannelRuntime) entry.setChannelRuntime = setChannelRuntime;
  if (options.outbound) entry.loadChannelOutbound = once(() => loadBundledEntryExportSync<ChannelOutboundAdapter>(importMetaUrl, options.outbound!));
  if (options.secrets) entry.loadChannelSecrets = once(() => loadBundledEntryExportSync<unknown>(importMetaUrl, options.secrets!));
  if (options.accountInspect) entry.loadChannelAccountInspector = once(() => loadBundledEntryExportSync<unknown>(importMetaUrl, options.accountInspect!));
  return entry;
}

/**
 * Defines the setup-only entry of a bundled-style channel: the setup plugin loads on first use (`loadSetupPlugin()`,
 * or reading `.plugin`).
 *
 * @example
 * ```ts
 * export default defineBundledChannelSetupEntry({
 *   importMetaUrl: import.meta.url,
 *   plugin: { specifier: "./src/channel.setup.js", exportName: "myChatSetupPlugin" },
 * });
 * ```
 */
export function defineBundledChannelSetupEntry<TPlugin = ChannelPlugin>(
  options: DefineBundledChannelSetupEntryOptions,
): BundledChannelSetupEntryContract<TPlugin> {
  if (typeof options !== "object" || options === null || !options.importMetaUrl) {
    throw new TypeError("defineBundledChannelSetupEntry: expected { importMetaUrl, plugin }.");
  }
  const { importMetaUrl } = options;
  const loadSetupPlugin = once(() => loadBundledEntryExportSync<TPlugin>(importMetaUrl, options.plugin));
  const entry = {
    kind: "bundled-channel-setup-entry",
    loadSetupPlugin,
    ...(options.features ? { features: options.features } : {}),
    ...(options.registerSetupRuntime ? { registerSetupRuntime: options.registerSetupRuntime } : {}),
  } as BundledChannelSetupEntryContract<TPlugin>;
  Object.defineProperty(entry, "plugin", { get: loadSetupPlugin, enumerable: true });
  if (options.secrets) entry.loadSetupSecrets = once(() => loadBundledEntryExportSync<unknown>(importMetaUrl, options.secrets!));
  if (options.legacyStateMigrations) {
    entry.loadLegacyStateMigrationDetector = once(() => loadBundledEntryExportSync<unknown>(importMetaUrl, options.legacyStateMigrations!));
  }
  if (options.legacySessionSurface) {
    entry.loadLegacySessionSurface = once(() => loadBundledEntryExportSync<unknown>(importMetaUrl, options.legacySessionSurface!));
  }
  if (options.runtime) {
    const loadSetter = once(() => loadBundledEntryExportSync<(runtime: unknown) => void>(importMetaUrl, options.runtime!));
    entry.setChannelRuntime = (runtime) => loadSetter()(runtime);
  }
  return entry;
}
