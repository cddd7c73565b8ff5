/**
 * Light setup entry: loaded instead of the full entry while the channel is disabled or unconfigured.
 */
import { defineSetupPluginEntry } from "openclaw/plugin-sdk/channel-core";
import { echoChannelPlugin } from "./channel.js";

export default defineSetupPluginEntry(echoChannelPlugin);
