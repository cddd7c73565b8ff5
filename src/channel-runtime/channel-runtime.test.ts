import { describe, expect, it } from "vitest";
import { applyAccountNameToChannelSection, listCombinedAccountIds, resolveMergedAccountConfig } from "./accounts.js";
import { hasControlCommand, resolveCommandAuthorizedFromAuthorizers, resolveControlCommandGate } from "./command-gate.js";
import { applyDirectoryQueryAndLimit, createEmptyChannelDirectoryAdapter, toDirectoryEntries } from "./directory.js";
import { buildAccountScopedDmSecurityPolicy, createScopedAccountConfigAccessors, createScopedDmSecurityResolver } from "./dm-security.js";
import { logInboundDrop, logTypingFailure } from "./inbound-log.js";
import { waitUntilAbort } from "./lifecycle.js";
import { attachChannelToResults, buildChannelSendResult, createEmptyChannelResult } from "./send-result.js";
import { buildBaseAccountStatusSnapshot, buildBaseChannelStatusSummary, formatPairingApproveHint, PAIRING_APPROVED_MESSAGE } from "./status.js";
import { extractToolSend, missingTargetError } from "./tool-send.js";

describe("waitUntilAbort", () => {
  it("resolves after the abort and the cleanup, at once for an aborted signal", async () => {
    const controller = new AbortController();
    const order: string[] = [];
    const waiting = waitUntilAbort(controller.signal, async () => void order.push("cleanup")).then(() => order.push("resolved"));
    await Promise.resolve();
    expect(order).toEqual([]);
    controller.abort();
    await waiting;
    expect(order).toEqual(["cleanup", "resolved"]);
    await expect(waitUntilAbort(AbortSignal.abort())).resolves.toBeUndefined();
    const failing = new AbortController();
    const rejected = waitUntilAbort(failing.signal, () => Promise.reject(new Error("close failed")));
    failing.abort();
    await expect(rejected).rejects.toThrow("close failed");
  });
});

describe("status and pairing", () => {
  it("has the established texts and normalised summaries", () => {
    expect(PAIRING_APPROVED_MESSAGE).toBe("✅ OpenClaw access approved. Send a message to start chatting.");
    expect(formatPairingApproveHint("chat")).toContain("openclaw pairing approve chat <code>");
    expect(buildBaseChannelStatusSummary({ configured: true, running: null }, { mode: "poll" })).toEqual({
      configured: true,
      mode: "poll",
      running: false,
      lastStartAt: null,
      lastStopAt: null,
      lastError: null,
    });
    expect(buildBaseAccountStatusSnapshot({ account: { accountId: "a", name: "A" }, runtime: { running: true, lastError: "x" } })).toMatchObject({
      accountId: "a",
      name: "A",
      enabled: true,
      configured: false,
      running: true,
      lastError: "x",
    });
  });
});

describe("tool sends", () => {
  it("extracts the target of the expected action only", () => {
    expect(extractToolSend({ action: "sendMessage", to: " chat:1 ", threadId: 7, accountId: "w" })).toEqual({
      to: "chat:1",
      accountId: "w",
      threadId: "7",
    });
    expect(extractToolSend({ action: "react", to: "x" })).toBeNull();
    expect(extractToolSend({ action: "post", target: "x" }, "post")).toEqual({ to: "x" });
    expect(extractToolSend({ action: "sendMessage" })).toBeNull();
    expect(missingTargetError("chat", "use chat:<id>").message).toBe("Delivering to chat requires a target (use chat:<id>).");
  });
});

describe("accounts", () => {
  it("combines ids without duplicates and falls back when empty", () => {
    expect(listCombinedAccountIds({ configuredAccountIds: ["a", "b"], additionalAccountIds: ["b", "c"], implicitAccountId: "default" })).toEqual([
      "a",
      "b",
      "c",
      "default",
    ]);
    expect(listCombinedAccountIds({ configuredAccountIds: [], fallbackAccountIdWhenEmpty: "default" })).toEqual(["default"]);
  });

  it("merges an account over the channel section", () => {
    const merged = resolveMergedAccountConfig<{ token?: string; mode?: string; limits?: Record<string, number> }>({
      channelConfig: { token: "base", mode: "poll", limits: { a: 1, b: 2 }, accounts: {} } as never,
      accounts: { Work: { token: "work", limits: { b: 3 } } },
      accountId: "work",
      normalizeAccountId: (id) => id.toLowerCase(),
      nestedObjectKeys: ["limits"],
    });
    expect(merged).toEqual({ token: "work", mode: "poll", limits: { a: 1, b: 3 } });
  });

  it("names the default account on the section and others under accounts, without mutating", () => {
    const cfg = { channels: { chat: { enabled: true } } };
    const named = applyAccountNameToChannelSection({ cfg, channelKey: "chat", accountId: "default", name: " Home " });
    expect(named.channels?.chat).toEqual({ enabled: true, name: "Home" });
    const work = applyAccountNameToChannelSection({ cfg, channelKey: "chat", accountId: "work", name: "Work" });
    expect(work.channels?.chat).toEqual({ enabled: true, accounts: { work: { name: "Work" } } });
    expect(cfg.channels.chat).toEqual({ enabled: true });
  });
});

