import { describe, expect, it } from "vitest";
import { maybeResolveTextAlias } from "./text-alias.js";
import { resolveNativeCommandSessionTargets } from "./native-session-targets.js";
import type { OpenClawConfig } from "../contract/config.js";

describe("maybeResolveTextAlias", () => {
  it("returns the lowercased alias of a built-in command, ignoring arguments, mentions and bot suffixes", () => {
    expect(maybeResolveTextAlias("/stop")).toBe("/stop");
    expect(maybeResolveTextAlias("  /Reasoning on")).toBe("/reasoning");
    expect(maybeResolveTextAlias("/think:high")).toBe("/think");
    expect(maybeResolveTextAlias("@bot /new")).toBe("/new");
    expect(maybeResolveTextAlias("/status@my_bot")).toBe("/status");
    expect(maybeResolveTextAlias("/v")).toBe("/v");
  });
  it("returns null for plain text and unknown commands", () => {
    expect(maybeResolveTextAlias("hello /stop")).toBeNull();
    expect(maybeResolveTextAlias("/definitely-not-a-command")).toBeNull();
    expect(maybeResolveTextAlias("")).toBeNull();
    expect(maybeResolveTextAlias("/")).toBeNull();
  });
  it("knows command names configured under commands.aliases and commands.custom", () => {
    const cfg = { commands: { custom: { deploy: {} }, aliases: { "/ship": "/deploy" } } } as unknown as OpenClawConfig;
    expect(maybeResolveTextAlias("/deploy prod", cfg)).toBe("/deploy");
    expect(maybeResolveTextAlias("/ship", cfg)).toBe("/ship");
    expect(maybeResolveTextAlias("/deploy prod")).toBeNull();
  });
});

describe("resolveNativeCommandSessionTargets", () => {
  it("gives the command its own per-user session and targets the conversation session", () => {
    expect(
      resolveNativeCommandSessionTargets({ agentId: "main", sessionPrefix: "dt:stop", userId: "U1", targetSessionKey: "agent:main:main" }),
    ).toEqual({ sessionKey: "agent:main:dt:stop:U1", commandTargetSessionKey: "agent:main:main" });
  });
  it("lowercases the command session for case-insensitive channels", () => {
    expect(
      resolveNativeCommandSessionTargets({ agentId: "main", sessionPrefix: "dt", userId: "U1", targetSessionKey: "T", sessionKeyCase: "lowercase" }).sessionKey,
    ).toBe("agent:main:dt:u1");
  });
  it("uses a bound session for both keys", () => {
    expect(
      resolveNativeCommandSessionTargets({ agentId: "main", sessionPrefix: "dt", userId: "U1", targetSessionKey: "T", boundSessionKey: "agent:x:Bound" }),
    ).toEqual({ sessionKey: "agent:x:Bound", commandTargetSessionKey: "agent:x:Bound" });
  });
});
