import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { OpenClawConfig } from "../contract/config.js";
import {
  AllowFromListSchema,
  BlockStreamingCoalesceSchema,
  DmPolicySchema,
  requireAllowlistAllowFrom,
  requireOpenAllowFrom,
} from "./channel-config-primitives.js";
import { createChannelPluginBase, createChatChannelPlugin } from "./chat-channel-plugin.js";
import {
  buildChannelOutboundSessionRoute,
  buildThreadAwareOutboundSessionRoute,
  recoverCurrentThreadSessionId,
} from "./outbound-session-route.js";
import { hasConfiguredSecretInput } from "../infra/secret-ref.js";
import { applySetupAccountConfigPatch, createPatchedAccountSetupAdapter } from "./setup-helpers.js";
import { readStringParam } from "../infra/param-readers.js";
import { optionalStringEnum, stringEnum } from "./tool-params.js";

describe("stringEnum", () => {
  it("is a JSON Schema string enum that TypeBox recognises as an Unsafe schema", () => {
    const schema = stringEnum(["discover", "start", "collect"] as const, { description: "What to do" });
    expect(schema).toEqual({ type: "string", enum: ["discover", "start", "collect"], description: "What to do" });
    expect((schema as unknown as Record<symbol, unknown>)[Symbol.for("TypeBox.Kind")]).toBe("Unsafe");
    expect(JSON.parse(JSON.stringify(schema))).toEqual({ type: "string", enum: ["discover", "start", "collect"], description: "What to do" });
    expect((optionalStringEnum(["a"] as const) as unknown as Record<symbol, unknown>)[Symbol.for("TypeBox.Optional")]).toBe("Optional");
  });

  it("rejects empty value lists and a default outside the values", () => {
    expect(() => stringEnum([] as const)).toThrow(/non-empty array of strings/);
    expect(() => stringEnum(["a", "b"] as const, { default: "c" as "a" })).toThrow(/default "c" is not one of/);
  });
});

describe("readStringParam", () => {
  const params = { runId: "  r1 ", empty: "", n: 42, flag: true, obj: { a: 1 } };
  it("reads and trims strings; anything else counts as missing", () => {
    expect(readStringParam(params, "runId")).toBe("r1");
    expect(readStringParam(params, "runId", { trim: false })).toBe("  r1 ");
    expect(readStringParam(params, "n")).toBeUndefined();
    expect(readStringParam(params, "flag")).toBeUndefined();
    expect(readStringParam(params, "missing")).toBeUndefined();
    expect(readStringParam(params, "empty")).toBeUndefined();
    expect(readStringParam(params, "empty", { allowEmpty: true })).toBe("");
  });
  it("names the parameter when it is required and not a usable string", () => {
    expect(() => readStringParam(params, "missing", { required: true })).toThrow("missing required");
    expect(() => readStringParam(params, "empty", { required: true, label: "actorId" })).toThrow("actorId required");
    expect(() => readStringParam(params, "obj", { required: true })).toThrow("obj required");
    expect(readStringParam(params, "obj")).toBeUndefined();
  });
});

describe("hasConfiguredSecretInput", () => {
  it("accepts non-blank strings and SecretRef shapes only", () => {
    expect(hasConfiguredSecretInput("sk-1")).toBe(true);
    expect(hasConfiguredSecretInput("   ")).toBe(false);
    expect(hasConfiguredSecretInput({ source: "env", provider: "default", id: "TOKEN" })).toBe(true);
    expect(hasConfiguredSecretInput({ source: "env", id: "TOKEN" })).toBe(true);
    expect(hasConfiguredSecretInput({ source: "env", id: " " })).toBe(false);
    expect(hasConfiguredSecretInput({ source: "vault", id: "TOKEN" })).toBe(false);
    expect(hasConfiguredSecretInput({ source: "env", provider: "", id: "TOKEN" })).toBe(false);
    expect(hasConfiguredSecretInput(undefined)).toBe(false);
    expect(hasConfiguredSecretInput(["TOKEN"])).toBe(false);
  });
});

