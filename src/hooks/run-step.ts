/**
 * One handler call as every runner performs it: hand over the event copy, call, await (bounded), read and check the
 * result once, record the call or the failure. A step never throws; it tells the runner whether the handler
 * produced a usable result or failed (and why), and the runner applies the hook's failure policy.
 */
import { type Settled, callHandler, isPending } from "./call-handler.js";
import { type ReadResult, type ResultKind, readResult } from "./result-validation.js";
import { type FailureSource, type HandlerFailure, type RunState, okCall, recordFailure } from "./run-state.js";
import type { SafeRead } from "./safe-values.js";

/** A usable result (`none`, `other` or a checked `record`), or a recorded failure with its reason. */
export type StepResult =
  | { ok: true; result: Exclude<ReadResult, { kind: "invalid" }> }
  | { ok: false; status: HandlerFailure["status"]; reason: string };

/**
 * What a result that is not an object means for this hook: `invalid` (gates and modifying hooks: a failure) or
 * `accept` (claims, evaluators and sync hooks: simply no decision).
 */
export type NonRecordPolicy = "invalid" | "accept";

/** A failure that happened before the handler could be called (event copy, eligibility). */
export function failStep(state: RunState, source: FailureSource, failure: HandlerFailure): StepResult {
  return { ok: false, status: failure.status, reason: recordFailure(state, source, failure) };
}

/** Interprets how a call settled: records it and returns the usable result or the failure. */
export function finishStep(
  state: RunState,
  source: FailureSource,
  settled: Settled,
  kind: ResultKind,
  nonRecord: NonRecordPolicy,
): StepResult {
  if (settled.status !== "ok") return failStep(state, source, settled);
  const read = readResult(kind, settled.value);
  if (read.kind === "invalid") return failStep(state, source, { status: "invalid", reason: read.reason });
  if (read.kind === "other" && nonRecord === "invalid") {
    return failStep(state, source, { status: "invalid", reason: `invalid result: ${read.type}, expected an object or nothing` });
  }
  okCall(state, source.pluginId, source.policyId);
  return { ok: true, result: read };
}

/** Copies-in, calls, awaits (only a thenable result) and reads one handler. */
export function runStep(
  state: RunState,
  source: FailureSource,
  fn: (event: never, ctx: never) => unknown,
  event: SafeRead<unknown>,
  ctx: unknown,
  timeoutMs: number | undefined,
  kind: ResultKind,
  nonRecord: NonRecordPolicy,
): StepResult | Promise<StepResult> {
  if (!event.ok) return failStep(state, source, { status: "error", error: event.error, context: "could not copy the event" });
  const settled = callHandler(fn, event.value, ctx, timeoutMs);
  if (isPending(settled)) return settled.then((done) => finishStep(state, source, done, kind, nonRecord));
  return finishStep(state, source, settled, kind, nonRecord);
}

/** Whether a step result still has to be awaited. */
export function isPendingStep(step: StepResult | Promise<StepResult>): step is Promise<StepResult> {
  return step instanceof Promise;
}
