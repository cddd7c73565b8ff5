import { describe, expect, it } from "vitest";
import type { PluginHookName } from "../contract/hook-types.js";
import { createHookDispatcher, type HookHandlerEntry, type HookRunOutcome } from "./hook-runner.js";
import { errorText } from "./safe-values.js";

let order = 0;
function dispatcher(hookName: PluginHookName, handler: (event: any, ctx: any) => unknown, extra: Partial<HookHandlerEntry> = {}) {
  return createHookDispatcher({ handlers: [{ pluginId: "hostile", hookName, order: order++, handler: handler as HookHandlerEntry["handler"], ...extra }] });
}
const run = (name: PluginHookName, handler: (event: any, ctx: any) => unknown, event: unknown = defaultEvent(name), extra: Partial<HookHandlerEntry> = {}) =>
  dispatcher(name, handler, extra).run(name, event as never, { toolName: "exec" } as never) as Promise<HookRunOutcome>;

function defaultEvent(name: PluginHookName): unknown {
  if (name === "before_tool_call") return { toolName: "exec", params: { cmd: "ls" } };
  if (name === "before_agent_run") return { prompt: "hi", messages: [] };
  if (name === "before_install") return { targetType: "plugin", targetName: "x", sourcePath: "/tmp/x", builtinFindings: [] };
  if (name === "message_sending") return { to: "u", content: "hi" };
  if (name === "before_message_write") return { message: { role: "user" } };
  return { kind: "reply" };
}

function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

const thrownValues: Array<[string, () => unknown, RegExp]> = [
  ["a null-prototype object", () => Object.create(null), /an object was thrown \(no message\)/],
  ["a symbol", () => Symbol("sneaky"), /Symbol\(sneaky\)/],
  ["an object whose toString throws", () => ({ toString() { throw new Error("nope"); } }), /an object was thrown/],
  ["an object whose message getter throws", () => ({ get message() { throw new Error("x"); } }), /an object was thrown/],
  ["a revoked Proxy", revokedProxy, /a revoked Proxy was thrown/],
  ["undefined", () => undefined, /^undefined$/],
  ["an Error with a multi-line message", () => new Error("first\nsecond"), /^first$/],
];

/** The hooks of every failure policy; `blocked` says what a failure of the single handler must look like. */
const hooks: Array<[PluginHookName, (outcome: HookRunOutcome) => boolean]> = [
  ["before_tool_call", (o) => (o.decision as { block?: boolean } | undefined)?.block === true],
  ["before_agent_run", (o) => (o.decision as { outcome?: string } | undefined)?.outcome === "block"],
  ["before_install", (o) => (o.decision as { block?: boolean } | undefined)?.block === true],
  ["message_sending", (o) => o.decision === undefined],
  ["message_received", (o) => o.decision === undefined],
  ["reply_dispatch", (o) => o.decision === undefined],
  ["before_message_write", (o) => o.decision === undefined],
];

