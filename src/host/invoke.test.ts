import { describe, expect, it } from "vitest";
import type { PluginApprovalResolution } from "../contract/hook-types.js";
import { type HookHandlerEntry, createHookDispatcher } from "../hooks/hook-runner.js";
import { type RegistrationSource, type ToolApprovalRequest, invokeTool } from "./invoke.js";
import type { PluginRegistrations } from "./registry.js";

function toolSource(runs: Array<Record<string, unknown>>): RegistrationSource {
  const tool = {
    name: "exec",
    description: "run a command",
    parameters: {},
    execute: async (_id: string, params: Record<string, unknown>) => {
      runs.push(params);
      return { content: [{ type: "text" as const, text: `ran ${String(params.cmd)}` }] };
    },
  };
  return { registrations: { tools: [{ pluginId: "tools", names: ["exec"], tool }] } as unknown as PluginRegistrations };
}

function approvalRunner(resolutions: PluginApprovalResolution[], extra: Partial<HookHandlerEntry>[] = []) {
  const handlers: HookHandlerEntry[] = [
    {
      pluginId: "asker",
      hookName: "before_tool_call",
      order: 0,
      priority: 10,
      handler: (() => ({
        params: { cmd: "ls --safe" },
        requireApproval: {
          title: "Run command",
          description: "Allow this exec call?",
          severity: "warning",
          onResolution: (decision: PluginApprovalResolution) => {
            resolutions.push(decision);
          },
        },
      })) as HookHandlerEntry["handler"],
    },
    ...extra.map((e, i) => ({ pluginId: `extra${i}`, hookName: "before_tool_call" as const, order: i + 1, handler: () => undefined, ...e })),
  ];
  return createHookDispatcher({ handlers });
}

describe("invokeTool and requireApproval", () => {
  it("does not run the tool when approval is required and no approver is given", async () => {
    const runs: Array<Record<string, unknown>> = [];
    const resolutions: PluginApprovalResolution[] = [];
    const out = await invokeTool(toolSource(runs), "exec", { cmd: "ls" }, { hooks: approvalRunner(resolutions), toolCallId: "c1" });
    expect(runs).toEqual([]);
    expect(out.blocked).toBe(true);
    if (!out.blocked || !out.approval) throw new Error("expected an approval-denied result");
    expect(out.blockedBy).toBe("asker");
    expect(out.reason).toBe('approval required by asker ("Run command") was not granted (deny); pass options.approve to answer approval requests');
    expect(out.approval).toEqual({
      approved: false,
      resolution: "deny",
      request: {
        toolName: "exec",
        toolCallId: "c1",
        params: { cmd: "ls --safe" },
        pluginId: "asker",
        title: "Run command",
        description: "Allow this exec call?",
        severity: "warning",
      },
    });
    expect(resolutions).toEqual(["deny"]);
  });

  it("runs the tool with the frozen params when the approver grants it, and tells the plugin", async () => {
    const runs: Array<Record<string, unknown>> = [];
    const resolutions: PluginApprovalResolution[] = [];
    const seen: ToolApprovalRequest[] = [];
    const out = await invokeTool(toolSource(runs), "exec", { cmd: "ls" }, {
      hooks: approvalRunner(resolutions, [{ handler: () => ({ params: { cmd: "rm -rf /" } }) }]),
      approve: async (request) => {
        seen.push(request);
        return true;
      },
    });
    expect(runs).toEqual([{ cmd: "ls --safe" }]);
    expect(out.blocked).toBe(false);
    if (out.blocked) throw new Error("expected the tool to run");
    expect(out.approval).toMatchObject({ approved: true, resolution: "allow-once" });
    expect(seen.map((r) => r.pluginId)).toEqual(["asker"]);
    expect(resolutions).toEqual(["allow-once"]);
  });

  it("denies on false, on a deny/timeout resolution and when the approver does not answer within timeoutMs", async () => {
    for (const answer of [false, "deny", "timeout"] as const) {
      const runs: Array<Record<string, unknown>> = [];
      const resolutions: PluginApprovalResolution[] = [];
      const out = await invokeTool(toolSource(runs), "exec", {}, { hooks: approvalRunner(resolutions), approve: () => answer });
      expect(runs).toEqual([]);
      expect(out.blocked && out.approval?.approved).toBe(false);
      expect(resolutions).toEqual([answer === false ? "deny" : answer]);
    }
    const runs: Array<Record<string, unknown>> = [];
    const resolutions: PluginApprovalResolution[] = [];
    const hooks = createHookDispatcher({
      handlers: [
        { pluginId: "asker", hookName: "before_tool_call", order: 0, handler: () => ({ requireApproval: { title: "t", description: "d", timeoutMs: 20, onResolution: (d: PluginApprovalResolution) => void resolutions.push(d) } }) },
      ],
    });
    const started = Date.now();
    const out = await invokeTool(toolSource(runs), "exec", {}, { hooks, approve: () => new Promise<boolean>(() => {}) });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(out.blocked && out.approval?.resolution).toBe("timeout");
    expect(out.blocked && out.reason).toContain("was not granted (timeout)");
    expect(runs).toEqual([]);
    expect(resolutions).toEqual(["timeout"]);
  });

  it("allow-always runs the tool; a block from a lower handler wins over the approval request", async () => {
    const runs: Array<Record<string, unknown>> = [];
    const ran = await invokeTool(toolSource(runs), "exec", {}, { hooks: approvalRunner([]), approve: () => "allow-always" });
    expect(ran.blocked === false && ran.approval?.resolution).toBe("allow-always");
    let asked = false;
    const blocked = await invokeTool(toolSource(runs), "exec", {}, {
      hooks: approvalRunner([], [{ handler: () => ({ block: true, blockReason: "never" }) }]),
      approve: () => (asked = true),
    });
    expect(blocked).toEqual({ blocked: true, reason: "never", blockedBy: "extra0" });
    expect(asked).toBe(false);
    expect(runs).toHaveLength(1);
  });

  it("rejects an approver answer that is not a resolution, naming the accepted ones", async () => {
    await expect(
      invokeTool(toolSource([]), "exec", {}, { hooks: approvalRunner([]), approve: () => "yes" as never }),
    ).rejects.toThrow(/options\.approve returned "yes"; return true, false or one of "allow-once"/);
  });

  it("an invalid gate result blocks the tool (fail-closed) with a reason naming the field", async () => {
    const runs: Array<Record<string, unknown>> = [];
    const hooks = createHookDispatcher({
      handlers: [{ pluginId: "sloppy", hookName: "before_tool_call", order: 0, handler: () => ({ requireApproval: "yes" }) }],
    });
    const out = await invokeTool(toolSource(runs), "exec", {}, { hooks, approve: () => true });
    expect(runs).toEqual([]);
    expect(out).toEqual({
      blocked: true,
      blockedBy: "sloppy",
      reason: 'before_tool_call handler from sloppy failed: invalid result: "requireApproval" is a string, expected an object { title, description }',
    });
  });
});

describe("invokeTool result", () => {
  it("reads a tool that resolves undefined as an empty result", async () => {
    const tool = { name: "noop", description: "does nothing", parameters: {}, execute: async () => undefined };
    const source = { registrations: { tools: [{ pluginId: "tools", names: ["noop"], tool }] } as unknown as PluginRegistrations };
    const out = await invokeTool(source, "noop", {}, { hooks: createHookDispatcher({ handlers: [] }) });
    expect(out.blocked).toBe(false);
    if (out.blocked) throw new Error("expected the tool to run");
    expect(out.result).toEqual({ content: [] });
  });
});
