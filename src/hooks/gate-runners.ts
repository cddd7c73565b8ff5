/**
 * Runners of the fail-closed gates: `before_tool_call` (trusted tool policies first, then handlers),
 * `before_agent_run` and `before_install`. Every failure of a handler — a throw of any value, a rejection, a
 * timeout, an unreadable result or a wrong-typed decision field — blocks, with the failure as the reason.
 */
import type {
  BeforeAgentRunDecision,
  BeforeInstallDecision,
  BeforeToolCallDecision,
  HookHandlerEntry,
  TrustedToolPolicyEntry,
} from "./hook-run-types.js";
import type { HookSemantics } from "./hook-semantics.js";
import type { HookResultRecord } from "./merge-rules.js";
import { type RunState, isEligible, matchesTool, recordFailure, timeoutOf } from "./run-state.js";
import { isPendingStep, runStep } from "./run-step.js";
import { type SafeRead, copyEvent, isRecord, snapshotEvent } from "./safe-values.js";

type Approval = NonNullable<BeforeToolCallDecision["requireApproval"]>;

/** The event copy a handler gets: from the run's snapshot, or the snapshot's failure. */
function copyFrom(snapshot: SafeRead<unknown>, current: unknown): SafeRead<unknown> {
  return snapshot.ok ? copyEvent(current) : snapshot;
}

/** `before_tool_call`: trusted policies, then handlers; block sticky and terminal, first approval freezes params. */
export async function runBeforeToolCall(
  state: RunState<"before_tool_call">,
  entries: readonly HookHandlerEntry[],
  policies: readonly TrustedToolPolicyEntry[],
  semantics: HookSemantics,
  event: unknown,
  ctx: unknown,
): Promise<BeforeToolCallDecision | undefined> {
  const snapshot = snapshotEvent(event);
  let params: Record<string, unknown> | undefined;
  let approval: Approval | undefined;
  const decided = (): BeforeToolCallDecision | undefined => {
    if (params === undefined && approval === undefined) return undefined;
    return { ...(params !== undefined ? { params } : {}), ...(approval ? { requireApproval: approval } : {}) };
  };
  const block = (pluginId: string, reason: string | undefined): BeforeToolCallDecision => ({
    ...decided(),
    block: true,
    ...(reason !== undefined ? { blockReason: reason } : {}),
    blockedBy: pluginId,
  });
  // Trusted policies: host security tier, before any ordinary handler. Their rewrites are what handlers see.
  let current: HookResultRecord = snapshot.ok && isRecord(snapshot.value) ? snapshot.value : {};
  for (const policy of policies) {
    const source = { pluginId: policy.pluginId, what: `trusted tool policy "${policy.id}"`, policyId: policy.id };
    const failed = (reason: string): BeforeToolCallDecision => block(policy.pluginId, `trusted tool policy "${policy.id}" failed: ${reason}`);
    if (snapshot.ok) {
      const matched = matchesTool(policy.matcher, current.toolName);
      if (typeof matched === "object") {
        return failed(recordFailure(state, source, { status: "error", error: matched.error, context: "its tool matcher threw" }));
      }
      if (!matched) continue;
    }
    let step = runStep(state, source, policy.evaluate, copyFrom(snapshot, current), ctx, semantics.defaultTimeoutMs, "trusted_tool_policy", "invalid");
    if (isPendingStep(step)) step = await step;
    if (!step.ok) return failed(step.reason);
    if (step.result.kind !== "record") continue;
    const value = step.result.fields;
    if (value.block === true || value.allow === false) {
      const reason = typeof value.blockReason === "string" ? value.blockReason : typeof value.reason === "string" ? value.reason : undefined;
      return block(policy.pluginId, reason);
    }
    if (isRecord(value.params) && approval === undefined) {
      params = value.params;
      current = { ...current, params: value.params };
    }
    if (isRecord(value.requireApproval) && approval === undefined) {
      approval = { ...(value.requireApproval as Omit<Approval, "pluginId">), pluginId: policy.pluginId };
    }
  }
  const failed = (pluginId: string, reason: string): BeforeToolCallDecision =>
    block(pluginId, `before_tool_call handler from ${pluginId} failed: ${reason}`);
  for (const entry of entries) {
    // Without a readable event, eligibility cannot be told: every guard runs into the copy failure (fail-closed).
    const eligible = snapshot.ok ? isEligible(entry, current, ctx) : true;
    if (eligible === false) continue;
    if (eligible !== true) return failed(entry.pluginId, recordFailure(state, entry, eligible));
    // Every handler sees its own copy of the (policy-rewritten) event, never another handler's rewrite.
    let step = runStep(state, entry, entry.handler, copyFrom(snapshot, current), ctx, timeoutOf(entry, semantics), "before_tool_call", "invalid");
    if (isPendingStep(step)) step = await step;
    if (!step.ok) return failed(entry.pluginId, step.reason);
    if (step.result.kind !== "record") continue;
    const value = step.result.fields;
    if (value.block === true) {
      return block(entry.pluginId, typeof value.blockReason === "string" ? value.blockReason : undefined);
    }
    // The first approval freezes the parameter snapshot; later handlers can still block.
    if (isRecord(value.params) && approval === undefined) params = value.params;
    if (isRecord(value.requireApproval) && approval === undefined) {
      approval = { ...(value.requireApproval as Omit<Approval, "pluginId">), pluginId: entry.pluginId };
    }
  }
  return decided();
}

