/**
 * Example hook-only plugin: everything it does goes through typed `api.on` hooks.
 */
import { buildJsonPluginConfigSchema, definePluginEntry } from "openclaw/plugin-sdk/plugin-entry";

interface ToolGuardConfig {
  deniedTools: string[];
  signature: string;
}

export default definePluginEntry({
  id: "tool-guard",
  name: "Tool Guard",
  description: "Blocks denied tools and adds a signature to outgoing messages.",
  configSchema: buildJsonPluginConfigSchema<ToolGuardConfig>({
    type: "object",
    properties: {
      deniedTools: { type: "array", items: { type: "string" }, default: ["exec"] },
      signature: { type: "string", default: "" },
    },
    additionalProperties: false,
  }),
  register(api) {
    const denied = new Set(api.pluginConfig.deniedTools ?? ["exec"]);

    api.on(
      "before_tool_call",
      (event) =>
        denied.has(event.toolName)
          ? { block: true, blockReason: `${event.toolName} is disabled by the tool-guard plugin` }
          : undefined,
      { priority: 100 },
    );

    api.on("message_sending", (event) => {
      const signature = api.pluginConfig.signature;
      if (!signature || event.content.endsWith(signature)) return undefined;
      return { content: `${event.content}\n\n${signature}` };
    });

    api.on("before_prompt_build", () => ({
      appendSystemContext: `These tools are disabled: ${[...denied].join(", ") || "none"}.`,
    }));
  },
});
