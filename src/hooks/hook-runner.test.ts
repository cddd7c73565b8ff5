import { describe, expect, it } from "vitest";
import type { PluginConversationHookName, PluginPromptMutatingHookName } from "../contract/hook-types.js";
import { createHookDispatcher, type HookHandlerEntry, type TrustedToolPolicyEntry } from "./hook-runner.js";
import { HOOK_SEMANTICS, KNOWN_HOOK_NAMES, isKnownHookName } from "./hook-semantics.js";

let order = 0;
function entry(partial: Omit<HookHandlerEntry, "order"> & { order?: number }): HookHandlerEntry {
  return { order: order++, ...partial };
}

const toolEvent = { toolName: "exec", params: { cmd: "ls" } };
const toolCtx = { toolName: "exec" };

describe("hook ordering", () => {
  it("runs higher priority first and keeps registration order for ties", async () => {
    const seen: string[] = [];
    const mk = (id: string, priority?: number) =>
      entry({
        pluginId: id,
        hookName: "message_sending",
        ...(priority !== undefined ? { priority } : {}),
        handler: () => {
          seen.push(id);
        },
      });
    const dispatcher = createHookDispatcher({ handlers: [mk("a"), mk("b", 10), mk("c"), mk("d", 10), mk("e", -5)] });
    await dispatcher.run("message_sending", { to: "u", content: "hi" });
    expect(seen).toEqual(["b", "d", "a", "c", "e"]);
    expect(dispatcher.handlersFor("message_sending").map((h) => h.pluginId)).toEqual(["b", "d", "a", "c", "e"]);
  });

  it("runs observe handlers concurrently and ignores their results", async () => {
    const events: string[] = [];
    const slow = entry({
      pluginId: "slow",
      hookName: "agent_end",
      priority: 10,
      handler: async () => {
        events.push("slow:start");
        await new Promise((r) => setTimeout(r, 20));
        events.push("slow:end");
        return { ignored: true };
      },
    });
    const fast = entry({
      pluginId: "fast",
      hookName: "agent_end",
      handler: () => {
        events.push("fast");
      },
    });
    const outcome = await createHookDispatcher({ handlers: [slow, fast] }).run("agent_end", { messages: [], success: true });
    expect(events).toEqual(["slow:start", "fast", "slow:end"]);
    expect(outcome.decision).toBeUndefined();
    expect(outcome.calls.map((c) => c.status)).toEqual(["ok", "ok"]);
  });
});

