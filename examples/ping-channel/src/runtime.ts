import { createPluginRuntimeStore, type PluginRuntime } from "openclaw/plugin-sdk/runtime-store";

/**
 * The runtime, stored by `setRuntime` at registration. Keyed by plugin id, so two copies of the SDK in one gateway
 * share the slot. In `setup-only` the stored value is a stand-in whose every read throws a clear error.
 */
export const pingRuntime = createPluginRuntimeStore<PluginRuntime>({
  pluginId: "ping-channel",
  errorMessage: "ping-channel: the runtime is not available (the channel is not running in full mode)",
});