describe("outbound session routes", () => {
  const base = { agentId: "Main", channel: "Chat", from: "chat:bot", to: "u1" } as const;
  it("keys direct peers by session.dmScope and groups by channel and kind", () => {
    const direct = (cfg: OpenClawConfig, accountId?: string) =>
      buildChannelOutboundSessionRoute({ ...base, cfg, accountId, peer: { kind: "direct", id: "u1" }, chatType: "direct" }).sessionKey;
    expect(direct({})).toBe("agent:main:main");
    expect(direct({ session: { dmScope: "per-peer" } })).toBe("agent:main:direct:u1");
    expect(direct({ session: { dmScope: "per-channel-peer" } })).toBe("agent:main:chat:direct:u1");
    expect(direct({ session: { dmScope: "per-account-channel-peer" } }, "Work")).toBe("agent:main:chat:work:direct:u1");
    const group = buildChannelOutboundSessionRoute({ ...base, cfg: {}, peer: { kind: "group", id: "g1" }, chatType: "group", threadId: 7 });
    expect(group).toEqual({
      sessionKey: "agent:main:chat:group:g1",
      baseSessionKey: "agent:main:chat:group:g1",
      peer: { kind: "group", id: "g1" },
      chatType: "group",
      from: "chat:bot",
      to: "u1",
      threadId: 7,
    });
    expect(() => buildChannelOutboundSessionRoute({ ...base, cfg: {}, peer: { kind: "group", id: " " }, chatType: "group" })).toThrow(
      /peer.id must be a non-empty string/,
    );
  });

  it("adds a thread suffix from threadId, replyToId or the current thread session", () => {
    const route = buildChannelOutboundSessionRoute({ ...base, cfg: {}, peer: { kind: "channel", id: "c1" }, chatType: "channel" });
    expect(buildThreadAwareOutboundSessionRoute({ route })).toBe(route);
    expect(buildThreadAwareOutboundSessionRoute({ route, replyToId: "171.5" }).sessionKey).toBe("agent:main:chat:channel:c1:thread:171.5");
    expect(buildThreadAwareOutboundSessionRoute({ route, replyToId: "1", threadId: "2" }).threadId).toBe("2");
    expect(buildThreadAwareOutboundSessionRoute({ route, replyToId: "1", threadId: "2", precedence: ["replyToId"] }).threadId).toBe("1");
    const current = `${route.baseSessionKey}:thread:99`;
    expect(recoverCurrentThreadSessionId({ route, currentSessionKey: current })).toBe("99");
    expect(recoverCurrentThreadSessionId({ route, currentSessionKey: "agent:main:chat:channel:other:thread:99" })).toBeUndefined();
    expect(buildThreadAwareOutboundSessionRoute({ route, currentSessionKey: current }).sessionKey).toBe(current);
    expect(buildThreadAwareOutboundSessionRoute({ route, currentSessionKey: current, canRecoverCurrentThread: () => false })).toBe(route);
    const unsuffixed = buildThreadAwareOutboundSessionRoute({ route, threadId: "T", useSuffix: false, normalizeThreadId: (t) => t.toLowerCase() });
    expect(unsuffixed).toMatchObject({ sessionKey: route.baseSessionKey, threadId: "t" });
  });
});

describe("channel plugin base", () => {
  it("completes meta and copies only the surfaces given", () => {
    const base = createChannelPluginBase<{ token: string }>({ id: "chat", capabilities: { chatTypes: ["direct"] }, setup: undefined });
    expect(base).toEqual({ id: "chat", meta: { id: "chat", label: "chat" }, capabilities: { chatTypes: ["direct"] } });
    expect(createChannelPluginBase({ id: "chat", meta: { label: "Chat", blurb: "b" } }).meta).toEqual({ id: "chat", label: "Chat", blurb: "b" });
    expect(() => createChannelPluginBase({ id: "" })).toThrow(/id must be a non-empty channel id/);
    const plugin = createChatChannelPlugin({
      base: { ...base, capabilities: { chatTypes: ["direct"] }, config: { listAccountIds: () => ["default"], resolveAccount: () => ({ token: "" }) } },
    });
    expect(plugin.meta.label).toBe("chat");
  });
  it("stamps the channel id on results of outbound { base, attachedResults }", async () => {
    const base = createChannelPluginBase<{ token: string }>({ id: "chat" });
    const plugin = createChatChannelPlugin({
      base: { ...base, capabilities: { chatTypes: ["direct"] }, config: { listAccountIds: () => ["default"], resolveAccount: () => ({ token: "" }) } },
      outbound: {
        base: { deliveryMode: "direct", textChunkLimit: 2000 },
        attachedResults: { channel: "chat", sendText: async ({ to, text }) => ({ messageId: `${to}:${text.length}` }) },
      },
    });
    expect(plugin.outbound?.deliveryMode).toBe("direct");
    expect(plugin.outbound?.textChunkLimit).toBe(2000);
    expect(plugin.outbound?.sendMedia).toBeUndefined();
    expect(await plugin.outbound?.sendText?.({ cfg: {}, to: "u1", text: "hey" })).toEqual({ messageId: "u1:3", channel: "chat" });
  });
  it("rejects attachedResults without a channel id", () => {
    const base = createChannelPluginBase<{ token: string }>({ id: "chat" });
    expect(() =>
      createChatChannelPlugin({
        base: { ...base, capabilities: { chatTypes: ["direct"] }, config: { listAccountIds: () => [], resolveAccount: () => ({ token: "" }) } },
        outbound: { base: { deliveryMode: "direct" }, attachedResults: { channel: "" } },
      }),
    ).toThrow("outbound.attachedResults.channel must be the channel id");
  });
});