describe("before_tool_call merge rules", () => {
  it("block:true is sticky and terminal; lower handlers are not called", async () => {
    let lowerCalled = false;
    const dispatcher = createHookDispatcher({
      handlers: [
        entry({ pluginId: "rewrite", hookName: "before_tool_call", priority: 20, handler: () => ({ params: { cmd: "pwd" } }) }),
        entry({ pluginId: "guard", hookName: "before_tool_call", priority: 10, handler: () => ({ block: true, blockReason: "no exec" }) }),
        entry({
          pluginId: "late",
          hookName: "before_tool_call",
          handler: () => {
            lowerCalled = true;
            return { block: false };
          },
        }),
      ],
    });
    const { decision, calls } = await dispatcher.run("before_tool_call", toolEvent, toolCtx);
    expect(decision).toEqual({ params: { cmd: "pwd" }, block: true, blockReason: "no exec", blockedBy: "guard" });
    expect(lowerCalled).toBe(false);
    expect(calls.map((c) => c.pluginId)).toEqual(["rewrite", "guard"]);
  });

  it("block:false is no decision, params last-defined wins, first requireApproval wins and freezes params", async () => {
    const approvalA = { title: "A", description: "first" };
    const dispatcher = createHookDispatcher({
      handlers: [
        entry({ pluginId: "p1", hookName: "before_tool_call", priority: 3, handler: () => ({ block: false, params: { cmd: "one" } }) }),
        entry({ pluginId: "p2", hookName: "before_tool_call", priority: 2, handler: () => ({ params: { cmd: "two" }, requireApproval: approvalA }) }),
        entry({
          pluginId: "p3",
          hookName: "before_tool_call",
          priority: 1,
          handler: () => ({ params: { cmd: "three" }, requireApproval: { title: "B", description: "second" } }),
        }),
      ],
    });
    const { decision } = await dispatcher.run("before_tool_call", toolEvent, toolCtx);
    expect(decision?.block).toBeUndefined();
    expect(decision?.params).toEqual({ cmd: "two" });
    expect(decision?.requireApproval).toEqual({ ...approvalA, pluginId: "p2" });
  });

  it("last-defined params wins when nobody asks for approval", async () => {
    const dispatcher = createHookDispatcher({
      handlers: [
        entry({ pluginId: "p1", hookName: "before_tool_call", handler: () => ({ params: { cmd: "one" } }) }),
        entry({ pluginId: "p2", hookName: "before_tool_call", handler: () => ({ params: { cmd: "two" } }) }),
        entry({ pluginId: "p3", hookName: "before_tool_call", handler: () => undefined }),
      ],
    });
    expect((await dispatcher.run("before_tool_call", toolEvent, toolCtx)).decision).toEqual({ params: { cmd: "two" } });
  });

  it("gives every handler its own copy of the original event", async () => {
    const seen: unknown[] = [];
    const dispatcher = createHookDispatcher({
      handlers: [
        entry({
          pluginId: "mutator",
          hookName: "before_tool_call",
          priority: 1,
          handler: (event: { params: { cmd: string; opts: { flags: string[] } } }) => {
            event.params.cmd = "rm -rf /";
            event.params.opts.flags.push("-a");
            return { params: { cmd: "echo" } };
          },
        }),
        entry({
          pluginId: "observer",
          hookName: "before_tool_call",
          handler: (event: { params: { cmd: string; opts: { flags: string[] }; at: Date } }) => {
            seen.push(event.params.cmd, [...event.params.opts.flags], event.params.at instanceof Date);
          },
        }),
      ],
    });
    const original = { toolName: "exec", params: { cmd: "ls", opts: { flags: ["-l"] }, at: new Date(0) } };
    await dispatcher.run("before_tool_call", original, toolCtx);
    expect(seen).toEqual(["ls", ["-l"], true]);
    expect(original.params).toEqual({ cmd: "ls", opts: { flags: ["-l"] }, at: new Date(0) });
  });

  it("respects tool matchers (name, list, predicate)", async () => {
    const called: string[] = [];
    const mk = (id: string, matcher: HookHandlerEntry["matcher"]) =>
      entry({
        pluginId: id,
        hookName: "before_tool_call",
        ...(matcher !== undefined ? { matcher } : {}),
        handler: () => {
          called.push(id);
        },
      });
    const dispatcher = createHookDispatcher({
      handlers: [mk("string", "exec"), mk("list", ["write", "read"]), mk("fn", (n: string) => n.startsWith("ex")), mk("all", undefined)],
    });
    await dispatcher.run("before_tool_call", toolEvent, toolCtx);
    expect(called).toEqual(["string", "fn", "all"]);
  });

  it("fails closed when a handler throws or times out", async () => {
    const thrower = createHookDispatcher({
      handlers: [
        entry({
          pluginId: "broken",
          hookName: "before_tool_call",
          handler: () => {
            throw new Error("boom");
          },
        }),
      ],
    });
    const thrown = await thrower.run("before_tool_call", toolEvent, toolCtx);
    expect(thrown.decision).toMatchObject({ block: true, blockedBy: "broken" });
    expect(thrown.decision?.blockReason).toContain("boom");
    expect(thrown.failures[0]?.message).toBe("[hooks] before_tool_call handler from broken failed: boom");

    const hanging = createHookDispatcher({
      handlers: [entry({ pluginId: "slow", hookName: "before_tool_call", timeoutMs: 10, handler: () => new Promise(() => {}) })],
    });
    const timed = await hanging.run("before_tool_call", toolEvent, toolCtx);
    expect(timed.decision).toMatchObject({ block: true, blockedBy: "slow" });
    expect(timed.failures[0]?.timedOut).toBe(true);
  });

  it("runs trusted tool policies before ordinary handlers; their rewrites are what handlers see", async () => {
    const seen: unknown[] = [];
    const policies: TrustedToolPolicyEntry[] = [
      { pluginId: "bundled-policy", id: "workspace", order: 0, evaluate: () => ({ params: { cmd: "ls --safe" } }) },
    ];
    const dispatcher = createHookDispatcher({
      trustedToolPolicies: policies,
      handlers: [
        entry({
          pluginId: "ordinary",
          hookName: "before_tool_call",
          priority: 1000,
          handler: (event: { params: Record<string, unknown> }) => {
            seen.push(event.params.cmd);
          },
        }),
      ],
    });
    const outcome = await dispatcher.run("before_tool_call", toolEvent, toolCtx);
    expect(seen).toEqual(["ls --safe"]);
    expect(outcome.decision).toEqual({ params: { cmd: "ls --safe" } });
    expect(outcome.calls[0]).toEqual({ pluginId: "bundled-policy", policyId: "workspace", status: "ok" });

    let ordinaryCalled = false;
    const denying = createHookDispatcher({
      trustedToolPolicies: [{ pluginId: "budget", id: "budget", order: 0, evaluate: () => ({ allow: false, reason: "over budget" }) }],
      handlers: [
        entry({
          pluginId: "ordinary",
          hookName: "before_tool_call",
          handler: () => {
            ordinaryCalled = true;
          },
        }),
      ],
    });
    expect((await denying.run("before_tool_call", toolEvent, toolCtx)).decision).toEqual({
      block: true,
      blockReason: "over budget",
      blockedBy: "budget",
    });
    expect(ordinaryCalled).toBe(false);
    expect(denying.has("before_tool_call")).toBe(true);
  });
});

