import { describe, expect, it } from "vitest";
import { createHostRuntime } from "../host/host-runtime.js";
import type { OpenClawConfig } from "../contract/config.js";
import type { OutboundReplyPayload } from "../reply/payload.js";
import { dispatchInboundDirectDmWithRuntime, type FinalizedInboundContext } from "./direct-dm.js";
import { createInboundEnvelopeBuilder, resolveInboundRouteEnvelopeBuilderWithRuntime } from "./inbound-envelope.js";

/** A channel runtime with a real in-memory session store: the gateway functions the helpers call. */
function channelRuntime() {
  const updatedAt = new Map<string, number>();
  const recorded: Array<{ storePath: string; sessionKey: string; ctx: FinalizedInboundContext }> = [];
  const channel = {
    routing: {
      resolveAgentRoute: (p: { channel: string; accountId: string; peer: { id: string | number } }) => ({
        agentId: "main",
        sessionKey: `agent:main:${p.channel}:direct:${String(p.peer.id)}`,
        accountId: p.accountId,
      }),
    },
    session: {
      resolveStorePath: (store: string | undefined, opts: { agentId: string }) => (store ?? "/state/{agentId}.json").replace("{agentId}", opts.agentId),
      readSessionUpdatedAt: (p: { storePath: string; sessionKey: string }) => updatedAt.get(`${p.storePath}|${p.sessionKey}`),
      recordInboundSession: async (p: { storePath: string; sessionKey: string; ctx: FinalizedInboundContext }) => {
        recorded.push(p);
        updatedAt.set(`${p.storePath}|${p.sessionKey}`, Number(p.ctx.Timestamp));
      },
    },
    reply: {
      resolveEnvelopeFormatOptions: () => ({ style: "brackets" }),
      formatAgentEnvelope: (p: { channel: string; from: string; body: string; previousTimestamp?: number; envelope: { style: string } }) =>
        `[${p.channel} ${p.from}${p.previousTimestamp !== undefined ? ` since ${p.previousTimestamp}` : ""}] ${p.body}`,
      finalizeInboundContext: (ctx: Record<string, unknown>) => ({ ...ctx, Finalized: true }),
      dispatchReplyWithBufferedBlockDispatcher: async (p: {
        ctx: FinalizedInboundContext;
        dispatcherOptions: { deliver: (payload: OutboundReplyPayload) => Promise<void> };
      }) => {
        await p.dispatcherOptions.deliver({ text: `echo: ${String(p.ctx.RawBody)}` });
      },
    },
  };
  return { channel, recorded };
}

describe("inbound envelope", () => {
  it("formats with the previous session timestamp once the session exists", () => {
    const { channel } = channelRuntime();
    const { route, buildEnvelope } = resolveInboundRouteEnvelopeBuilderWithRuntime({
      cfg: {},
      channel: "chat",
      accountId: "a1",
      peer: { kind: "direct", id: "u1" },
      runtime: channel,
      sessionStore: "/s/{agentId}.json",
    });
    expect(route.sessionKey).toBe("agent:main:chat:direct:u1");
    expect(buildEnvelope({ channel: "Chat", from: "Ann", body: "hi" })).toEqual({ storePath: "/s/main.json", body: "[Chat Ann] hi" });
    const build = createInboundEnvelopeBuilder({
      cfg: {},
      route,
      resolveStorePath: () => "/x",
      readSessionUpdatedAt: () => 1000,
      resolveEnvelopeFormatOptions: () => ({ style: "b" }),
      formatAgentEnvelope: channel.reply.formatAgentEnvelope,
    });
    expect(build({ channel: "Chat", from: "Ann", body: "again" }).body).toBe("[Chat Ann since 1000] again");
  });
  it("names the missing runtime functions", () => {
    expect(() =>
      resolveInboundRouteEnvelopeBuilderWithRuntime({ cfg: {}, channel: "c", accountId: "a", peer: { kind: "direct", id: 1 }, runtime: { routing: {} } as never }),
    ).toThrow(/runtime\.channel\.routing\.resolveAgentRoute, runtime\.channel\.session\.resolveStorePath/);
  });
});

describe("dispatchInboundDirectDmWithRuntime", () => {
  const base = {
    cfg: { session: { store: "/store/{agentId}.json" } } as OpenClawConfig,
    channel: "chat",
    channelLabel: "Chat",
    accountId: "a1",
    peer: { kind: "direct" as const, id: "u1" },
    senderId: "u1",
    senderAddress: "u1@chat",
    recipientAddress: "bot@chat",
    conversationLabel: "DM with u1",
    messageId: "m1",
  };

  it("routes, records the session and delivers the reply", async () => {
    const { channel, recorded } = channelRuntime();
    const { runtime } = createHostRuntime({ extend: { channel } });
    const delivered: OutboundReplyPayload[] = [];
    const result = await dispatchInboundDirectDmWithRuntime({
      ...base,
      runtime,
      rawBody: "hello",
      timestamp: 5000,
      commandAuthorized: false,
      extraContext: { Custom: 1, Surface: "chat-web" },
      deliver: async (payload) => void delivered.push(payload),
      onRecordError: (err) => { throw err; },
      onDispatchError: (err) => { throw err; },
    });
    expect(result.route).toEqual({ agentId: "main", sessionKey: "agent:main:chat:direct:u1", accountId: "a1" });
    expect(result.storePath).toBe("/store/main.json");
    expect(result.ctxPayload).toMatchObject({
      Body: "[Chat DM with u1] hello",
      RawBody: "hello",
      CommandBody: "hello",
      From: "u1@chat",
      To: "bot@chat",
      ChatType: "direct",
      Provider: "chat",
      Surface: "chat-web",
      OriginatingTo: "u1@chat",
      MessageSid: "m1",
      Custom: 1,
      Finalized: true,
    });
    expect(recorded).toHaveLength(1);
    expect(recorded[0]?.sessionKey).toBe("agent:main:chat:direct:u1");
    expect(delivered).toEqual([{ text: "echo: hello" }]);
    // The session now exists: the next envelope carries the previous timestamp.
    const second = await dispatchInboundDirectDmWithRuntime({
      ...base, runtime, rawBody: "again", messageId: "m2", timestamp: 6000,
      deliver: async () => {}, onRecordError: () => {}, onDispatchError: () => {},
    });
    expect(second.ctxPayload.Body).toBe("[Chat DM with u1 since 5000] again");
  });

  it("reports a failing session record to onRecordError and still replies", async () => {
    const { channel } = channelRuntime();
    channel.session.recordInboundSession = async () => { throw new Error("store locked"); };
    const { runtime } = createHostRuntime({ extend: { channel } });
    const errors: unknown[] = [];
    const delivered: OutboundReplyPayload[] = [];
    await dispatchInboundDirectDmWithRuntime({
      ...base, runtime, rawBody: "x",
      deliver: async (p) => void delivered.push(p), onRecordError: (e) => void errors.push(e), onDispatchError: () => {},
    });
    expect(String(errors[0])).toContain("store locked");
    expect(delivered).toHaveLength(1);
  });

  it("fails clearly when the runtime has no reply dispatcher", async () => {
    const { runtime } = createHostRuntime();
    await expect(
      dispatchInboundDirectDmWithRuntime({ ...base, runtime, rawBody: "x", deliver: async () => {}, onRecordError: () => {}, onDispatchError: () => {} }),
    ).rejects.toThrow("runtime.channel.reply.finalizeInboundContext is missing");
  });
});
