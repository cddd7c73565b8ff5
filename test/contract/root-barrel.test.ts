/**
 * The deprecated root barrel and the narrow subpaths at run time (from src/): the values real plugins import exist
 * and are the same functions on every subpath that re-exports them.
 */
import { describe, expect, it } from "vitest";
import * as root from "../../src/plugin-sdk/index.js";
import * as core from "../../src/plugin-sdk/core.js";
import * as pluginEntry from "../../src/plugin-sdk/plugin-entry.js";
import * as channelCore from "../../src/plugin-sdk/channel-core.js";
import * as setup from "../../src/plugin-sdk/setup.js";
import * as accountId from "../../src/plugin-sdk/account-id.js";
import * as runtimeStore from "../../src/plugin-sdk/runtime-store.js";
import * as toolPlugin from "../../src/plugin-sdk/tool-plugin.js";
import * as channelConfigSchema from "../../src/plugin-sdk/channel-config-schema.js";

describe("values plugins import", () => {
  it("root barrel (12 of 30 plugins import it)", () => {
    for (const name of ["emptyPluginConfigSchema", "definePluginEntry", "defineChannelPluginEntry", "buildChannelConfigSchema", "jsonResult", "createPluginRuntimeStore", "normalizeAccountId"] as const) {
      expect(typeof root[name]).toBe("function");
    }
    expect(root.DEFAULT_ACCOUNT_ID).toBe("default");
    expect(root.emptyPluginConfigSchema).toBe(pluginEntry.emptyPluginConfigSchema);
  });

  it("narrow subpaths share one implementation", () => {
    expect(core.definePluginEntry).toBe(pluginEntry.definePluginEntry);
    expect(core.defineChannelPluginEntry).toBe(channelCore.defineChannelPluginEntry);
    expect(core.defineSetupPluginEntry).toBe(channelCore.defineSetupPluginEntry);
    expect(core.buildChannelConfigSchema).toBe(channelConfigSchema.buildChannelConfigSchema);
    expect(core.setAccountEnabledInConfigSection).toBe(setup.setAccountEnabledInConfigSection);
    expect(core.normalizeAccountId).toBe(accountId.normalizeAccountId);
    expect(core.createPluginRuntimeStore).toBe(runtimeStore.createPluginRuntimeStore);
    expect(core.jsonResult).toBe(toolPlugin.jsonResult);
    expect(typeof channelCore.createChatChannelPlugin).toBe("function");
    expect(typeof setup.createStandardChannelSetupStatus).toBe("function");
  });

  it("exports exactly the documented values of plugin-entry", () => {
    expect(Object.keys(pluginEntry).sort()).toEqual([
      "buildJsonPluginConfigSchema",
      "buildPluginConfigSchema",
      "definePluginEntry",
      "emptyPluginConfigSchema",
      "isPluginRuntimeAvailable",
      "isRuntimeAvailableInMode",
    ]);
  });
});