describe("message_sending, before_install, before_agent_run", () => {
  it("message_sending: cancel:true terminal, cancel:false no decision, last content wins", async () => {
    const dispatcher = createHookDispatcher({
      handlers: [
        entry({ pluginId: "a", hookName: "message_sending", priority: 3, handler: () => ({ content: "A", cancel: false }) }),
        entry({ pluginId: "b", hookName: "message_sending", priority: 2, handler: () => ({ content: "B" }) }),
      ],
    });
    expect((await dispatcher.run("message_sending", { to: "u", content: "orig" })).decision).toEqual({ content: "B" });

    let after = false;
    const cancelling = createHookDispatcher({
      handlers: [
        entry({ pluginId: "a", hookName: "message_sending", priority: 3, handler: () => ({ content: "A" }) }),
        entry({ pluginId: "b", hookName: "message_sending", priority: 2, handler: () => ({ cancel: true, cancelReason: "spam" }) }),
        entry({
          pluginId: "c",
          hookName: "message_sending",
          handler: () => {
            after = true;
          },
        }),
      ],
    });
    expect((await cancelling.run("message_sending", { to: "u", content: "orig" })).decision).toEqual({
      content: "A",
      cancel: true,
      cancelReason: "spam",
      cancelledBy: "b",
    });
    expect(after).toBe(false);
  });

  it("message_sending: a throwing handler is reported and skipped (fail-open)", async () => {
    const errors: string[] = [];
    const dispatcher = createHookDispatcher({
      logger: { warn: () => {}, error: (m) => errors.push(m) },
      handlers: [
        entry({
          pluginId: "bad",
          hookName: "message_sending",
          priority: 1,
          handler: () => {
            throw new Error("oops");
          },
        }),
        entry({ pluginId: "good", hookName: "message_sending", handler: () => ({ content: "kept" }) }),
      ],
    });
    const outcome = await dispatcher.run("message_sending", { to: "u", content: "x" });
    expect(outcome.decision).toEqual({ content: "kept" });
    expect(errors).toEqual(["[hooks] message_sending handler from bad failed: oops"]);
  });

  it("before_install: findings accumulate in priority order, block is terminal", async () => {
    const finding = (ruleId: string) => ({ ruleId, severity: "warn" as const, file: "index.js", line: 1, message: ruleId });
    const dispatcher = createHookDispatcher({
      handlers: [
        entry({ pluginId: "low", hookName: "before_install", priority: 1, handler: () => ({ findings: [finding("low")] }) }),
        entry({ pluginId: "high", hookName: "before_install", priority: 9, handler: () => ({ findings: [finding("high")] }) }),
        entry({ pluginId: "blocker", hookName: "before_install", priority: 0, handler: () => ({ block: true, blockReason: "unsigned" }) }),
        entry({ pluginId: "never", hookName: "before_install", priority: -1, handler: () => ({ findings: [finding("never")] }) }),
      ],
    });
    const { decision } = await dispatcher.run("before_install", {
      targetType: "plugin",
      targetName: "x",
      sourcePath: "/tmp/x",
      builtinFindings: [],
    });
    expect(decision?.findings.map((f) => f.ruleId)).toEqual(["high", "low"]);
    expect(decision).toMatchObject({ block: true, blockReason: "unsigned", blockedBy: "blocker" });
  });

  it("before_agent_run is fail-closed: invalid results and errors block", async () => {
    const run = (handler: HookHandlerEntry["handler"]) =>
      createHookDispatcher({ handlers: [entry({ pluginId: "gate", hookName: "before_agent_run", handler })] }).run(
        "before_agent_run",
        { prompt: "hi", messages: [] },
      );
    expect((await run(() => ({ outcome: "pass" }))).decision).toEqual({ outcome: "pass" });
    expect((await run(() => undefined)).decision).toBeUndefined();
    expect((await run(() => ({ outcome: "block", reason: "budget", message: "Out" }))).decision).toEqual({
      outcome: "block",
      reason: "budget",
      message: "Out",
      pluginId: "gate",
    });
    expect((await run(() => ({ outcome: "maybe" }))).decision).toMatchObject({ outcome: "block", pluginId: "gate" });
    expect((await run(() => "yes")).decision).toMatchObject({ outcome: "block" });
    const thrown = await run(() => Promise.reject(new Error("db down")));
    expect(thrown.decision).toMatchObject({ outcome: "block" });
    expect(thrown.failures[0]?.message).toContain("db down");
  });
});

