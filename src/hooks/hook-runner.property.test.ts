/**
 * Property-based tests (fast-check) of the hook runner against hostile handlers: arbitrary JSON-ish results,
 * wrong-typed decision fields, getters that throw or change, proxies (throwing traps, revoked), null-prototype
 * objects, thenables that throw, reject, resolve or never settle, thrown values of every kind, and events with
 * throwing getters, for hooks of every execution kind. Properties: `run()` never rejects and finishes within its
 * timeout bound; a gate never allows when a handler failed or returned an invalid result; every failure is recorded
 * with a readable message; `Object.prototype` is untouched. Seeded and bounded.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PluginHookName } from "../contract/hook-types.js";
import { createHookDispatcher, type HookHandlerEntry, type HookRunOutcome } from "./hook-runner.js";

const SEED = 20261130;
const TIMEOUT_MS = 8;

/** A handler behaviour; `bad` says (by construction) that the handler fails or returns an invalid result for a gate. */
interface Behaviour {
  label: string;
  make: () => unknown;
  bad: boolean;
  /** Result is a decision `block: true` (a valid block). */
  blocks?: boolean;
  /** Never settles (only a timeout ends it). */
  hangs?: boolean;
}

function revoked(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

const jsonish = fc.jsonValue({ maxDepth: 3 });
const notBoolean = fc.oneof(fc.string({ maxLength: 6 }), fc.integer(), fc.constant(null), fc.array(fc.boolean(), { maxLength: 2 }), fc.constant({}));
const decisionKey = fc.constantFrom("block", "blockReason", "params", "requireApproval", "cancel", "handled", "outcome", "reason", "findings", "message", "__proto__", "toString");

const thrown: fc.Arbitrary<Behaviour> = fc.oneof(
  jsonish.map((v) => ({ label: `throw ${JSON.stringify(v)}`, make: () => { throw v; }, bad: true })),
  fc.constantFrom<Behaviour>(
    { label: "throw null-prototype", make: () => { throw Object.create(null); }, bad: true },
    { label: "throw symbol", make: () => { throw Symbol("s"); }, bad: true },
    { label: "throw throwing toString", make: () => { throw { toString() { throw new Error("t"); } }; }, bad: true },
    { label: "throw revoked proxy", make: () => { throw revoked(); }, bad: true },
    { label: "throw Error", make: () => { throw new Error("boom"); }, bad: true },
  ),
);

const results: fc.Arbitrary<Behaviour> = fc.oneof(
  // Arbitrary JSON-ish results: validity depends on the hook, so no verdict is claimed.
  jsonish.map((v) => ({ label: `return ${JSON.stringify(v)}`, make: () => v, bad: false })),
  fc.dictionary(decisionKey, jsonish, { maxKeys: 4 }).map((d) => ({ label: `return record ${JSON.stringify(d)}`, make: () => JSON.parse(JSON.stringify(d)), bad: false })),
  // Wrong-typed block: always an invalid gate result.
  notBoolean.map((v) => ({ label: `return { block: ${JSON.stringify(v)} }`, make: () => ({ block: v }), bad: true })),
  fc.constantFrom<Behaviour>(
    { label: "return { requireApproval: 'yes' }", make: () => ({ requireApproval: "yes" }), bad: true },
    { label: "return { block: true }", make: () => ({ block: true }), bad: false, blocks: true },
    { label: "return undefined", make: () => undefined, bad: false },
    { label: "getter throws", make: () => ({ get block(): boolean { throw new Error("g"); } }), bad: true },
    { label: "getter throws null-proto", make: () => ({ get params(): never { throw Object.create(null); } }), bad: true },
    { label: "revoked proxy result", make: () => revoked(), bad: true },
    { label: "ownKeys trap throws", make: () => new Proxy({}, { ownKeys() { throw new Error("k"); } }), bad: true },
    { label: "get trap throws", make: () => new Proxy({ block: true }, { get() { throw new Error("get"); } }), bad: true },
    {
      label: "changing getter",
      make: () => {
        let n = 0;
        return { get block() { n += 1; return n === 1; } };
      },
      bad: false,
      blocks: true,
    },
    { label: "null-prototype { block: true }", make: () => Object.assign(Object.create(null), { block: true }), bad: false, blocks: true },
    { label: "__proto__ result", make: () => JSON.parse('{"__proto__":{"polluted":true},"block":false}'), bad: false },
    { label: "array result", make: () => [1, 2], bad: true },
    { label: "string result", make: () => "block", bad: true },
  ),
);

const thenables: fc.Arbitrary<Behaviour> = fc.oneof(
  fc.constantFrom<Behaviour>(
    { label: "then throws", make: () => ({ then() { throw new Error("then"); } }), bad: true },
    { label: "then getter throws", make: () => ({ get then(): never { throw new Error("then getter"); } }), bad: true },
    { label: "then never calls back", make: () => ({ then() {} }), bad: true, hangs: true },
    { label: "never-settling promise", make: () => new Promise(() => {}), bad: true, hangs: true },
    { label: "rejecting thenable", make: () => ({ then: (_ok: unknown, fail: (e: unknown) => void) => fail(Object.create(null)) }), bad: true },
    { label: "rejected promise of a symbol", make: () => Promise.reject(Symbol("r")), bad: true },
  ),
  results.map((inner) => ({ label: `async ${inner.label}`, make: async () => inner.make(), bad: inner.bad, ...(inner.blocks ? { blocks: true } : {}) })),
  results.map((inner) => ({
    label: `thenable resolving ${inner.label}`,
    make: () => ({ then: (ok: (v: unknown) => void) => setTimeout(() => ok(inner.make()), 1) }),
    bad: inner.bad,
    ...(inner.blocks ? { blocks: true } : {}),
  })),
);

const behaviour: fc.Arbitrary<Behaviour> = fc.oneof(thrown, results, thenables);

const HOOKS: PluginHookName[] = [
  "before_tool_call",
  "before_agent_run",
  "before_install",
  "message_sending",
  "message_received",
  "reply_dispatch",
  "before_message_write",
  "resolve_exec_env",
  "skill_proposal_evaluate",
];

function eventFor(name: PluginHookName, hostile: boolean): unknown {
  const event: Record<string, unknown> =
    name === "before_tool_call"
      ? { toolName: "exec", params: { cmd: "ls" } }
      : name === "before_agent_run"
        ? { prompt: "p", messages: [] }
        : name === "before_message_write"
          ? { message: { role: "user" } }
          : { to: "u", content: "c", kind: "reply", toolName: "exec" };
  if (hostile) {
    Object.defineProperty(event, "params", { enumerable: true, get() { throw new Error("hostile event"); } });
  }
  return event;
}

function blocked(name: PluginHookName, outcome: HookRunOutcome): boolean {
  const decision = outcome.decision as { block?: unknown; outcome?: unknown } | undefined;
  if (name === "before_agent_run") return decision?.outcome === "block";
  return decision?.block === true;
}

const GATES = new Set<PluginHookName>(["before_tool_call", "before_agent_run", "before_install"]);

describe("hook runner properties (hostile handlers)", () => {
  it("run() resolves in bounded time; gates never allow on a failing or invalid result; Object.prototype untouched", async () => {
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...HOOKS),
        fc.array(behaviour, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        async (name, behaviours, hostileEvent) => {
          const handlers: HookHandlerEntry[] = behaviours.map((b, i) => ({
            pluginId: `p${i}`,
            hookName: name,
            order: i,
            timeoutMs: TIMEOUT_MS,
            handler: (() => b.make()) as HookHandlerEntry["handler"],
          }));
          const started = performance.now();
          let outcome: HookRunOutcome;
          try {
            outcome = (await createHookDispatcher({ handlers }).run(name, eventFor(name, hostileEvent) as never, {} as never)) as HookRunOutcome;
          } catch (error) {
            throw new Error(`run() rejected for ${name} with [${behaviours.map((b) => b.label).join(", ")}]: ${String(error)}`);
          }
          const elapsed = performance.now() - started;
          // Sequential worst case: every handler waits out its timeout; generous slack for a shared CI machine.
          expect(elapsed).toBeLessThan(1_500 + behaviours.length * (TIMEOUT_MS + 100));
          for (const failure of outcome.failures) {
            expect(typeof failure.message).toBe("string");
            expect(failure.message.startsWith(`[hooks] ${name} handler from p`)).toBe(true);
            expect(failure.message.length).toBeLessThan(1_000);
          }
          expect(outcome.calls.length).toBeLessThanOrEqual(behaviours.length);
          if (GATES.has(name)) {
            // Every recorded failure of a gate ends the run in a block.
            if (outcome.failures.length > 0) expect(blocked(name, outcome)).toBe(true);
            // A handler known (by construction) to fail or return an invalid result can never let the gate allow —
            // and neither can an event the runner cannot copy.
            if (behaviours.some((b) => b.bad) || hostileEvent) expect(blocked(name, outcome)).toBe(true);
            if (name !== "before_agent_run" && behaviours.some((b) => b.blocks)) expect(blocked(name, outcome)).toBe(true);
          } else {
            // Fail-open hooks: a failure never turns into a block or a cancel.
            const decision = outcome.decision as { block?: unknown; cancel?: unknown } | undefined;
            if (decision && !Array.isArray(decision) && (decision.block === true || decision.cancel === true)) {
              expect(outcome.calls.some((c) => c.status === "ok")).toBe(true);
            }
          }
          expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        },
      ),
      { seed: SEED, numRuns: 300, interruptAfterTimeLimit: 8_000 },
    );
  }, 20_000);

  it("before_tool_call with trusted policies and tool matchers: a failing policy, guard or matcher never allows", async () => {
    const matcher = fc.constantFrom<[string, HookHandlerEntry["matcher"], boolean]>(
      ["none", undefined, false],
      ["name", "exec", false],
      ["list", ["exec", "read"], false],
      ["other tool", "read", false],
      ["throwing predicate", (() => { throw Object.create(null); }) as never, true],
    );
    await fc.assert(
      fc.asyncProperty(
        // Trusted policies run with the gate's 15 s default timeout: never-settling ones are left to the first property.
        fc.array(behaviour.filter((b) => !b.hangs), { maxLength: 2 }),
        fc.array(fc.tuple(behaviour, matcher), { maxLength: 3 }),
        async (policyBehaviours, guards) => {
          const outcome = await createHookDispatcher({
            trustedToolPolicies: policyBehaviours.map((b, i) => ({ pluginId: `bundled${i}`, id: `policy${i}`, order: i, evaluate: (() => b.make()) as never })),
            handlers: guards.map(([b, [, m]], i) => ({
              pluginId: `p${i}`,
              hookName: "before_tool_call" as const,
              order: i,
              timeoutMs: TIMEOUT_MS,
              ...(m !== undefined ? { matcher: m } : {}),
              handler: (() => b.make()) as HookHandlerEntry["handler"],
            })),
          }).run("before_tool_call", { toolName: "exec", params: { cmd: "ls" } });
          const isBlocked = blocked("before_tool_call", outcome);
          if (outcome.failures.length > 0) expect(isBlocked).toBe(true);
          const guardFails = guards.some(([b, [label, , throws]]) => throws || (b.bad && label !== "other tool"));
          if (policyBehaviours.some((b) => b.bad) || guardFails) expect(isBlocked).toBe(true);
        },
      ),
      { seed: SEED + 1, numRuns: 200, interruptAfterTimeLimit: 5_000 },
    );
  }, 20_000);
});
