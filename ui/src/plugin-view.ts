/**
 * Pure helpers between the API's plugin objects and the page: status badges, the form model of a plugin, the
 * stored config the form starts from, and the `PUT /api/plugins/:id` patch a save sends.
 */
import type { PluginListView, PluginView, RuntimeView } from "./api-shapes.js";
import { buildFormModel, type FormModel, type JsonSchema, type UiHints } from "./form/schema-form.js";
import { configFromParameters, getAtPath } from "./form/form-values.js";
import { isRecord } from "./form/schema-form.js";

export type StatusTone = "ok" | "warn" | "error" | "off";

export interface PluginStatus {
  label: string;
  tone: StatusTone;
  /** One sentence for screen readers and the tooltip. */
  detail: string;
}

/**
 * The status badge of a plugin.
 *
 * @example
 * ```ts
 * pluginStatus({ id: "x", enabled: true, isActive: false, loadError: "boom" }).label; // "Load error"
 * ```
 */
export function pluginStatus(plugin: PluginView, runtime?: RuntimeView): PluginStatus {
  if (plugin.loadError) return { label: "Load error", tone: "error", detail: `Failed to load: ${plugin.loadError}` };
  if (plugin.enabled && plugin.isActive) {
    if (plugin.configured === false) return { label: "Needs configuration", tone: "warn", detail: "Loaded, but a required setting is missing." };
    return { label: "Active", tone: "ok", detail: "Enabled and loaded." };
  }
  if (plugin.enabled && !plugin.isActive) {
    if (runtime?.state === "loading") return { label: "Loading", tone: "warn", detail: "The plugin runtime is loading plugins." };
    return { label: "Restart pending", tone: "warn", detail: "Enabled; it loads when the plugin runtime restarts." };
  }
  if (!plugin.enabled && plugin.isActive) return { label: "Disabling", tone: "warn", detail: "Disabled; it stays loaded until the plugin runtime restarts." };
  return { label: "Disabled", tone: "off", detail: "Disabled in config." };
}

/**
 * The plugin's shape for the list: the host's shape of the loaded plugin (`hook-only`, `plain-capability`, …), with
 * its category when it has one (`memory`, `channel`, `provider`); "shape unknown" when it is not loaded.
 */
export function pluginShape(plugin: PluginView): string {
  const shape = plugin.shape ?? "shape unknown";
  return plugin.category ? `${shape} · ${plugin.category}` : shape;
}

/**
 * The schema and hints a plugin's form is built from: its manifest's `configSchema`/`uiHints` when the server sends
 * them, else a flat schema made from the `parameters` list (key, type, label, description, required, sensitive).
 */
export function formSourceOf(plugin: PluginView): { schema: JsonSchema; hints: UiHints } {
  if (plugin.configSchema && isRecord(plugin.configSchema)) return { schema: plugin.configSchema as JsonSchema, hints: toUiHints(plugin.uiHints) };
  const properties: Record<string, JsonSchema> = {};
  const hints: UiHints = {};
  const required: string[] = [];
  for (const parameter of plugin.parameters ?? []) {
    const property: JsonSchema = {};
    if (parameter.type) property.type = parameter.type;
    if (parameter.defaultValue !== undefined && parameter.defaultValue !== null) property.default = parameter.defaultValue;
    properties[parameter.key] = property;
    if (parameter.required) required.push(parameter.key);
    const hint: UiHints[string] = {};
    if (parameter.label) hint.label = parameter.label;
    if (parameter.description) hint.help = parameter.description;
    if (parameter.sensitive) hint.sensitive = true;
    hints[parameter.key] = hint;
  }
  return { schema: { type: "object", properties, required }, hints };
}

/**
 * Reads `uiHints` as sent: text fields only when they are strings, flags only when they are booleans (a hint of the
 * wrong type is dropped, never shown as `[object Object]`).
 *
 * @example
 * ```ts
 * toUiHints({ apiKey: { label: "API key", sensitive: true, help: 3 } }); // { apiKey: { label: "API key", sensitive: true } }
 * ```
 */