describe("claiming and other modifying hooks", () => {
  it("reply_dispatch: first handled:true wins and skips the rest", async () => {
    const called: string[] = [];
    const mk = (id: string, handled: boolean, priority = 0) =>
      entry({
        pluginId: id,
        hookName: "reply_dispatch",
        priority,
        handler: () => {
          called.push(id);
          return { handled };
        },
      });
    const dispatcher = createHookDispatcher({ handlers: [mk("no", false, 5), mk("yes", true, 3), mk("later", true, 1)] });
    const { decision } = await dispatcher.run("reply_dispatch", { payload: { text: "hi" }, kind: "final" });
    expect(decision).toEqual({ handled: true, pluginId: "yes" });
    expect(called).toEqual(["no", "yes"]);
  });

  it("claims skip failing handlers and honour eligibleDispatchKinds / eligibleTriggers", async () => {
    const dispatcher = createHookDispatcher({
      handlers: [
        entry({
          pluginId: "broken",
          hookName: "reply_dispatch",
          priority: 9,
          handler: () => {
            throw new Error("x");
          },
        }),
        entry({ pluginId: "tools-only", hookName: "reply_dispatch", priority: 5, eligibleDispatchKinds: ["tool"], handler: () => ({ handled: true }) }),
        entry({ pluginId: "any", hookName: "reply_dispatch", handler: () => ({ handled: true, queuedFinal: true }) }),
      ],
    });
    const outcome = await dispatcher.run("reply_dispatch", { payload: { text: "hi" }, kind: "final" });
    expect(outcome.decision).toEqual({ handled: true, queuedFinal: true, pluginId: "any" });
    expect(outcome.failures).toHaveLength(1);

    const triggers = createHookDispatcher({
      handlers: [entry({ pluginId: "cron-only", hookName: "before_agent_reply", eligibleTriggers: ["cron"], handler: () => ({ handled: true }) })],
    });
    expect((await triggers.run("before_agent_reply", { prompt: "x" }, { trigger: "user" })).decision).toBeUndefined();
    expect((await triggers.run("before_agent_reply", { prompt: "x" }, { trigger: "cron" })).decision).toMatchObject({ handled: true });
  });

  it("before_prompt_build: systemPrompt first-defined, contexts concatenated, toolsAllow intersected", async () => {
    const dispatcher = createHookDispatcher({
      handlers: [
        entry({ pluginId: "a", hookName: "before_prompt_build", priority: 2, handler: () => ({ systemPrompt: "A", prependContext: "one", toolsAllow: ["read", "write"] }) }),
        entry({ pluginId: "b", hookName: "before_prompt_build", priority: 1, handler: () => ({ systemPrompt: "B", prependContext: "two", toolsAllow: ["read"] }) }),
      ],
    });
    expect((await dispatcher.run("before_prompt_build", { prompt: "p", messages: [] })).decision).toEqual({
      systemPrompt: "A",
      prependContext: "one\n\ntwo",
      toolsAllow: ["read"],
    });
  });

  it("reply_payload_sending passes each updated payload onward", async () => {
    const dispatcher = createHookDispatcher({
      handlers: [
        entry({ pluginId: "a", hookName: "reply_payload_sending", priority: 1, handler: (e: { payload: { text: string } }) => ({ payload: { text: `${e.payload.text}+a` } }) }),
        entry({ pluginId: "b", hookName: "reply_payload_sending", handler: (e: { payload: { text: string } }) => ({ payload: { text: `${e.payload.text}+b` } }) }),
      ],
    });
    expect((await dispatcher.run("reply_payload_sending", { payload: { text: "hi" } })).decision).toEqual({ payload: { text: "hi+a+b" } });
  });

  it("before_message_write is synchronous: chained messages, block terminal, promises ignored with a warning", async () => {
    const warnings: string[] = [];
    const dispatcher = createHookDispatcher({
      logger: { warn: (m) => warnings.push(m), error: () => {} },
      handlers: [
        entry({ pluginId: "async", hookName: "before_message_write", priority: 3, handler: async () => ({ block: true }) }),
        entry({ pluginId: "edit", hookName: "before_message_write", priority: 2, handler: (e: { message: string }) => ({ message: `${e.message}!` }) }),
        entry({ pluginId: "block", hookName: "before_message_write", priority: 1, handler: (e: { message: string }) => (e.message === "hi!" ? { block: true } : undefined) }),
      ],
    });
    expect((await dispatcher.run("before_message_write", { message: "hi" })).decision).toEqual({ block: true, message: "hi!", blockedBy: "block" });
    expect(warnings[0]).toContain("returned a Promise");
  });

  it("skill_proposal_evaluate attributes every evaluator's outcome", async () => {
    const dispatcher = createHookDispatcher({
      handlers: [
        entry({ pluginId: "a", hookName: "skill_proposal_evaluate", registrationId: "lint", handler: () => ({ reject: true, reason: "dup" }) }),
        entry({
          pluginId: "b",
          hookName: "skill_proposal_evaluate",
          handler: () => {
            throw new Error("crash");
          },
        }),
      ],
    });
    const { decision } = await dispatcher.run("skill_proposal_evaluate", { proposalId: "p", skillName: "s" });
    expect(decision).toEqual([
      { pluginId: "a", registrationId: "lint", status: "ok", result: { reject: true, reason: "dup" } },
      { pluginId: "b", status: "error", error: "crash" },
    ]);
  });

  it("rejects unknown hook names at run time with a clear error", async () => {
    const dispatcher = createHookDispatcher({ handlers: [] });
    await expect(dispatcher.run("before_tool_cal" as never, {} as never)).rejects.toThrow(/Unknown hook name "before_tool_cal"/);
  });
});