describe("inbound logging", () => {
  it("logs one format and deduplicates by onceKey", () => {
    const lines: string[] = [];
    const log = (line: string) => void lines.push(line);
    logInboundDrop({ log, channel: "chat", reason: "not allowed", target: "g1", hint: "add to allowFrom" });
    logInboundDrop({ log, channel: "chat", reason: "muted", onceKey: "g1" });
    logInboundDrop({ log, channel: "chat", reason: "muted", onceKey: "g1" });
    logTypingFailure({ log, channel: "chat", action: "stop", error: new Error("429") });
    expect(lines).toEqual([
      "chat: drop not allowed target=g1 (add to allowFrom)",
      "chat: drop muted",
      "chat: typing stop failed: 429",
    ]);
  });
});

describe("directory", () => {
  it("is empty by default and filters by query and limit", async () => {
    const adapter = createEmptyChannelDirectoryAdapter();
    expect(await adapter.self!({ cfg: {} })).toBeNull();
    expect(await adapter.listPeers!({ cfg: {} })).toEqual([]);
    expect(applyDirectoryQueryAndLimit(["Ada", "bob", "adam"], { query: "AD", limit: 1 })).toEqual(["Ada"]);
    expect(toDirectoryEntries("user", ["1"])).toEqual([{ kind: "user", id: "1" }]);
  });
});

describe("send results", () => {
  it("normalises raw results", () => {
    expect(buildChannelSendResult("chat", { ok: false, error: "denied" })).toMatchObject({ channel: "chat", ok: false, messageId: "" });
    expect(buildChannelSendResult("chat", { ok: false, error: "denied" }).error?.message).toBe("denied");
    expect(createEmptyChannelResult("chat", { skipped: true })).toEqual({ skipped: true, channel: "chat", messageId: "" });
    expect(attachChannelToResults("chat", [{ messageId: "1" }])).toEqual([{ messageId: "1", channel: "chat" }]);
  });
});

describe("command gate", () => {
  it("authorizes from configured rules and blocks unauthorized control commands", () => {
    const allowed = { configured: true, allowed: true };
    const denied = { configured: true, allowed: false };
    const unconfigured = { configured: false, allowed: true };
    expect(resolveCommandAuthorizedFromAuthorizers({ useAccessGroups: true, authorizers: [denied, allowed] })).toBe(true);
    expect(resolveCommandAuthorizedFromAuthorizers({ useAccessGroups: true, authorizers: [unconfigured] })).toBe(false);
    expect(resolveCommandAuthorizedFromAuthorizers({ useAccessGroups: false, authorizers: [] })).toBe(true);
    expect(resolveCommandAuthorizedFromAuthorizers({ useAccessGroups: false, authorizers: [], modeWhenAccessGroupsOff: "deny" })).toBe(false);
    expect(resolveControlCommandGate({ useAccessGroups: true, authorizers: [denied], allowTextCommands: true, hasControlCommand: true })).toEqual({
      commandAuthorized: false,
      shouldBlock: true,
    });
    expect(resolveControlCommandGate({ useAccessGroups: true, authorizers: [denied], allowTextCommands: false, hasControlCommand: true }).shouldBlock).toBe(false);
    expect(hasControlCommand("/reset now")).toBe(true);
    expect(hasControlCommand("/stop@bot")).toBe(true);
    expect(hasControlCommand("/weather")).toBe(false);
  });
});

describe("DM security", () => {
  it("scopes paths to the account entry when it lives under accounts", () => {
    const cfg = { channels: { chat: { accounts: { work: { dmPolicy: "allowlist" } } } } };
    const policy = buildAccountScopedDmSecurityPolicy({ cfg, channelKey: "chat", accountId: "work", policy: "allowlist", allowFrom: ["1"] });
    expect(policy).toMatchObject({
      policy: "allowlist",
      allowFrom: ["1"],
      policyPath: "channels.chat.accounts.work.dmPolicy",
      allowFromPath: "channels.chat.accounts.work.",
    });
    expect(buildAccountScopedDmSecurityPolicy({ cfg: {}, channelKey: "chat" })).toMatchObject({ policy: "pairing", allowFromPath: "channels.chat." });
    const resolve = createScopedDmSecurityResolver<{ accountId: string; dm?: string; allow?: string[] }>({
      channelKey: "chat",
      resolvePolicy: (account) => account.dm,
      resolveAllowFrom: (account) => account.allow,
      defaultPolicy: "open",
    });
    expect(resolve({ cfg, account: { accountId: "work", allow: ["7"] } })).toMatchObject({ policy: "open", allowFrom: ["7"] });
  });

  it("builds allow-list accessors from a resolved account", () => {
    const accessors = createScopedAccountConfigAccessors({
      resolveAccount: ({ accountId }) => ({ allow: accountId === "w" ? [1, 2] : null, to: accountId === "w" ? 42 : "" }),
      resolveAllowFrom: (account) => account.allow,
      formatAllowFrom: (list) => list.map((entry) => `id:${entry}`),
      resolveDefaultTo: (account) => account.to,
    });
    expect(accessors.resolveAllowFrom({ cfg: {}, accountId: "w" })).toEqual([1, 2]);
    expect(accessors.resolveAllowFrom({ cfg: {}, accountId: "x" })).toBeUndefined();
    expect(accessors.formatAllowFrom({ cfg: {}, allowFrom: [1] })).toEqual(["id:1"]);
    expect(accessors.resolveDefaultTo?.({ cfg: {}, accountId: "w" })).toBe("42");
    expect(accessors.resolveDefaultTo?.({ cfg: {}, accountId: "x" })).toBeUndefined();
  });
});
