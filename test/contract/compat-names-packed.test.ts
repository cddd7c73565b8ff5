/**
 * Names real plugins import from existing subpaths, through the built package (each case in its own process):
 * the apify tool plugin failed at import with `(0, _core.stringEnum) is not a function`.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, lastJsonLine, runIsolatedModule } from "../hostile/isolated.js";

function run<T>(source: string): T {
  const result = runIsolatedModule(source, { timeoutMs: 20_000 });
  expect(result.timedOut, result.stderr).toBe(false);
  expect(result.status, result.stderr).toBe(0);
  return lastJsonLine<T>(result);
}

describe("compat names through the public package", () => {
  beforeAll(() => ensureBuilt());

  it("core: stringEnum and readStringParam work as a tool plugin uses them", () => {
    const out = run<Record<string, unknown>>(`
      import { jsonResult, readStringParam, stringEnum } from "openclaw/plugin-sdk/core";
      const schema = { type: "object", properties: { action: stringEnum(["discover", "start"], { description: "what" }) } };
      let error = "";
      try { readStringParam({}, "runId", { required: true }); } catch (e) { error = e.message; }
      console.log(JSON.stringify({ schema, action: readStringParam({ action: " start " }, "action"), error, result: jsonResult({ ok: true }).content[0].type }));
    `);
    expect(out).toEqual({
      schema: { type: "object", properties: { action: { type: "string", enum: ["discover", "start"], description: "what" } } },
      action: "start",
      error: "runId required",
      result: "text",
    });
  });

  it("setup, channel-core and channel-config-schema helpers", () => {
    const out = run<Record<string, unknown>>(`
      import { applySetupAccountConfigPatch, createPatchedAccountSetupAdapter, hasConfiguredSecretInput } from "openclaw/plugin-sdk/setup";
      import { buildChannelOutboundSessionRoute, buildThreadAwareOutboundSessionRoute, createChannelPluginBase } from "openclaw/plugin-sdk/channel-core";
      import { requireOpenAllowFrom, DmPolicySchema, AllowFromListSchema } from "openclaw/plugin-sdk/channel-config-schema";
      import { createClackPrompter } from "openclaw/plugin-sdk/setup-runtime";
      import { z } from "zod";
      const patched = applySetupAccountConfigPatch({ cfg: {}, channelKey: "chat", accountId: "work", patch: { token: "t" } });
      const adapter = createPatchedAccountSetupAdapter({ channelKey: "chat", buildPatch: (i) => ({ token: i.token }) });
      const route = buildChannelOutboundSessionRoute({ cfg: {}, agentId: "main", channel: "chat", peer: { kind: "group", id: "g" }, chatType: "group", from: "bot", to: "g" });
      const schema = z.object({ dmPolicy: DmPolicySchema, allowFrom: AllowFromListSchema.optional() }).superRefine((v, ctx) =>
        requireOpenAllowFrom({ policy: v.dmPolicy, allowFrom: v.allowFrom, ctx, path: ["allowFrom"], message: "needs *" }));
      console.log(JSON.stringify({
        patched,
        viaAdapter: adapter.applyAccountConfig({ cfg: {}, accountId: "default", input: { token: "d" } }),
        secret: [hasConfiguredSecretInput("x"), hasConfiguredSecretInput({ source: "env", id: "T" }), hasConfiguredSecretInput("")],
        thread: buildThreadAwareOutboundSessionRoute({ route, replyToId: "7" }).sessionKey,
        base: createChannelPluginBase({ id: "chat" }).meta,
        open: schema.safeParse({ dmPolicy: "open" }).success,
        prompter: typeof createClackPrompter().text,
      }));
    `);
    expect(out).toEqual({
      patched: { channels: { chat: { enabled: true, accounts: { work: { token: "t", enabled: true } } } } },
      viaAdapter: { channels: { chat: { token: "d", enabled: true } } },
      secret: [true, true, false],
      thread: "agent:main:chat:group:g:thread:7",
      base: { id: "chat", label: "chat" },
      open: false,
      prompter: "function",
    });
  });

  it("plugin-test-runtime: a jsonSchema-only config schema and api.runtime as plugins call it", () => {
    const out = run<Record<string, unknown>>(`
      import { definePluginEntry } from "openclaw/plugin-sdk/plugin-entry";
      import { createHostRuntime, loadPluginForTest } from "openclaw/plugin-sdk/plugin-test-runtime";
      const entry = definePluginEntry({
        id: "compat", name: "compat", description: "d",
        configSchema: () => ({ jsonSchema: { type: "object", properties: { label: { type: "string", default: "x" } } } }),
        async register(api) {
          const cfg = api.runtime.config.loadConfig();
          await api.runtime.config.writeConfigFile({ ...cfg, plugins: { allow: [api.id] } });
          api.runtime.system.enqueueSystemEvent("label " + api.pluginConfig.label, { sessionKey: "agent:main:main" });
        },
      });
      const { runtime, recorder } = createHostRuntime({ config: { channels: {} } });
      const loaded = await loadPluginForTest(entry, { mode: "full", runtime });
      console.log(JSON.stringify({ error: loaded.loadError?.message ?? null, config: runtime.config.current(), events: recorder.drainSystemEvents("agent:main:main") }));
    `);
    expect(out).toEqual({ error: null, config: { channels: {}, plugins: { allow: ["compat"] } }, events: ["label x"] });
  });
});
