/**
 * Registration modes. Types only.
 *
 * @packageDocumentation
 */

/**
 * How the host is loading the plugin right now.
 *
 * - `full`: normal gateway start; register everything.
 * - `discovery`: registry snapshot (channel registration, CLI metadata, capabilities) without starting services.
 * - `tool-discovery`: only tool / capability registration, to list what the plugin offers.
 * - `setup-only`: disabled or unconfigured channel; only the channel registration. **No runtime.**
 * - `setup-runtime`: setup flow with a light runtime, before the full entry loads.
 * - `cli-metadata`: root help / CLI descriptor capture. **No runtime.**
 *
 * @example
 * ```ts
 * const mode: PluginRegistrationMode = "setup-runtime";
 * ```
 */
export type PluginRegistrationMode =
  | "full"
  | "discovery"
  | "tool-discovery"
  | "setup-only"
  | "setup-runtime"
  | "cli-metadata";