describe("hostile handlers never make run() reject", () => {
  for (const [hookName, failedAsPolicySays] of hooks) {
    for (const [label, make, text] of thrownValues) {
      it(`${hookName}: throwing ${label} is a readable failure under the hook's policy`, async () => {
        const outcome = await run(hookName, () => {
          throw make();
        });
        expect(failedAsPolicySays(outcome)).toBe(true);
        expect(outcome.failures).toHaveLength(1);
        expect(outcome.failures[0]?.message).toMatch(new RegExp(`^\\[hooks\\] ${hookName} handler from hostile failed: `));
        expect(outcome.failures[0]?.message.split("failed: ")[1]).toMatch(text);
      });
    }
  }

  it("errorText never throws and stays one bounded line", () => {
    expect(errorText({ get message() { return "x".repeat(10_000); } })).toHaveLength(501);
    expect(errorText(new Proxy({}, { get() { throw new Error("trap"); } }))).toBe("an object was thrown (no message)");
    expect(errorText(Object.assign(Object.create(null), { message: "from a null-prototype object" }))).toBe("from a null-prototype object");
    expect(errorText(42n)).toBe("42");
  });

  it("a result getter that throws fails the handler: gates block, modifying hooks skip", async () => {
    const gate = await run("before_tool_call", () => ({ get block(): boolean { throw new Error("getter boom"); } }));
    expect(gate.decision).toMatchObject({ block: true, blockedBy: "hostile" });
    expect(gate.decision && "blockReason" in gate.decision ? gate.decision.blockReason : "").toBe(
      'before_tool_call handler from hostile failed: invalid result: reading "block" threw: getter boom',
    );
    expect(gate.calls).toEqual([{ pluginId: "hostile", status: "invalid", error: 'invalid result: reading "block" threw: getter boom' }]);
    const modify = await run("message_sending", () => ({ get cancel(): boolean { throw Object.create(null); } }));
    expect(modify.decision).toBeUndefined();
    expect(modify.failures[0]?.message).toContain('reading "cancel" threw: an object was thrown');
    const proxied = await run("before_tool_call", () => new Proxy({}, { ownKeys() { throw new Error("keys trap"); } }));
    expect(proxied.decision).toMatchObject({ block: true });
    expect(await run("before_tool_call", () => revokedProxy())).toMatchObject({ decision: { block: true } });
  });

  it("reads every result field exactly once, so a getter cannot answer differently twice", async () => {
    let reads = 0;
    const outcome = await run("before_tool_call", () => ({
      get block() {
        reads += 1;
        return reads === 1; // true on the first read, false afterwards
      },
    }));
    expect(reads).toBe(1);
    expect(outcome.decision).toMatchObject({ block: true, blockedBy: "hostile" });
    let approvalReads = 0;
    const approval = await run("before_tool_call", () => ({
      requireApproval: {
        description: "d",
        get title() {
          approvalReads += 1;
          return approvalReads === 1 ? "first" : 42;
        },
      },
    }));
    expect(approvalReads).toBe(1);
    expect(approval.decision).toEqual({ requireApproval: { title: "first", description: "d", pluginId: "hostile" } });
  });

  it("thenables: a throwing then, a throwing then getter, a never-settling then (timeout), double and nested callbacks", async () => {
    const throwingThen = await run("before_tool_call", () => ({ then() { throw Symbol("then"); } }));
    expect(throwingThen.decision).toMatchObject({ block: true, blockReason: "before_tool_call handler from hostile failed: Symbol(then)" });
    const thenGetter = await run("before_tool_call", () => ({ get then() { throw new Error("then getter"); } }));
    expect(thenGetter.decision).toMatchObject({ block: true, blockReason: "before_tool_call handler from hostile failed: then getter" });
    const started = Date.now();
    const never = await run("before_tool_call", () => ({ then() {} }), undefined, { timeoutMs: 20 });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(never.decision).toMatchObject({ block: true, blockReason: "before_tool_call handler from hostile failed: timed out" });
    expect(never.failures[0]?.timedOut).toBe(true);
    const neverObserve = await run("message_received", () => ({ then() {} }), undefined, { timeoutMs: 20 });
    expect(neverObserve.calls).toEqual([{ pluginId: "hostile", status: "timeout", error: "timed out" }]);
    const twice = await run("before_tool_call", () => ({
      then(ok: (v: unknown) => void, fail: (e: unknown) => void) {
        ok({ block: true, blockReason: "first answer" });
        fail(new Error("second answer"));
        throw new Error("after answering");
      },
    }));
    expect(twice.decision).toMatchObject({ block: true, blockReason: "first answer" });
    const nested = await run("before_tool_call", () => ({ then: (ok: (v: unknown) => void) => ok({ then: (ok2: (v: unknown) => void) => ok2({ block: true }) }) }));
    expect(nested.decision).toMatchObject({ block: true, blockedBy: "hostile" });
    const selfChain = { then: (ok: (v: unknown) => void) => ok(selfChain) };
    const endless = await run("before_tool_call", () => selfChain);
    expect(endless.decision).toMatchObject({ block: true });
    expect(endless.failures[0]?.message).toContain("nested thenables");
  });

  it("a synchronous hook's thenable whose then throws is ignored with a warning", async () => {
    const warnings: string[] = [];
    const outcome = await createHookDispatcher({
      handlers: [{ pluginId: "hostile", hookName: "before_message_write", order: 0, handler: () => ({ then() { throw new Error("x"); } }) }],
      logger: { warn: (m) => warnings.push(m), error: () => undefined },
    }).run("before_message_write", { message: { role: "user" } } as never);
    expect(outcome.decision).toBeUndefined();
    expect(outcome.calls).toEqual([{ pluginId: "hostile", status: "invalid", error: "returned a Promise" }]);
    expect(warnings).toHaveLength(1);
  });

  it("an event with a throwing getter: copying hooks fail the handler under their policy, the run resolves", async () => {
    const hostileEvent = { toolName: "exec", get params(): never { throw new Error("event getter"); } };
    let called = false;
    const gate = await run("before_tool_call", () => { called = true; }, hostileEvent, { matcher: "exec" });
    expect(called).toBe(false);
    expect(gate.decision).toMatchObject({ block: true, blockedBy: "hostile" });
    expect(gate.failures[0]?.message).toBe("[hooks] before_tool_call handler from hostile failed: could not copy the event: event getter");
    const toolNameGetter = { get toolName(): never { throw new Error("name getter"); }, params: {} };
    expect((await run("before_tool_call", () => undefined, toolNameGetter, { matcher: ["exec"] })).decision).toMatchObject({ block: true });
    const modify = await run("message_sending", () => ({ content: "changed" }), { to: "u", get content(): never { throw new Error("c"); } });
    expect(modify.decision).toBeUndefined();
    expect(modify.failures).toHaveLength(1);
    for (const name of ["before_agent_run", "before_install", "before_message_write"] as const) {
      const outcome = await run(name, () => undefined, revokedProxy());
      expect(outcome.failures[0]?.message).toContain("could not copy the event");
    }
    // Observe hooks hand the event over as is; a handler that trips on it is an ordinary failure.
    const observe = await run("message_received", (e) => e.content, { get content(): never { throw new Error("late"); } });
    expect(observe.calls).toEqual([{ pluginId: "hostile", status: "error", error: "late" }]);
    // An eligibility read that throws (dispatch kind of a claim) is a failure too, not a crash.
    const claim = await run("reply_dispatch", () => ({ handled: true }), { get kind(): never { throw new Error("kind"); } }, { eligibleDispatchKinds: ["reply"] });
    expect(claim.decision).toBeUndefined();
    expect(claim.failures[0]?.message).toContain('could not read "kind"');
  });

  it("a throwing tool matcher fails its guard closed; a throwing logger cannot reject the run", async () => {
    const matcher = await run("before_tool_call", () => undefined, undefined, { matcher: () => { throw new Error("matcher"); } });
    expect(matcher.decision).toMatchObject({ block: true, blockReason: "before_tool_call handler from hostile failed: its tool matcher threw: matcher" });
    const outcome = await createHookDispatcher({
      handlers: [{ pluginId: "p", hookName: "message_sending", order: 0, handler: () => { throw new Error("x"); } }],
      logger: { warn: () => { throw new Error("log"); }, error: () => { throw new Error("log"); } },
    }).run("message_sending", { to: "u", content: "c" });
    expect(outcome.failures).toHaveLength(1);
  });
});

