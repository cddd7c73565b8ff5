import { describe, expect, it } from "vitest";
import {
  createDefaultCommandAuthorizationRuntime,
  resolveDirectDmAuthorizationOutcome,
  resolveSenderCommandAuthorizationWithRuntime,
} from "./dm-authorization.js";

describe("DM authorization", () => {
  it("maps policy and allow-list membership to an outcome", () => {
    expect(resolveDirectDmAuthorizationOutcome({ isGroup: false, dmPolicy: "disabled", senderAllowedForCommands: true })).toBe("disabled");
    expect(resolveDirectDmAuthorizationOutcome({ isGroup: false, dmPolicy: "allowlist", senderAllowedForCommands: false })).toBe("unauthorized");
    expect(resolveDirectDmAuthorizationOutcome({ isGroup: false, dmPolicy: "open", senderAllowedForCommands: false })).toBe("allowed");
    expect(resolveDirectDmAuthorizationOutcome({ isGroup: true, dmPolicy: "disabled", senderAllowedForCommands: false })).toBe("allowed");
  });

  it("merges paired senders for DMs and computes command authorization for command texts only", async () => {
    const base = {
      cfg: {},
      isGroup: false,
      dmPolicy: "pairing",
      configuredAllowFrom: ["1"],
      senderId: "2",
      isSenderAllowed: (id: string, list: string[]) => list.includes(id),
      readAllowFromStore: async () => ["2"],
      runtime: createDefaultCommandAuthorizationRuntime(),
    };
    const command = await resolveSenderCommandAuthorizationWithRuntime({ ...base, rawBody: "/reset" });
    expect(command).toEqual({
      shouldComputeAuth: true,
      effectiveAllowFrom: ["1", "2"],
      effectiveGroupAllowFrom: ["1"],
      senderAllowedForCommands: true,
      commandAuthorized: true,
    });
    const chat = await resolveSenderCommandAuthorizationWithRuntime({ ...base, rawBody: "hello" });
    expect(chat.commandAuthorized).toBeUndefined();
    const group = await resolveSenderCommandAuthorizationWithRuntime({ ...base, isGroup: true, rawBody: "/reset" });
    expect(group.senderAllowedForCommands).toBe(false);
    expect(group.commandAuthorized).toBe(false);
  });
});
