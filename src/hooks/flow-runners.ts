/**
 * Runners of the fail-open hooks: observe (concurrent, results ignored), evaluate (concurrent, attributed outcomes),
 * claim (first `handled: true` wins), modify (sequential, merged) and sync-modify (synchronous, chained message).
 * A failing handler — whatever it threw, a timeout, an unreadable or wrong-typed result — is recorded and skipped.
 */
import type { PluginHookName, PluginHookResult } from "../contract/hook-types.js";
import { type Settled, callHandler, callSyncHandler } from "./call-handler.js";
import type { EvaluateOutcome, HookHandlerEntry } from "./hook-run-types.js";
import type { HookSemantics } from "./hook-semantics.js";
import { type HookResultRecord, mergeLastDefinedFields } from "./merge-rules.js";
import { type HandlerFailure, type RunState, isEligible, recordFailure, recordIgnoredThenable, timeoutOf } from "./run-state.js";
import { finishStep, isPendingStep, runStep } from "./run-step.js";
import { copyEvent, isRecord, snapshotEvent } from "./safe-values.js";

/** Observe hooks: every eligible handler concurrently; results are ignored (never read), failures recorded. */
export async function runObserve(
  state: RunState,
  entries: readonly HookHandlerEntry[],
  semantics: HookSemantics,
  event: unknown,
  ctx: unknown,
): Promise<undefined> {
  const eligibility = entries.map((entry) => isEligible(entry, event, ctx));
  const settled = await Promise.all(
    entries.map((entry, index): Settled | Promise<Settled> | HandlerFailure | undefined => {
      const eligible = eligibility[index];
      if (eligible === false) return undefined;
      if (eligible !== true && eligible !== undefined) return eligible;
      return callHandler(entry.handler, event, ctx, timeoutOf(entry, semantics));
    }),
  );
  settled.forEach((result, index) => {
    const entry = entries[index] as HookHandlerEntry;
    if (result === undefined) return;
    if (result.status === "ok") state.calls.push({ pluginId: entry.pluginId, status: "ok" });
    else recordFailure(state, { pluginId: entry.pluginId }, result);
  });
  return undefined;
}

/** `skill_proposal_evaluate`: every evaluator concurrently, each outcome attributed. */
export async function runEvaluate(
  state: RunState,
  entries: readonly HookHandlerEntry[],
  semantics: HookSemantics,
  event: unknown,
  ctx: unknown,
): Promise<EvaluateOutcome[]> {
  const settled = await Promise.all(entries.map((entry) => callHandler(entry.handler, event, ctx, timeoutOf(entry, semantics))));
  return settled.map((result, index) => {
    const entry = entries[index] as HookHandlerEntry;
    const base = { pluginId: entry.pluginId, ...(entry.registrationId ? { registrationId: entry.registrationId } : {}) };
    const step = finishStep(state, { pluginId: entry.pluginId }, result, state.name, "accept");
    if (!step.ok) return { ...base, status: step.status === "timeout" ? "timeout" : "error", error: step.reason };
    return step.result.kind === "record"
      ? { ...base, status: "ok" as const, result: { ...step.result.fields } as PluginHookResult<"skill_proposal_evaluate"> }
      : { ...base, status: "ok" as const };
  });
}

/** Claiming hooks: sequentially; the first `{ handled: true }` wins and the rest are not called. */
export async function runClaim(
  state: RunState,
  entries: readonly HookHandlerEntry[],
  semantics: HookSemantics,
  event: unknown,
  ctx: unknown,
): Promise<HookResultRecord | undefined> {
  for (const entry of entries) {
    const eligible = isEligible(entry, event, ctx);
    if (eligible === false) continue;
    if (eligible !== true) {
      recordFailure(state, { pluginId: entry.pluginId }, eligible);
      continue;
    }
    let step = runStep(state, entry, entry.handler, { ok: true, value: event }, ctx, timeoutOf(entry, semantics), state.name, "accept");
    if (isPendingStep(step)) step = await step;
    if (!step.ok || step.result.kind !== "record") continue;
    const value = step.result.fields;
    if (value.handled === true) return { ...value, handled: true, pluginId: entry.pluginId };
  }
  return undefined;
}

/** Modifying hooks: sequentially, each handler on its own copy of the event, results folded by the merge rule. */
export async function runModify(
  state: RunState,
  entries: readonly HookHandlerEntry[],
  semantics: HookSemantics,
  event: unknown,
  ctx: unknown,
): Promise<HookResultRecord | undefined> {
  const merge = semantics.merge ?? mergeLastDefinedFields;
  const chained = state.name === "reply_payload_sending";
  const cancellable = state.name === "message_sending" || chained;
  const snapshot = snapshotEvent(event);
  let current = snapshot.ok ? snapshot.value : undefined;
  let acc: HookResultRecord | undefined;
  for (const entry of entries) {
    const eligible = snapshot.ok ? isEligible(entry, current, ctx) : true;
    if (eligible === false) continue;
    if (eligible !== true) {
      recordFailure(state, { pluginId: entry.pluginId }, eligible);
      continue;
    }
    // Each handler gets its own copy: an in-place mutation by one handler never leaks to the next.
    let step = runStep(state, entry, entry.handler, snapshot.ok ? copyEvent(current) : snapshot, ctx, timeoutOf(entry, semantics), state.name, "invalid");
    if (isPendingStep(step)) step = await step;
    if (!step.ok || step.result.kind !== "record") continue;
    const value = step.result.fields;
    if (cancellable && value.cancel === true) {
      const merged = chained ? { ...(acc ?? {}) } : merge(acc, { ...value, cancel: undefined });
      return { ...merged, cancel: true, ...(value.cancelReason !== undefined ? { cancelReason: value.cancelReason } : {}), cancelledBy: entry.pluginId };
    }
    if (chained) {
      if (isRecord(value.payload)) {
        acc = { payload: value.payload };
        current = { ...(current as HookResultRecord), payload: value.payload };
      }
      continue;
    }
    const { cancel: _ignored, ...rest } = value;
    acc = merge(acc, rest);
  }
  return acc;
}

/** Synchronous hooks: each handler sees the latest message; a thenable result is ignored with a warning. */
export function runSyncModify(
  state: RunState<PluginHookName>,
  entries: readonly HookHandlerEntry[],
  event: unknown,
  ctx: unknown,
): HookResultRecord | undefined {
  const snapshot = snapshotEvent(event);
  const base: HookResultRecord = snapshot.ok && isRecord(snapshot.value) ? snapshot.value : {};
  let message = base.message;
  let changed = false;
  for (const entry of entries) {
    if (!snapshot.ok) {
      recordFailure(state, { pluginId: entry.pluginId }, { status: "error", error: snapshot.error, context: "could not copy the event" });
      continue;
    }
    const result = callSyncHandler(entry.handler, { ...base, message }, ctx);
    if (result.status === "thenable") {
      recordIgnoredThenable(state, entry.pluginId);
      continue;
    }
    const step = finishStep(state, { pluginId: entry.pluginId }, result, state.name, "accept");
    if (!step.ok || step.result.kind !== "record") continue;
    const value = step.result.fields;
    if (state.name === "before_message_write" && value.block === true) {
      return { block: true, message, blockedBy: entry.pluginId };
    }
    if (value.message !== undefined) {
      message = value.message;
      changed = true;
    }
  }
  return changed ? { message } : undefined;
}
