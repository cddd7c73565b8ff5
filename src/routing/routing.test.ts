import { describe, expect, it } from "vitest";
import type { OpenClawConfig } from "../contract/config.js";
import { listBoundAccountIds, resolveAgentRoute, resolveInboundLastRouteSessionKey } from "./resolve-route.js";
import {
  buildAgentSessionKey,
  buildGroupHistoryKey,
  isAcpSessionKey,
  isCronSessionKey,
  isSubagentSessionKey,
  normalizeAgentId,
  normalizeAgentIdStrict,
  parseAgentSessionKey,
  parseThreadSessionSuffix,
  resolveAgentIdFromSessionKey,
  resolveThreadSessionKeys,
} from "./session-key.js";

describe("session keys", () => {
  it("normalises agent ids", () => {
    expect(normalizeAgentId(" Ops ")).toBe("ops");
    expect(normalizeAgentId("A/B c")).toBe("a-b-c");
    expect(normalizeAgentId("")).toBe("main");
    expect(normalizeAgentIdStrict("///")).toEqual({ ok: false, error: "unrepresentable" });
  });

  it("builds direct keys by dm scope and group keys by peer", () => {
    const peer = { kind: "direct" as const, id: "U42" };
    expect(buildAgentSessionKey({ agentId: "Main", channel: "Slack", peer })).toBe("agent:main:main");
    expect(buildAgentSessionKey({ agentId: "main", channel: "slack", peer, dmScope: "per-peer" })).toBe("agent:main:direct:u42");
    expect(buildAgentSessionKey({ agentId: "main", channel: "slack", peer, dmScope: "per-channel-peer" })).toBe("agent:main:slack:direct:u42");
    expect(buildAgentSessionKey({ agentId: "main", channel: "slack", accountId: "Work", peer, dmScope: "per-account-channel-peer" })).toBe(
      "agent:main:slack:work:direct:u42",
    );
    expect(
      buildAgentSessionKey({ agentId: "main", channel: "slack", peer, dmScope: "per-peer", identityLinks: { alice: ["slack:u42"] } }),
    ).toBe("agent:main:direct:alice");
    expect(buildAgentSessionKey({ agentId: "main", channel: "telegram", peer: { kind: "group", id: "-100" } })).toBe("agent:main:telegram:group:-100");
    expect(buildAgentSessionKey({ agentId: "main", channel: "telegram", peer: { kind: "group", id: "-100" }, groupScope: "main" })).toBe("agent:main:main");
    expect(buildGroupHistoryKey({ channel: "Slack", peerKind: "channel", peerId: "C1" })).toBe("slack:default:channel:c1");
  });

  it("parses and classifies keys", () => {
    expect(parseAgentSessionKey("Agent:Ops:subagent:x")).toEqual({ agentId: "ops", rest: "subagent:x" });
    expect(parseAgentSessionKey("agent:ops")).toBeNull();
    expect(parseAgentSessionKey("telegram:1")).toBeNull();
    expect(isSubagentSessionKey("agent:main:subagent:1")).toBe(true);
    expect(isSubagentSessionKey("subagent:1")).toBe(true);
    expect(isSubagentSessionKey("agent:main:main")).toBe(false);
    expect(isAcpSessionKey("acp:1")).toBe(true);
    expect(isCronSessionKey("agent:main:cron:nightly")).toBe(true);
    expect(resolveAgentIdFromSessionKey("agent:ops:main")).toBe("ops");
    expect(resolveAgentIdFromSessionKey("x", "Fallback")).toBe("fallback");
  });

  it("adds and splits thread suffixes", () => {
    const keys = resolveThreadSessionKeys({ baseSessionKey: "agent:main:slack:channel:c1", threadId: "T9", parentSessionKey: "p" });
    expect(keys).toEqual({ sessionKey: "agent:main:slack:channel:c1:thread:t9", parentSessionKey: "p" });
    expect(resolveThreadSessionKeys({ baseSessionKey: "b", threadId: " " })).toEqual({ sessionKey: "b", parentSessionKey: undefined });
    expect(parseThreadSessionSuffix(keys.sessionKey)).toEqual({ baseSessionKey: "agent:main:slack:channel:c1", threadId: "t9" });
    expect(parseThreadSessionSuffix("agent:main:main")).toEqual({ baseSessionKey: "agent:main:main", threadId: undefined });
  });
});

describe("resolveAgentRoute", () => {
  const cfg = {
    agents: { list: [{ id: "main", default: true }, { id: "ops" }, { id: "sales" }, { id: "vip" }] },
    bindings: [
      { agentId: "ops", match: { channel: "slack" } },
      { agentId: "sales", match: { channel: "slack", accountId: "work" } },
      { agentId: "vip", match: { channel: "slack", peer: { kind: "channel", id: "C1" } } },
      { agentId: "ops", match: { channel: "discord", guildId: "G1" } },
    ],
  } as unknown as OpenClawConfig;

  it("prefers peer over account over channel bindings and falls back to the default agent", () => {
    expect(resolveAgentRoute({ cfg, channel: "slack", peer: { kind: "group", id: "c1" } })).toMatchObject({
      agentId: "vip",
      matchedBy: "binding.peer",
      sessionKey: "agent:vip:slack:group:c1",
    });
    expect(resolveAgentRoute({ cfg, channel: "slack", accountId: "Work" })).toMatchObject({ agentId: "sales", matchedBy: "binding.account" });
    expect(resolveAgentRoute({ cfg, channel: "slack" })).toMatchObject({ agentId: "ops", matchedBy: "binding.channel" });
    expect(resolveAgentRoute({ cfg, channel: "discord", guildId: "g1", peer: { kind: "channel", id: "x" } })).toMatchObject({
      agentId: "ops",
      matchedBy: "binding.guild",
    });
    const fallback = resolveAgentRoute({ cfg, channel: "telegram", peer: { kind: "direct", id: "42" } });
    expect(fallback).toMatchObject({ agentId: "main", matchedBy: "default", sessionKey: "agent:main:main", lastRoutePolicy: "main" });
    expect(resolveInboundLastRouteSessionKey({ route: fallback, sessionKey: "agent:main:other" })).toBe("agent:main:main");
  });

  it("matches a thread's parent peer", () => {
    const route = resolveAgentRoute({ cfg, channel: "slack", peer: { kind: "thread", id: "t1" }, parentPeer: { kind: "channel", id: "C1" } });
    expect(route).toMatchObject({ agentId: "vip", matchedBy: "binding.peer.parent" });
  });

  it("names the binding when it points at an unknown agent", () => {
    const bad = { agents: { list: [{ id: "main" }] }, bindings: [{ agentId: "ghost", match: { channel: "x" } }] } as unknown as OpenClawConfig;
    expect(() => resolveAgentRoute({ cfg: bad, channel: "x" })).toThrow(/ghost.*bindings\[\]\.agentId/);
    expect(listBoundAccountIds(cfg, "slack")).toEqual(["work"]);
  });
});
