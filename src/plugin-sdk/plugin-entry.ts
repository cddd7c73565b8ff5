/**
 * Entry helper for provider, tool and hook plugins.
 *
 * @packageDocumentation
 */
export { definePluginEntry } from "../entry/define-plugin-entry.js";
export type { OpenClawPluginDefinition } from "../entry/define-plugin-entry.js";
