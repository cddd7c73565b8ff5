/**
 * Hostile hook handlers through the public package: each case runs in its own Node process (time-limited) against
 * the built `openclaw/plugin-sdk/plugin-test-api` and `plugin-test-runtime`, registering handlers with
 * `createTestPluginApi` and running them with `createHookRunner` / `invokeTool` exactly as a plugin's tests would.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, lastJsonLine, runIsolatedModule } from "./isolated.js";

const PRELUDE = `
import { createTestPluginApi } from "openclaw/plugin-sdk/plugin-test-api";
import { createHookRunner, invokeTool } from "openclaw/plugin-sdk/plugin-test-runtime";
const revoked = () => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; };
const api = createTestPluginApi({ id: "hostile" });
const runner = () => createHookRunner([api]);
const toolEvent = { toolName: "exec", params: { cmd: "ls" } };
const report = (value) => console.log(JSON.stringify(value));
`;

interface CaseOutput {
  decision?: { block?: boolean; blockReason?: string; blockedBy?: string; outcome?: string; reason?: string };
  failures?: string[];
  [key: string]: unknown;
}

/** Runs `body` after the prelude in a fresh process; fails on a timeout, a crash or an unhandled rejection. */
function runCase(body: string, timeoutMs = 10_000): CaseOutput {
  const result = runIsolatedModule(`${PRELUDE}\n${body}`, { timeoutMs });
  expect(result.timedOut, result.stderr).toBe(false);
  expect(result.status, result.stderr).toBe(0);
  return lastJsonLine<CaseOutput>(result);
}

const RUN_AND_REPORT = (hook: string, event = "toolEvent") => `
const outcome = await runner().run(${JSON.stringify(hook)}, ${event}, { toolName: "exec" });
report({ decision: outcome.decision, failures: outcome.failures.map((f) => f.message) });`;