describe("hook semantics table", () => {
  it("agrees with the contract's prompt-mutating and conversation hook unions", () => {
    const prompt = ["agent_turn_prepare", "before_prompt_build", "heartbeat_prompt_contribution"] as const;
    const conversation = [
      "before_model_resolve",
      "agent_turn_prepare",
      "before_prompt_build",
      "before_agent_run",
      "before_agent_reply",
      "before_agent_finalize",
      "agent_end",
      "llm_input",
      "llm_output",
    ] as const;
    // Exhaustive against the contract: adding a name there without listing it here is a type error.
    const promptComplete: [Exclude<PluginPromptMutatingHookName, (typeof prompt)[number]>] extends [never] ? true : false = true;
    const conversationComplete: [Exclude<PluginConversationHookName, (typeof conversation)[number]>] extends [never] ? true : false = true;
    expect([promptComplete, conversationComplete]).toEqual([true, true]);
    for (const name of prompt) expect(HOOK_SEMANTICS[name].promptMutating).toBe(true);
    for (const name of conversation) expect(HOOK_SEMANTICS[name].conversation).toBe(true);
    // …and nothing else is gated as conversation access.
    expect(Object.entries(HOOK_SEMANTICS).filter(([, s]) => s.conversation).map(([n]) => n).sort()).toEqual([...conversation].sort());
  });

  it("covers 42 names with the gates and conversation rules from the reference", () => {
    expect(KNOWN_HOOK_NAMES).toHaveLength(42);
    expect(isKnownHookName("before_tool_call")).toBe(true);
    expect(isKnownHookName("toString")).toBe(false);
    for (const name of ["before_agent_run", "before_tool_call", "before_install"] as const) {
      expect(HOOK_SEMANTICS[name].failure).toBe("fail-closed");
    }
    const prompt = KNOWN_HOOK_NAMES.filter((n) => HOOK_SEMANTICS[n].promptMutating).sort();
    expect(prompt).toEqual(["agent_turn_prepare", "before_prompt_build", "heartbeat_prompt_contribution"]);
    for (const name of ["llm_input", "llm_output", "agent_end", "before_agent_run", "before_prompt_build"] as const) {
      expect(HOOK_SEMANTICS[name].conversation).toBe(true);
    }
  });
});