/** `before_agent_run`: the first block wins; any failure or invalid result blocks. */
export async function runBeforeAgentRun(
  state: RunState<"before_agent_run">,
  entries: readonly HookHandlerEntry[],
  semantics: HookSemantics,
  event: unknown,
  ctx: unknown,
): Promise<BeforeAgentRunDecision | undefined> {
  const snapshot = snapshotEvent(event);
  let passed = false;
  for (const entry of entries) {
    let step = runStep(state, entry, entry.handler, copyFrom(snapshot, snapshot.ok ? snapshot.value : undefined), ctx, timeoutOf(entry, semantics), "before_agent_run", "invalid");
    if (isPendingStep(step)) step = await step;
    if (!step.ok) {
      return { outcome: "block", reason: `before_agent_run handler from ${entry.pluginId} failed: ${step.reason}`, pluginId: entry.pluginId };
    }
    if (step.result.kind !== "record") continue;
    const value = step.result.fields;
    if (value.outcome === "block") {
      return {
        outcome: "block",
        reason: value.reason as string,
        ...(typeof value.message === "string" ? { message: value.message } : {}),
        ...(typeof value.category === "string" ? { category: value.category } : {}),
        pluginId: entry.pluginId,
      };
    }
    if (value.outcome === "pass") passed = true;
  }
  return passed ? { outcome: "pass" } : undefined;
}

/** `before_install`: findings accumulate in priority order; a block is terminal; any failure blocks. */
export async function runBeforeInstall(
  state: RunState<"before_install">,
  entries: readonly HookHandlerEntry[],
  semantics: HookSemantics,
  event: unknown,
  ctx: unknown,
): Promise<BeforeInstallDecision | undefined> {
  const snapshot = snapshotEvent(event);
  const findings: BeforeInstallDecision["findings"] = [];
  let any = false;
  for (const entry of entries) {
    let step = runStep(state, entry, entry.handler, copyFrom(snapshot, snapshot.ok ? snapshot.value : undefined), ctx, timeoutOf(entry, semantics), "before_install", "invalid");
    if (isPendingStep(step)) step = await step;
    if (!step.ok) {
      return { findings, block: true, blockReason: `before_install handler from ${entry.pluginId} failed: ${step.reason}`, blockedBy: entry.pluginId };
    }
    if (step.result.kind !== "record") continue;
    const value = step.result.fields;
    any = true;
    if (Array.isArray(value.findings)) for (const finding of value.findings as BeforeInstallDecision["findings"]) findings.push(finding);
    if (value.block === true) {
      return {
        findings,
        block: true,
        ...(typeof value.blockReason === "string" ? { blockReason: value.blockReason } : {}),
        blockedBy: entry.pluginId,
      };
    }
  }
  return any ? { findings } : undefined;
}
