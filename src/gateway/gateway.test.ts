import { describe, expect, it } from "vitest";
import {
  channelBlockedPatch,
  channelReadyPatch,
  channelStoppedPatch,
  createConnectedChannelStatusPatch,
  createTransportActivityStatusPatch,
} from "./channel-status-patches.js";
import { ErrorCodes, errorShape } from "./error-codes.js";

describe("channel status patches", () => {
  it("builds ready, blocked and stopped patches with extras laid over", () => {
    const before = Date.now();
    const ready = channelReadyPatch({ mode: "webhook" });
    expect(ready).toMatchObject({ running: true, connected: true, lifecycle: "ready", lastError: null, mode: "webhook" });
    expect(ready.lastConnectedAt).toBeGreaterThanOrEqual(before);
    expect("terminalDisconnect" in ready && ready.terminalDisconnect).toBe(undefined);
    expect(channelReadyPatch({ lastConnectedAt: 5 }).lastConnectedAt).toBe(5);
    expect(channelBlockedPatch("token revoked")).toEqual({ lifecycle: "blocked", terminalDisconnect: true, lastError: "token revoked" });
    expect(channelStoppedPatch({ lastStopAt: 9 })).toEqual({ running: false, connected: false, lifecycle: "stopped", lastStopAt: 9 });
    expect(createConnectedChannelStatusPatch(7)).toEqual({ connected: true, lastConnectedAt: 7, lastEventAt: 7 });
    expect(createTransportActivityStatusPatch(8)).toEqual({ lastTransportActivityAt: 8 });
  });
});

describe("gateway errors", () => {
  it("builds error payloads", () => {
    expect(errorShape(ErrorCodes.INVALID_REQUEST, "id is required")).toEqual({ code: "INVALID_REQUEST", message: "id is required" });
    expect(errorShape(ErrorCodes.UNAVAILABLE, "later", { retryable: true, retryAfterMs: 10 })).toEqual({
      code: "UNAVAILABLE",
      message: "later",
      retryable: true,
      retryAfterMs: 10,
    });
  });
});