describe("hostile hook handlers (public package, one process per case)", () => {
  beforeAll(() => ensureBuilt(), 300_000);

  const thrown: Array<[string, string, RegExp]> = [
    ["a null-prototype object", "Object.create(null)", /an object was thrown \(no message\)/],
    ["a symbol", 'Symbol("sneaky")', /Symbol\(sneaky\)/],
    ["an object with a throwing toString", '({ toString() { throw new Error("no"); } })', /an object was thrown/],
    ["a revoked Proxy", "revoked()", /a revoked Proxy was thrown/],
  ];
  for (const [label, expression, text] of thrown) {
    it(`before_tool_call handler throwing ${label}: blocked, failure readable`, () => {
      const out = runCase(`api.on("before_tool_call", () => { throw ${expression}; });${RUN_AND_REPORT("before_tool_call")}`);
      expect(out.decision).toMatchObject({ block: true, blockedBy: "hostile" });
      expect(out.decision?.blockReason).toMatch(text);
      expect(out.failures?.[0]).toMatch(/^\[hooks\] before_tool_call handler from hostile failed: /);
    });
  }

  it("message_received (observe, fail-open) handler throwing a revoked Proxy: recorded, no decision", () => {
    const out = runCase(`api.on("message_received", () => { throw revoked(); });${RUN_AND_REPORT("message_received", '{ from: "u", content: "hi" }')}`);
    expect(out.decision).toBeUndefined();
    expect(out.failures).toEqual(["[hooks] message_received handler from hostile failed: a revoked Proxy was thrown (no message)"]);
  });

  it("a result whose block getter throws: blocked", () => {
    const out = runCase(`api.on("before_tool_call", () => ({ get block() { throw new Error("getter"); } }));${RUN_AND_REPORT("before_tool_call")}`);
    expect(out.decision).toMatchObject({ block: true, blockReason: 'before_tool_call handler from hostile failed: invalid result: reading "block" threw: getter' });
  });

  it("a thenable whose then throws: blocked; one that never calls back: timed out and blocked", () => {
    const throws = runCase(`api.on("before_tool_call", () => ({ then() { throw Object.create(null); } }));${RUN_AND_REPORT("before_tool_call")}`);
    expect(throws.decision).toMatchObject({ block: true, blockReason: "before_tool_call handler from hostile failed: an object was thrown (no message)" });
    const never = runCase(`api.on("before_tool_call", () => ({ then() {} }), { timeoutMs: 50 });${RUN_AND_REPORT("before_tool_call")}`);
    expect(never.decision).toMatchObject({ block: true, blockReason: "before_tool_call handler from hostile failed: timed out" });
  });

  it("an event with a throwing getter: the copy fails closed, run() resolves", () => {
    const out = runCase(`api.on("before_tool_call", () => undefined);${RUN_AND_REPORT("before_tool_call", '{ toolName: "exec", get params() { throw new Error("event getter"); } }')}`);
    expect(out.decision).toMatchObject({ block: true, blockReason: "before_tool_call handler from hostile failed: could not copy the event: event getter" });
  });

  const invalid: Array<[string, string, string]> = [
    ["before_tool_call", '{ block: "true" }', '"block" is a string, expected a boolean'],
    ["before_tool_call", "{ block: 1 }", '"block" is a number, expected a boolean'],
    ["before_tool_call", '{ requireApproval: "yes" }', '"requireApproval" is a string, expected an object { title, description }'],
    ["before_install", '{ block: "yes" }', '"block" is a string, expected a boolean'],
  ];
  for (const [hook, result, detail] of invalid) {
    it(`${hook} returning ${result}: an invalid gate result blocks, naming plugin, field and types`, () => {
      const event = hook === "before_install" ? '{ targetType: "plugin", targetName: "x", sourcePath: "/tmp/x", builtinFindings: [] }' : "toolEvent";
      const out = runCase(`api.on(${JSON.stringify(hook)}, () => (${result}));${RUN_AND_REPORT(hook, event)}`);
      expect(out.decision).toMatchObject({ block: true, blockedBy: "hostile", blockReason: `${hook} handler from hostile failed: invalid result: ${detail}` });
      expect(out.failures).toEqual([`[hooks] ${hook} handler from hostile failed: invalid result: ${detail}`]);
    });
  }

  it("before_agent_run with a wrong-typed reason blocks", () => {
    const out = runCase(`
const trusted = createTestPluginApi({ id: "hostile", config: { plugins: { entries: { hostile: { hooks: { allowConversationAccess: true } } } } } });
trusted.on("before_agent_run", () => ({ outcome: "block", reason: 5 }));
const outcome = await createHookRunner([trusted]).run("before_agent_run", { prompt: "p", messages: [] }, {});
report({ decision: outcome.decision, failures: outcome.failures.map((f) => f.message) });`);
    expect(out.decision).toMatchObject({ outcome: "block", reason: 'before_agent_run handler from hostile failed: invalid result: "reason" is a number, expected a string' });
  });

  it("invokeTool: requireApproval without an approver does not run the tool; with one it does", () => {
    const out = runCase(`
let runs = 0;
const resolutions = [];
api.registerTool({ name: "exec", description: "run", parameters: {}, execute: async () => { runs += 1; return { content: [{ type: "text", text: "ran" }] }; } });
api.on("before_tool_call", () => ({ requireApproval: { title: "Run", description: "Allow?", onResolution: (d) => { resolutions.push(d); } } }));
const denied = await invokeTool(api.recorded, "exec", { cmd: "ls" }, { hooks: runner() });
const runsAfterDenied = runs;
const approved = await invokeTool(api.recorded, "exec", { cmd: "ls" }, { hooks: runner(), approve: () => true });
report({ denied, runsAfterDenied, approved: { blocked: approved.blocked, approval: approved.approval }, runs, resolutions });`);
    expect(out.runsAfterDenied).toBe(0);
    expect(out.denied).toMatchObject({ blocked: true, blockedBy: "hostile", approval: { approved: false, resolution: "deny" } });
    expect((out.denied as { reason: string }).reason).toMatch(/^approval required by hostile \("Run"\) was not granted \(deny\)/);
    expect(out.approved).toMatchObject({ blocked: false, approval: { approved: true, resolution: "allow-once" } });
    expect(out.runs).toBe(1);
    expect(out.resolutions).toEqual(["deny", "allow-once"]);
  });
});
