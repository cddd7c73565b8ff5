import { describe, expect, it } from "vitest";
import {
  exitCodeFromFindings,
  getHealthCheck,
  healthFindingMeetsSeverity,
  listHealthChecks,
  parseHealthFindingSeverity,
  registerHealthCheck,
  type HealthCheck,
} from "./health-checks.js";

describe("health checks", () => {
  it("registers once per id and rejects a different check under a taken id", async () => {
    const check: HealthCheck = {
      id: "test/token",
      kind: "plugin",
      description: "token present",
      detect: async () => [{ checkId: "test/token", severity: "error", message: "token missing" }],
    };
    registerHealthCheck(check);
    registerHealthCheck(check);
    expect(listHealthChecks().filter((entry) => entry.id === "test/token")).toHaveLength(1);
    expect(getHealthCheck("test/token")).toBe(check);
    expect(() => registerHealthCheck({ ...check })).toThrow('already registered as "test/token"');
    expect(() => registerHealthCheck({ id: "", kind: "plugin", description: "", detect: async () => [] })).toThrow("non-empty id");
    const findings = await check.detect({ mode: "doctor", runtime: { log() {}, error() {}, exit() {} }, cfg: {} });
    expect(exitCodeFromFindings(findings)).toBe(1);
  });

  it("parses and compares severities", () => {
    expect(parseHealthFindingSeverity(" WARN ")).toBe("warning");
    expect(parseHealthFindingSeverity("fatal")).toBeNull();
    expect(healthFindingMeetsSeverity({ severity: "info" }, "warning")).toBe(false);
    expect(exitCodeFromFindings([{ checkId: "x", severity: "warning", message: "m" }])).toBe(0);
    expect(exitCodeFromFindings([{ checkId: "x", severity: "warning", message: "m" }], "warning")).toBe(1);
  });
});
