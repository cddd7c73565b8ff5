import { describe, expect, it } from "vitest";
import type { OpenClawConfig } from "../contract/config.js";
import {
  addWildcardAllowFrom,
  createPatchedAccountSetupAdapter,
  createStandardChannelSetupStatus,
  deleteAccountFromConfigSection,
  formatCliCommand,
  formatDocsLink,
  mergeAllowFromEntries,
  patchTopLevelChannelConfigSection,
  setAccountEnabledInConfigSection,
  setSetupChannelEnabled,
  splitSetupEntries,
} from "./setup-helpers.js";

const cfg: OpenClawConfig = { channels: { chat: { token: "t", accounts: { work: { token: "w" } } } }, gateway: { port: 1 } };

describe("setup helpers", () => {
  it("formats docs links", () => {
    expect(formatDocsLink("/channels/chat")).toBe("https://docs.openclaw.ai/channels/chat");
    expect(formatDocsLink("channels/chat", "Guide")).toBe("Guide (https://docs.openclaw.ai/channels/chat)");
    expect(formatDocsLink("https://example.test/x")).toBe("https://example.test/x");
    expect(formatDocsLink(undefined)).toBe("https://docs.openclaw.ai");
  });

  it("formats CLI commands", () => {
    expect(formatCliCommand(["channels", "add", "--name", "Work Bot"])).toBe('openclaw channels add --name "Work Bot"');
  });

  it("enables channels and patches sections without mutating the input", () => {
    const snapshot = structuredClone(cfg);
    expect(setSetupChannelEnabled(cfg, "chat", false).channels?.chat?.enabled).toBe(false);
    const patched = patchTopLevelChannelConfigSection({ cfg, channel: "chat", enabled: true, clearFields: ["token"], patch: { mode: "x" } });
    expect(patched.channels?.chat).toEqual({ accounts: { work: { token: "w" } }, mode: "x", enabled: true });
    expect(patched.gateway).toEqual({ port: 1 });
    expect(cfg).toEqual(snapshot);
    expect(setSetupChannelEnabled({}, "new", true)).toEqual({ channels: { new: { enabled: true } } });
  });

  it("enables and deletes accounts", () => {
    expect(setAccountEnabledInConfigSection({ cfg, sectionKey: "chat", accountId: "Work", enabled: false }).channels?.chat?.accounts?.work).toEqual({ token: "w", enabled: false });
    expect(setAccountEnabledInConfigSection({ cfg, sectionKey: "chat", accountId: "default", enabled: false, allowTopLevel: true }).channels?.chat?.enabled).toBe(false);
    const deleted = deleteAccountFromConfigSection({ cfg, sectionKey: "chat", accountId: "work" });
    expect(deleted.channels?.chat).toEqual({ token: "t" });
    expect(deleteAccountFromConfigSection({ cfg, sectionKey: "chat", accountId: "default", clearBaseFields: ["token"] }).channels?.chat).toEqual({ accounts: { work: { token: "w" } } });
  });

  it("handles allow-lists and entries", () => {
    expect(addWildcardAllowFrom(["1", 2])).toEqual(["1", "2", "*"]);
    expect(addWildcardAllowFrom(null)).toEqual(["*"]);
    expect(mergeAllowFromEntries(["a", 1], [" a ", "b", ""])).toEqual(["a", "1", "b"]);
    expect(splitSetupEntries("1, 2;3\n 4 ")).toEqual(["1", "2", "3", "4"]);
  });

  it("builds status blocks", async () => {
    const status = createStandardChannelSetupStatus({
      channelLabel: "Chat",
      configuredLabel: "ready",
      unconfiguredLabel: "needs token",
      unconfiguredHint: "run openclaw channels add",
      resolveConfigured: ({ cfg: c }) => Boolean(c.channels?.chat?.token),
    });
    expect(await status.resolveStatusLine({ cfg })).toBe("Chat: ready");
    expect(await status.resolveStatusLine({ cfg: {} })).toBe("Chat: needs token (run openclaw channels add)");
  });

  it("patches accounts through a setup adapter", () => {
    const adapter = createPatchedAccountSetupAdapter({
      channel: "chat",
      buildPatch: (input) => ({ token: input.token, unused: undefined }),
      validateInput: ({ input }) => (input.token ? null : "token required"),
    });
    expect(adapter.validateInput?.({ cfg, accountId: "x", input: {} })).toBe("token required");
    expect(adapter.resolveAccountId?.({ cfg, accountId: "Team A" })).toBe("team-a");
    const top = adapter.applyAccountConfig({ cfg: {}, accountId: "default", input: { token: "n" } });
    expect(top.channels?.chat).toEqual({ token: "n", enabled: true });
    const named = adapter.applyAccountConfig({ cfg, accountId: "ops", input: { token: "o", name: "Ops" } });
    expect(named.channels?.chat?.accounts?.ops).toEqual({ token: "o", name: "Ops", enabled: true });
  });
});
