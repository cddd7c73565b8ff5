/**
 * Per-run bookkeeping shared by every runner: recording calls and failures (with a message that can always be
 * built, whatever was thrown), handler eligibility (tool matchers, triggers, dispatch kinds) and timeouts.
 */
import type { PluginHookName, PluginToolMatcher } from "../contract/hook-types.js";
import type { HookHandlerCall, HookHandlerEntry, HookHandlerFailure, HookRunnerLogger } from "./hook-run-types.js";
import type { HookSemantics } from "./hook-semantics.js";
import { errorText, safeGet } from "./safe-values.js";

/** State of one `run()`. */
export interface RunState<K extends PluginHookName = PluginHookName> {
  name: K;
  calls: HookHandlerCall[];
  failures: HookHandlerFailure[];
  logger: HookRunnerLogger | undefined;
}

/**
 * Why a handler failed: it threw or rejected (`error`, with an optional `context` such as "could not copy the
 * event"), ran out of time, or returned a result the hook does not accept (`invalid`, with the reason).
 */
export type HandlerFailure =
  | { status: "error"; error: unknown; context?: string }
  | { status: "timeout" }
  | { status: "invalid"; reason: string };

/** Who failed: a handler, or a trusted tool policy. */
export interface FailureSource {
  pluginId: string;
  /** Noun used in the message, e.g. `handler` or `trusted tool policy "budget"`. */
  what?: string;
  policyId?: string;
}

function log(logger: HookRunnerLogger | undefined, level: "warn" | "error", message: string): void {
  try {
    logger?.[level](message);
  } catch {
    // A throwing logger must not turn a recorded failure into a rejected run.
  }
}

/** Records a failure (call + failure + logger) and returns its one-line reason. Never throws. */
export function recordFailure(state: RunState, source: FailureSource, failure: HandlerFailure): string {
  const reason =
    failure.status === "timeout"
      ? "timed out"
      : failure.status === "invalid"
        ? failure.reason
        : failure.context !== undefined
          ? `${failure.context}: ${errorText(failure.error)}`
          : errorText(failure.error);
  const message = `[hooks] ${state.name} ${source.what ?? "handler"} from ${source.pluginId} failed: ${reason}`;
  state.failures.push({
    hookName: state.name,
    pluginId: source.pluginId,
    message,
    timedOut: failure.status === "timeout",
    ...(failure.status === "error" ? { cause: failure.error } : {}),
  });
  state.calls.push({
    pluginId: source.pluginId,
    ...(source.policyId ? { policyId: source.policyId } : {}),
    status: failure.status,
    error: reason,
  });
  log(state.logger, "error", message);
  return reason;
}

/** Records a warning call (a synchronous hook's handler returned a thenable). */
export function recordIgnoredThenable(state: RunState, pluginId: string): void {
  log(
    state.logger,
    "warn",
    `[hooks] ${state.name} handler from ${pluginId} returned a Promise; this hook is synchronous and the result was ignored`,
  );
  state.calls.push({ pluginId, status: "invalid", error: "returned a Promise" });
}

/** Records a successful call. */
export function okCall(state: RunState, pluginId: string, policyId?: string): void {
  state.calls.push({ pluginId, ...(policyId ? { policyId } : {}), status: "ok" });
}

/** The effective timeout of a handler: its own (config applied) or the hook's default. */
export function timeoutOf(entry: HookHandlerEntry, semantics: HookSemantics): number | undefined {
  return entry.timeoutMs ?? semantics.defaultTimeoutMs;
}

/**
 * Whether a tool matcher selects `toolName`. A matcher function that throws is a failure of its handler, not a
 * quiet "no match" (a gate must not skip a guard because the guard's own matcher broke).
 */
export function matchesTool(matcher: PluginToolMatcher | undefined, toolName: unknown): boolean | { error: unknown } {
  if (matcher === undefined) return true;
  if (typeof toolName !== "string") return false;
  try {
    if (typeof matcher === "string") return matcher === toolName;
    if (typeof matcher === "function") return matcher(toolName) === true;
    return Array.isArray(matcher) && matcher.includes(toolName);
  } catch (error) {
    return { error };
  }
}

function field(source: unknown, key: string): unknown {
  if (source === null || (typeof source !== "object" && typeof source !== "function")) return undefined;
  const read = safeGet(source, key);
  if (!read.ok) throw new EligibilityReadError(key, read.error);
  return read.value;
}

class EligibilityReadError {
  constructor(
    readonly key: string,
    readonly error: unknown,
  ) {}
}

/**
 * Whether `entry` runs for this event/context: `true`, `false`, or a failure (a throwing matcher, or an event or
 * context field that could not be read).
 */
export function isEligible(entry: HookHandlerEntry, event: unknown, ctx: unknown): boolean | HandlerFailure {
  try {
    if (entry.matcher !== undefined && (entry.hookName === "before_tool_call" || entry.hookName === "after_tool_call")) {
      const matched = matchesTool(entry.matcher, field(event, "toolName"));
      if (typeof matched === "object") return { status: "error", error: matched.error, context: "its tool matcher threw" };
      if (!matched) return false;
    }
    if (entry.eligibleTriggers && entry.eligibleTriggers.length > 0) {
      const trigger = field(ctx, "trigger");
      if (typeof trigger === "string" && !entry.eligibleTriggers.includes(trigger)) return false;
    }
    if (entry.eligibleDispatchKinds && entry.eligibleDispatchKinds.length > 0) {
      const kind = field(event, "kind");
      if (typeof kind === "string" && !entry.eligibleDispatchKinds.includes(kind)) return false;
    }
    return true;
  } catch (error) {
    if (error instanceof EligibilityReadError) {
      return { status: "error", error: error.error, context: `could not read "${error.key}" of the event or context` };
    }
    return { status: "error", error, context: "could not check eligibility" };
  }
}
