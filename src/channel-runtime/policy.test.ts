import { describe, expect, it } from "vitest";
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

import { createScopedChannelConfigBase } from "./config-base.js";

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