export function toUiHints(raw: unknown): UiHints {
  const hints: UiHints = {};
  if (!isRecord(raw)) return hints;
  for (const [path, value] of Object.entries(raw)) {
    if (!isRecord(value)) continue;
    const hint: UiHints[string] = {};
    for (const key of ["label", "help", "placeholder"] as const) if (typeof value[key] === "string") hint[key] = value[key];
    for (const key of ["sensitive", "advanced"] as const) if (typeof value[key] === "boolean") hint[key] = value[key];
    if (Array.isArray(value.tags)) hint.tags = value.tags.filter((tag): tag is string => typeof tag === "string");
    Object.defineProperty(hints, path, { value: hint, enumerable: true, writable: true, configurable: true });
  }
  return hints;
}

/** The form model of a plugin (sensitive keys reported by the server count even without a hint). */
export function formModelOf(plugin: PluginView): FormModel {
  const { schema, hints } = formSourceOf(plugin);
  const sensitivePaths = (plugin.parameters ?? []).filter((p) => p.sensitive).map((p) => p.key);
  return buildFormModel(schema, hints, { sensitivePaths });
}

/** The stored config (sensitive values masked) the form starts from. */
export function storedConfigOf(plugin: PluginView): Record<string, unknown> {
  if (plugin.config && isRecord(plugin.config)) return plugin.config;
  return configFromParameters(plugin.parameters ?? []);
}

/** True when a value is stored at a (sensitive) path: the field says "stored" without showing anything of it. */
export function isStored(plugin: PluginView, path: string): boolean {
  const parameter = plugin.parameters?.find((p) => p.key === path);
  if (parameter && typeof parameter.isSet === "boolean") return parameter.isSet;
  const value = getAtPath(storedConfigOf(plugin), path);
  return value !== undefined && value !== null && value !== "";
}

/**
 * The `config` of a `PUT /api/plugins/:id`: for every top-level key a changed field lives under, its new value, or
 * `null` to remove it. Untouched keys are not sent (the server keeps them, secrets included).
 *
 * @example
 * ```ts
 * configPatch({ serve: { port: 80, bind: "::" } }, ["serve.port"]); // { serve: { port: 80, bind: "::" } }
 * ```
 */
export function configPatch(config: Record<string, unknown>, changedPaths: readonly string[]): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const path of changedPaths) {
    const top = path.split(".")[0]!;
    Object.defineProperty(patch, top, {
      value: Object.hasOwn(config, top) ? config[top] : null,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return patch;
}

/** Plugins sorted for the list: load errors first, then by name. */
export function sortPlugins(list: PluginListView["plugins"]): PluginView[] {
  return [...list].sort((a, b) => {
    const ea = a.loadError ? 0 : 1;
    const eb = b.loadError ? 0 : 1;
    if (ea !== eb) return ea - eb;
    return (a.name ?? a.id).localeCompare(b.name ?? b.id);
  });
}

/** The install phases the progress bar walks through (the API's order). */
export const INSTALL_PHASES = ["queued", "resolving", "downloading", "validating", "configuring", "restarting", "complete"] as const;

/** Progress 0..1 of an install phase; `failed` keeps the last value (returned as `undefined`). */
export function phaseProgress(phase: string): number | undefined {
  const index = (INSTALL_PHASES as readonly string[]).indexOf(phase);
  if (index === -1) return undefined;
  return index / (INSTALL_PHASES.length - 1);
}

/** A client-side install id the progress endpoint accepts (letters, digits, `-`; ≤ 64). */
export function newInstallId(random: () => number = Math.random): string {
  let id = "ui-";
  for (let i = 0; i < 16; i++) id += Math.floor(random() * 36).toString(36);
  return id;
}
