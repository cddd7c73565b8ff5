import type { PluginRuntime } from "openclaw/plugin-sdk/runtime-store";
import { createPluginRuntimeStore } from "openclaw/plugin-sdk/runtime-store";

/** The runtime, stored at registration (shared across duplicate SDK copies by plugin id). */
export const echoRuntime = createPluginRuntimeStore<PluginRuntime>({
  pluginId: "echo-channel",
  errorMessage: "echo-channel: the runtime is not available (the channel is not running in full mode)",
});
