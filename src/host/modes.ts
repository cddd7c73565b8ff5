/**
 * Registration-mode rules: which entry the loader imports, which registrations each mode accepts, and in which
 * modes `api.runtime` exists.
 *
 * | mode           | entry                        | accepted registrations                                        | runtime |
 * | -------------- | ---------------------------- | ------------------------------------------------------------- | ------- |
 * | full           | main                         | everything                                                    | yes     |
 * | discovery      | main                         | channels, capabilities, tools, tool metadata, CLI, commands   | yes     |
 * | tool-discovery | main                         | tools, tool metadata, capabilities                            | yes     |
 * | setup-runtime  | setup entry (else main)      | channels, HTTP routes, gateway methods                        | yes     |
 * | setup-only     | setup entry (else main)      | channels                                                      | no      |
 * | cli-metadata   | main                         | CLI registrations                                             | no      |
 *
 * A registration a mode does not accept is not an error: it is skipped and reported as an `info` diagnostic
 * (`registration-skipped-for-mode`) so nothing disappears silently.
 */
import type { PluginRegistrationMode } from "../contract/registration-mode.js";
import { PLUGIN_REGISTRATION_MODES, isRuntimeAvailableInMode } from "../entry/runtime-availability.js";

/**
 * Coarse registration categories the mode rules and shape classifier reason about.
 *
 * @example
 * ```ts
 * const kind: RegistrationCategory = "tool";
 * ```
 */
export type RegistrationCategory =
  | "channel"
  | "capability"
  | "tool"
  | "tool-metadata"
  | "cli"
  | "command"
  | "http-route"
  | "gateway-method"
  | "hook"
  | "service"
  | "workflow";

/**
 * Every registration mode, in the order the reference documents them: the host's name for
 * `PLUGIN_REGISTRATION_MODES` (`src/entry/runtime-availability.ts`), the one list both use.
 *
 * @example
 * ```ts
 * REGISTRATION_MODES.includes("setup-only"); // true
 * ```
 */
export const REGISTRATION_MODES: readonly PluginRegistrationMode[] = PLUGIN_REGISTRATION_MODES;

const ACCEPTED: Record<PluginRegistrationMode, ReadonlySet<RegistrationCategory>> = {
  full: new Set<RegistrationCategory>([
    "channel",
    "capability",
    "tool",
    "tool-metadata",
    "cli",
    "command",
    "http-route",
    "gateway-method",
    "hook",
    "service",
    "workflow",
  ]),
  discovery: new Set<RegistrationCategory>(["channel", "capability", "tool", "tool-metadata", "cli", "command"]),
  "tool-discovery": new Set<RegistrationCategory>(["tool", "tool-metadata", "capability"]),
  "setup-runtime": new Set<RegistrationCategory>(["channel", "http-route", "gateway-method"]),
  "setup-only": new Set<RegistrationCategory>(["channel"]),
  "cli-metadata": new Set<RegistrationCategory>(["cli"]),
};

/**
 * Whether `mode` accepts registrations of `category`.
 *
 * @example
 * ```ts
 * isRegistrationAccepted("setup-only", "service"); // false
 * ```
 */
export function isRegistrationAccepted(mode: PluginRegistrationMode, category: RegistrationCategory): boolean {
  return ACCEPTED[mode].has(category);
}

/**
 * Human summary of what `mode` accepts, for diagnostics.
 *
 * @example
 * ```ts
 * describeAcceptedRegistrations("cli-metadata"); // "cli"
 * ```
 */
export function describeAcceptedRegistrations(mode: PluginRegistrationMode): string {
  return [...ACCEPTED[mode]].join(", ");
}

/**
 * Whether `api.runtime` exists in `mode` (it throws a precise error in `cli-metadata` and `setup-only`).
 *
 * @example
 * ```ts
 * isRuntimeAvailable("cli-metadata"); // false
 * ```
 */
export function isRuntimeAvailable(mode: PluginRegistrationMode): boolean {
  return isRuntimeAvailableInMode(mode);
}

/**
 * Whether the loader should import the plugin's setup entry (when it has one) instead of the main entry.
 *
 * @example
 * ```ts
 * usesSetupEntry("setup-only"); // true
 * ```
 */
export function usesSetupEntry(mode: PluginRegistrationMode): boolean {
  return mode === "setup-only" || mode === "setup-runtime";
}

/**
 * Facts the host knows about a plugin before loading it, used to pick its registration mode.
 *
 * @example
 * ```ts
 * const input: LoadModeInput = { enabled: true, isChannel: true, channelConfigured: false };
 * ```
 */
export interface LoadModeInput {
  /** The plugin is enabled in config. */
  enabled: boolean;
  /** The plugin owns at least one channel (manifest `channels`). */
  isChannel: boolean;
  /** Every channel it owns has a config section (`channels.<id>`). */
  channelConfigured: boolean;
  /** The gateway defers full loading of configured channels until after listen (setup-runtime first). */
  deferFullLoad?: boolean;
}

/**
 * Picks the registration mode the gateway uses at startup: disabled or unconfigured channels load their setup
 * entry only (`setup-only`); deferred configured channels start in `setup-runtime`; everything else is `full`.
 * Disabled non-channel plugins are not loaded at all (`undefined`).
 *
 * @example
 * ```ts
 * resolveStartupMode({ enabled: true, isChannel: true, channelConfigured: false }); // "setup-only"
 * ```
 */
export function resolveStartupMode(input: LoadModeInput): PluginRegistrationMode | undefined {
  if (input.isChannel) {
    if (!input.enabled || !input.channelConfigured) return "setup-only";
    return input.deferFullLoad ? "setup-runtime" : "full";
  }
  return input.enabled ? "full" : undefined;
}
