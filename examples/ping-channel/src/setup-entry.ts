/**
 * Setup entry (`package.json#openclaw.setupEntry`): the host loads it instead of the full entry in `setup-only` and
 * `setup-runtime` — while the channel is disabled or not configured — so onboarding never loads runtime code.
 */
import { defineSetupPluginEntry } from "openclaw/plugin-sdk/channel-core";
import { pingChannelPlugin } from "./channel.js";

export default defineSetupPluginEntry(pingChannelPlugin);
