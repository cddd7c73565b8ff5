/**
 * `defineSetupPluginEntry`: the light setup entry of a channel. Kept apart from `defineChannelPluginEntry` so
 * setup-only subpaths do not pull the config schema builders.
 */

/**
 * The default export of a channel's light `setup-entry.ts`: `{ plugin }` only, no runtime or CLI wiring. The host
 * loads it instead of the full entry when the channel is disabled, unconfigured or deferred.
 *
 * @example
 * ```ts
 * import { defineSetupPluginEntry } from "openclaw/plugin-sdk/channel-core";
 * export default defineSetupPluginEntry(myChannelPlugin);
 * ```
 */
export function defineSetupPluginEntry<TPlugin>(plugin: TPlugin): { plugin: TPlugin } {
  if (typeof plugin !== "object" || plugin === null) {
    throw new TypeError("defineSetupPluginEntry: expected the channel plugin object.");
  }
  return { plugin };
}
