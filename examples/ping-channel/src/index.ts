/**
 * Full entry of the ping channel (docs/channel-plugins.md walks through it). Per registration mode,
 * `defineChannelPluginEntry` runs: registerChannel + setRuntime (full, discovery, setup-only, setup-runtime),
 * registerCliMetadata (full, discovery, cli-metadata), registerFull (full, tool-discovery).
 */
import { defineChannelPluginEntry } from "openclaw/plugin-sdk/channel-core";
import { pingChannelPlugin, pingOutbox, readPingSection } from "./channel.js";
import { pingPluginConfigSchema } from "./config.js";
import { pingRuntime } from "./runtime.js";

export default defineChannelPluginEntry({
  id: "ping-channel",
  name: "Ping Channel",
  description: "Example channel plugin: answers ping with a configurable reply.",
  plugin: pingChannelPlugin,
  configSchema: pingPluginConfigSchema,
  setRuntime: pingRuntime.setRuntime,
  registerCliMetadata(api) {
    // No runtime here: cli-metadata builds the CLI's command list without starting the channel.
    api.registerCli(
      ({ program }) => {
        program
          .command("ping-outbox")
          .description("Print messages the ping channel sent")
          .action(() => console.log(JSON.stringify(pingOutbox, null, 2)));
      },
      { descriptors: [{ name: "ping-outbox", description: "Print messages the ping channel sent" }] },
    );
  },
  registerFull(api) {
    // Runtime-only work: api.runtime exists here (full and tool-discovery modes).
    api.on("message_received", async (event, ctx) => {
      if (ctx.channelId !== "ping" || event.content.trim().toLowerCase() !== "ping") return;
      await pingChannelPlugin.outbound!.sendText!({ cfg: api.config, to: event.from, text: api.pluginConfig.reply });
    });
    api.registerGatewayMethod(
      "ping.status",
      ({ respond }) =>
        respond(true, {
          configured: readPingSection(api.config) !== undefined,
          sent: pingOutbox.length,
          runtimeVersion: pingRuntime.getRuntime().version,
        }),
      { scope: "operator.read" },
    );
  },
});
