/**
 * Reads the static metadata `defineToolPlugin` attaches to an entry (under a `Symbol.for` key, so the CLI's SDK
 * copy reads entries made by the plugin's own SDK copy) and maps it to what `plugins build` writes.
 */
import { getToolPluginMetadata } from "../entry/define-tool-plugin.js";
import type { ToolPluginBuildMetadata } from "./generated-metadata.js";

/**
 * Build metadata of a `defineToolPlugin` entry (or a module namespace whose default is one); `undefined` for any
 * other value.
 *
 * @example
 * ```ts
 * const meta = readToolPluginBuildMetadata((await import("./dist/index.js")).default);
 * meta?.tools; // ["demo_echo"]
 * ```
 */
export function readToolPluginBuildMetadata(entry: unknown): ToolPluginBuildMetadata | undefined {
  const metadata = getToolPluginMetadata(entry);
  if (!metadata) return undefined;
  const out: ToolPluginBuildMetadata = {
    id: metadata.id,
    name: metadata.name,
    description: metadata.description,
    configSchema: { ...metadata.configSchema },
    tools: metadata.tools.map((tool) => tool.name),
  };
  if (metadata.activation) out.activation = { ...(metadata.activation as Record<string, unknown>) };
  return out;
}
