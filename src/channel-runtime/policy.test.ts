import { describe, expect, it } from "vitest";
import { createHybridChannelConfigAdapter, createScopedChannelConfigBase } from "./config-base.js";
import { runStoppablePassiveMonitor } from "./passive-monitor.js";
import { GROUP_POLICY_BLOCKED_LABEL, resolveDefaultGroupPolicy } from "./policy-types.js";

describe("group policy defaults", () => {
  it("uses channels.defaults.groupPolicy when valid, else allowlist", () => {
    expect(resolveDefaultGroupPolicy({ channels: { defaults: { groupPolicy: "open" } } })).toBe("open");
    expect(resolveDefaultGroupPolicy({ channels: { defaults: { groupPolicy: "everyone" } } })).toBe("allowlist");
    expect(resolveDefaultGroupPolicy({})).toBe("allowlist");
    expect(GROUP_POLICY_BLOCKED_LABEL).toBe("group policy blocked");
  });
});

describe("runStoppablePassiveMonitor", () => {
  it("runs until the signal aborts, then stops the monitor", async () => {
    const controller = new AbortController();
    const events: string[] = [];
    const running = runStoppablePassiveMonitor({
      abortSignal: controller.signal,
      start: async () => {
        events.push("start");
        return { stop: async () => void events.push("stop") };
      },
    }).then(() => events.push("done"));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(events).toEqual(["start"]);
    controller.abort();
    await running;
    expect(events).toEqual(["start", "stop", "done"]);
    let stopped = false;
    await runStoppablePassiveMonitor({ abortSignal: AbortSignal.abort(), start: async () => ({ stop: () => void (stopped = true) }) });
    expect(stopped).toBe(true);
  });
});

describe("createScopedChannelConfigBase", () => {
  it("delegates reads and writes the section for enable and delete", () => {
    const base = createScopedChannelConfigBase({
      sectionKey: "chat",
      listAccountIds: (cfg) => Object.keys((cfg.channels?.chat as { accounts?: object } | undefined)?.accounts ?? {}),
      resolveAccount: (_cfg, accountId) => ({ accountId: accountId ?? "default" }),
      defaultAccountId: () => "default",
      clearBaseFields: ["token"],
    });
    const cfg = { channels: { chat: { token: "t", accounts: { work: { enabled: true }, home: {} } } } };
    expect(base.listAccountIds(cfg)).toEqual(["work", "home"]);
    expect(base.resolveAccount(cfg, "work")).toEqual({ accountId: "work" });
    const disabled = base.setAccountEnabled({ cfg, accountId: "work", enabled: false });
    expect((disabled.channels?.chat as { accounts: Record<string, { enabled?: boolean }> }).accounts.work!.enabled).toBe(false);
    const deleted = base.deleteAccount({ cfg, accountId: "home" });
    expect(Object.keys((deleted.channels?.chat as { accounts: object }).accounts)).toEqual(["work"]);
    expect(cfg.channels.chat.accounts.home).toEqual({});
  });
});

describe("createHybridChannelConfigAdapter", () => {
  type Account = { accountId: string; allowFrom?: Array<string | number>; to?: string };
  const read = (cfg: { channels?: Record<string, unknown> }, accountId?: string | null): Account => {
    const section = (cfg.channels?.chat ?? {}) as { allowFrom?: Array<string | number>; to?: string; accounts?: Record<string, Account> };
    const id = accountId ?? "default";
    return id === "default" ? { accountId: id, allowFrom: section.allowFrom, to: section.to } : { accountId: id, ...section.accounts?.[id] };
  };
  const adapter = createHybridChannelConfigAdapter<Account>({
    sectionKey: "chat",
    listAccountIds: (cfg) => ["default", ...Object.keys((cfg.channels?.chat as { accounts?: object } | undefined)?.accounts ?? {})],
    resolveAccount: read,
    defaultAccountId: () => "default",
    clearBaseFields: ["token", "allowFrom"],
    resolveAllowFrom: (account) => account.allowFrom,
    formatAllowFrom: (list) => list.map((entry) => String(entry).trim()),
    resolveDefaultTo: (account) => account.to,
  });
  const cfg = { channels: { chat: { token: "t", allowFrom: [42, " alice "], to: " room-1 ", accounts: { work: { allowFrom: ["bob"] } } } } };

  it("reads the default account at the root and named accounts under accounts", () => {
    expect(adapter.resolveAllowFrom({ cfg })).toEqual([42, " alice "]);
    expect(adapter.resolveAllowFrom({ cfg, accountId: "work" })).toEqual(["bob"]);
    expect(adapter.formatAllowFrom({ cfg, allowFrom: [42, " alice "] })).toEqual(["42", "alice"]);
    expect(adapter.resolveDefaultTo?.({ cfg })).toBe("room-1");
    expect(adapter.resolveDefaultTo?.({ cfg, accountId: "work" })).toBeUndefined();
  });

  it("enables the default account on the root and deletes it by clearing only its base fields", () => {
    const disabled = adapter.setAccountEnabled({ cfg, accountId: "default", enabled: false });
    expect((disabled.channels?.chat as { enabled?: boolean }).enabled).toBe(false);
    const deleted = adapter.deleteAccount({ cfg, accountId: "default" }).channels?.chat as Record<string, unknown>;
    expect(deleted.token).toBeUndefined();
    expect(deleted.allowFrom).toBeUndefined();
    expect(deleted.accounts).toEqual({ work: { allowFrom: ["bob"] } });
    expect(cfg.channels.chat.token).toBe("t");
  });
});