describe("wrong-typed decision fields are invalid results, never a quiet allow", () => {
  const cases: Array<[PluginHookName, unknown, string]> = [
    ["before_tool_call", { block: "true" }, '"block" is a string, expected a boolean'],
    ["before_tool_call", { block: 1 }, '"block" is a number, expected a boolean'],
    ["before_tool_call", { block: null }, '"block" is null, expected a boolean'],
    ["before_tool_call", { requireApproval: "yes" }, '"requireApproval" is a string, expected an object { title, description }'],
    ["before_tool_call", { requireApproval: { title: "t" } }, '"requireApproval.description" is undefined, expected a string'],
    ["before_tool_call", { requireApproval: { title: "t", description: "d", severity: "loud" } }, '"requireApproval.severity" is a string "loud", expected one of "info", "warning", "critical"'],
    ["before_tool_call", { params: ["a"] }, '"params" is an array, expected an object'],
    ["before_tool_call", { block: false, blockReason: 5 }, '"blockReason" is a number, expected a string'],
    ["before_tool_call", "block", "a string, expected an object or nothing"],
    ["before_install", { findings: "none" }, '"findings" is a string, expected an array of objects'],
    ["before_install", { findings: [{ ruleId: "r" }, 3] }, '"findings[1]" is a number, expected an object'],
    ["before_install", { block: "yes" }, '"block" is a string, expected a boolean'],
    ["before_agent_run", { outcome: "block", reason: 5 }, '"reason" is a number, expected a string'],
    ["before_agent_run", { outcome: "allow" }, '"outcome" is a string "allow", expected one of "pass", "block"'],
    ["before_agent_run", {}, '"outcome" is undefined, expected one of "pass", "block"'],
  ];
  for (const [hookName, result, detail] of cases) {
    it(`${hookName}: ${JSON.stringify(result)} blocks, naming the plugin, field, type and expected type`, async () => {
      const outcome = await run(hookName, () => result);
      const decision = outcome.decision as { block?: boolean; blockReason?: string; outcome?: string; reason?: string };
      expect(decision.block === true || decision.outcome === "block").toBe(true);
      expect(decision.blockReason ?? decision.reason).toBe(`${hookName} handler from hostile failed: invalid result: ${detail}`);
      expect(outcome.failures[0]?.message).toBe(`[hooks] ${hookName} handler from hostile failed: invalid result: ${detail}`);
      expect(outcome.calls[0]?.status).toBe("invalid");
    });
  }

  it("a trusted tool policy with a wrong-typed allow blocks", async () => {
    const outcome = await createHookDispatcher({
      handlers: [],
      trustedToolPolicies: [{ pluginId: "bundled", id: "budget", order: 0, evaluate: () => ({ allow: "no" }) }],
    }).run("before_tool_call", { toolName: "exec", params: {} });
    expect(outcome.decision).toEqual({
      block: true,
      blockReason: 'trusted tool policy "budget" failed: invalid result: "allow" is a string, expected a boolean',
      blockedBy: "bundled",
    });
  });

  it("fail-open hooks record a wrong-typed decision field and skip the handler", async () => {
    const cancel = await run("message_sending", () => ({ cancel: "yes", content: "replaced" }));
    expect(cancel.decision).toBeUndefined();
    expect(cancel.failures[0]?.message).toBe('[hooks] message_sending handler from hostile failed: invalid result: "cancel" is a string, expected a boolean');
    const claim = await run("reply_dispatch", () => ({ handled: 1 }));
    expect(claim.decision).toBeUndefined();
    expect(claim.calls[0]?.status).toBe("invalid");
  });

  it("valid results keep their meaning", async () => {
    expect((await run("before_tool_call", () => ({ block: false, blockReason: "unused" }))).decision).toBeUndefined();
    expect((await run("before_tool_call", () => ({ block: true }))).decision).toEqual({ block: true, blockedBy: "hostile" });
    expect((await run("before_agent_run", () => ({ outcome: "pass" }))).decision).toEqual({ outcome: "pass" });
    class Decision {
      get block(): boolean {
        return true;
      }
    }
    expect((await run("before_tool_call", () => new Decision())).decision).toMatchObject({ block: true });
  });
});

describe("results and events never touch Object.prototype", () => {
  it("keys named __proto__, constructor or toString stay ordinary keys through copies and merges", async () => {
    const event = JSON.parse('{"toolName":"exec","params":{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}}');
    let seenParams: Record<string, unknown> | undefined;
    const gate = await run("before_tool_call", (e) => {
      seenParams = e.params;
      return undefined;
    }, event);
    expect(gate.decision).toBeUndefined();
    expect(Object.hasOwn(seenParams ?? {}, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(seenParams)).toBe(Object.prototype);
    const env = await run("resolve_exec_env", () => JSON.parse('{"__proto__":"x","toString":"y","PATH":"/bin"}'), { toolName: "exec" });
    expect(env.decision).toEqual(JSON.parse('{"__proto__":"x","toString":"y","PATH":"/bin"}'));
    const merged = await run("subagent_spawned" as PluginHookName, () => undefined);
    expect(merged.failures).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  });
});