describe("channel config policy checks", () => {
  const schema = z
    .object({ dmPolicy: DmPolicySchema.optional(), allowFrom: AllowFromListSchema.optional() })
    .superRefine((value, ctx) => {
      requireOpenAllowFrom({ policy: value.dmPolicy, allowFrom: value.allowFrom, ctx, path: ["allowFrom"], message: 'open needs "*"' });
      requireAllowlistAllowFrom({ policy: value.dmPolicy, allowFrom: value.allowFrom, ctx, path: ["allowFrom"], message: "allowlist needs entries" });
    });
  it("requires '*' for open DMs and entries for allowlists", () => {
    expect(schema.safeParse({ dmPolicy: "open", allowFrom: ["*"] }).success).toBe(true);
    const open = schema.safeParse({ dmPolicy: "open", allowFrom: ["u1"] });
    expect(open.success ? [] : open.error.issues.map((i) => [i.path, i.message])).toEqual([[["allowFrom"], 'open needs "*"']]);
    const list = schema.safeParse({ dmPolicy: "allowlist" });
    expect(list.success ? [] : list.error.issues.map((i) => i.message)).toEqual(["allowlist needs entries"]);
    expect(schema.safeParse({ dmPolicy: "pairing" }).success).toBe(true);
  });
  it("BlockStreamingCoalesceSchema is strict", () => {
    expect(BlockStreamingCoalesceSchema.safeParse({ minChars: 10, idleMs: 0 }).success).toBe(true);
    expect(BlockStreamingCoalesceSchema.safeParse({ minChars: 10, extra: 1 }).success).toBe(false);
    expect(BlockStreamingCoalesceSchema.safeParse({ maxChars: -1 }).success).toBe(false);
  });
});

describe("setup account patches", () => {
  const cfg: OpenClawConfig = { channels: { chat: { token: "t", accounts: { work: { token: "w" } } } } };
  it("patches the default account at the top level and named accounts under accounts", () => {
    expect(applySetupAccountConfigPatch({ cfg, channelKey: "chat", accountId: "default", patch: { token: "n", skip: undefined } }).channels?.chat).toEqual({
      token: "n",
      enabled: true,
      accounts: { work: { token: "w" } },
    });
    expect(applySetupAccountConfigPatch({ cfg, channelKey: "chat", accountId: "Work", patch: { name: "W" } }).channels?.chat?.accounts).toEqual({
      work: { token: "w", name: "W", enabled: true },
    });
    expect(applySetupAccountConfigPatch({ cfg, channelKey: "chat", accountId: "default", patch: { x: 1 }, alwaysUseAccounts: true }).channels?.chat?.accounts?.default).toEqual({
      x: 1,
      enabled: true,
    });
    expect(cfg.channels?.chat).toEqual({ token: "t", accounts: { work: { token: "w" } } });
    expect(() => applySetupAccountConfigPatch({ cfg, channelKey: "", accountId: "default", patch: {} })).toThrow(/channelKey must be a non-empty string/);
  });

  it("createPatchedAccountSetupAdapter takes channelKey (and the old channel name)", () => {
    const adapter = createPatchedAccountSetupAdapter({ channelKey: "chat", buildPatch: (input) => ({ token: input.token }) });
    expect(adapter.applyAccountConfig({ cfg: {}, accountId: "ops", input: { token: "o", name: "Ops" } }).channels?.chat).toEqual({
      enabled: true,
      accounts: { ops: { token: "o", name: "Ops", enabled: true } },
    });
    const legacy = createPatchedAccountSetupAdapter({ channel: "chat", buildPatch: () => ({ a: 1 }) });
    expect(legacy.applyAccountConfig({ cfg: {}, accountId: "default", input: {} }).channels?.chat).toEqual({ a: 1, enabled: true });
    expect(() => createPatchedAccountSetupAdapter({ buildPatch: () => ({}) })).toThrow(/pass `channelKey`/);
  });
});
