import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createSubsystemLogger,
  emitDiagnosticEvent,
  isDiagnosticsEnabled,
  onDiagnosticEvent,
  setDiagnosticsEnabledForProcess,
  type DiagnosticEventPayload,
} from "./diagnostic-events.js";

afterEach(() => {
  setDiagnosticsEnabledForProcess(true);
  vi.restoreAllMocks();
});

describe("diagnostic events", () => {
  it("delivers to listeners with a timestamp, isolates failing listeners, and unsubscribes", () => {
    const seen: DiagnosticEventPayload[] = [];
    const offBroken = onDiagnosticEvent(() => {
      throw new Error("observer bug");
    });
    const off = onDiagnosticEvent((event) => void seen.push(event));
    emitDiagnosticEvent({ type: "chat.reconnect", attempt: 2, ts: 7 });
    emitDiagnosticEvent({ type: "chat.other" });
    expect(seen[0]).toEqual({ type: "chat.reconnect", attempt: 2, ts: 7 });
    expect(typeof seen[1]!.ts).toBe("number");
    setDiagnosticsEnabledForProcess(false);
    emitDiagnosticEvent({ type: "chat.muted" });
    off();
    offBroken();
    setDiagnosticsEnabledForProcess(true);
    emitDiagnosticEvent({ type: "chat.after" });
    expect(seen.map((event) => event.type)).toEqual(["chat.reconnect", "chat.other"]);
    expect(isDiagnosticsEnabled({ diagnostics: { enabled: false } })).toBe(false);
    expect(isDiagnosticsEnabled()).toBe(true);
  });

  it("prefixes subsystem log lines and nests children", () => {
    const info = vi.spyOn(console, "info").mockImplementation(() => undefined);
    createSubsystemLogger("chat").child("poller").info("started", { interval: 5 });
    expect(info).toHaveBeenCalledWith('[chat/poller] started {"interval":5}');
  });
});
