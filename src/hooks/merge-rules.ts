/**
 * Merge rules for modifying hooks: how the host folds the results of several handlers (called in priority order)
 * into one decision. Each rule is a pure function `(accumulated, next) => merged`; `accumulated` is `undefined`
 * before the first handler that returned something.
 *
 * Vocabulary used below:
 * - first-defined: the highest-priority handler that set the field wins.
 * - last-defined: the lowest-priority handler that set the field wins.
 * - concatenated: text segments joined with a blank line, in priority order.
 */

/**
 * A plain result object as returned by a hook handler.
 *
 * @example
 * ```ts
 * const result: HookResultRecord = { block: true, blockReason: "no" };
 * ```
 */
export type HookResultRecord = Record<string, unknown>;

/**
 * Folds the next handler's result into the accumulated decision.
 *
 * @example
 * ```ts
 * const merged = mergeMessageSending({ content: "a" }, { content: "b" }); // { content: "b" }
 * ```
 */
export type HookMergeRule = (accumulated: HookResultRecord | undefined, next: HookResultRecord) => HookResultRecord;

function firstDefined(previous: unknown, next: unknown): unknown {
  return previous !== undefined ? previous : next;
}

function lastDefined(previous: unknown, next: unknown): unknown {
  return next !== undefined ? next : previous;
}

function concatText(previous: unknown, next: unknown): string | undefined {
  const left = typeof previous === "string" && previous.trim() !== "" ? previous : undefined;
  const right = typeof next === "string" && next.trim() !== "" ? next : undefined;
  if (left === undefined) return right;
  if (right === undefined) return left;
  return `${left}\n\n${right}`;
}

/** Sets an own data property, so a key such as `__proto__` stays an ordinary key and never changes a prototype. */
function defineOwn(target: HookResultRecord, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

function compact(record: HookResultRecord): HookResultRecord {
  const out: HookResultRecord = {};
  for (const key of Object.keys(record)) {
    if (record[key] !== undefined) defineOwn(out, key, record[key]);
  }
  return out;
}

function intersectLists(previous: unknown, next: unknown): string[] | undefined {
  const left = Array.isArray(previous) ? previous.filter((v): v is string => typeof v === "string") : undefined;
  const right = Array.isArray(next) ? next.filter((v): v is string => typeof v === "string") : undefined;
  if (left === undefined) return right;
  if (right === undefined) return left;
  if (left.includes("*")) return right;
  if (right.includes("*")) return left;
  const allowed = new Set(right);
  return left.filter((name) => allowed.has(name));
}

/**
 * `before_model_resolve`: the highest-priority override wins for model and provider independently.
 *
 * @example
 * ```ts
 * mergeBeforeModelResolve({ modelOverride: "a" }, { modelOverride: "b", providerOverride: "p" }); // { modelOverride: "a", providerOverride: "p" }
 * ```
 */
export const mergeBeforeModelResolve: HookMergeRule = (acc, next) =>
  compact({
    modelOverride: firstDefined(acc?.modelOverride, next.modelOverride),
    providerOverride: firstDefined(acc?.providerOverride, next.providerOverride),
  });

/**
 * `before_prompt_build`: `systemPrompt` first-defined; context fields concatenated; `toolsAllow` lists intersect
 * (a tool survives only if every restricting handler allows it, `"*"` allows all).
 *
 * @example
 * ```ts
 * mergeBeforePromptBuild({ prependContext: "one" }, { prependContext: "two" }); // { prependContext: "one\n\ntwo" }
 * ```
 */
export const mergeBeforePromptBuild: HookMergeRule = (acc, next) =>
  compact({
    systemPrompt: firstDefined(acc?.systemPrompt, next.systemPrompt),
    prependContext: concatText(acc?.prependContext, next.prependContext),
    appendContext: concatText(acc?.appendContext, next.appendContext),
    prependSystemContext: concatText(acc?.prependSystemContext, next.prependSystemContext),
    appendSystemContext: concatText(acc?.appendSystemContext, next.appendSystemContext),
    toolsAllow: intersectLists(acc?.toolsAllow, next.toolsAllow),
  });

/**
 * `agent_turn_prepare` and `heartbeat_prompt_contribution`: context fields concatenated in priority order.
 *
 * @example
 * ```ts
 * mergeContextContribution({ appendContext: "a" }, { appendContext: "b" }); // { appendContext: "a\n\nb" }
 * ```
 */
export const mergeContextContribution: HookMergeRule = (acc, next) =>
  compact({
    prependContext: concatText(acc?.prependContext, next.prependContext),
    appendContext: concatText(acc?.appendContext, next.appendContext),
  });

/**
 * `before_agent_finalize`: `finalize` is sticky; otherwise the first `revise` wins (later revise reasons are
 * appended); `continue` only when nobody asked for more.
 *
 * @example
 * ```ts
 * mergeBeforeAgentFinalize({ action: "continue" }, { action: "revise", reason: "r" }); // { action: "revise", reason: "r" }
 * ```
 */
export const mergeBeforeAgentFinalize: HookMergeRule = (acc, next) => {
  if (acc?.action === "finalize") return acc;
  if (next.action === "finalize") return compact({ action: "finalize", reason: next.reason });
  if (acc?.action === "revise") {
    if (next.action === "revise") return { ...acc, reason: concatText(acc.reason, next.reason) };
    return acc;
  }
  if (next.action === "revise") return compact({ action: "revise", reason: next.reason, retry: next.retry });
  if (next.action === "continue") return compact({ action: "continue", reason: next.reason });
  return acc ?? next;
};

/**
 * `message_sending`: last-defined `content` wins (a `cancel: true` is handled by the runner as terminal).
 *
 * @example
 * ```ts
 * mergeMessageSending({ content: "a" }, { content: "b" }); // { content: "b" }
 * ```
 */
export const mergeMessageSending: HookMergeRule = (acc, next) =>
  compact({
    content: lastDefined(acc?.content, next.content),
    metadata: lastDefined(acc?.metadata, next.metadata),
  });

/**
 * `subagent_delivery_target`: the first handler that returns an `origin` wins.
 *
 * @example
 * ```ts
 * mergeSubagentDeliveryTarget({ origin: "a" }, { origin: "b" }); // { origin: "a" }
 * ```
 */
export const mergeSubagentDeliveryTarget: HookMergeRule = (acc, next) => (acc?.origin !== undefined ? acc : next);

/**
 * `resolve_exec_env`: the result is a flat map of environment variables; for a key set by several plugins the
 * higher-priority handler wins (first-defined), so a low-priority plugin cannot override a policy plugin.
 * Non-string values are dropped.
 *
 * @example
 * ```ts
 * mergeResolveExecEnv({ A: "1" }, { A: "2", B: "3" }); // { A: "1", B: "3" }
 * ```
 */
export const mergeResolveExecEnv: HookMergeRule = (acc, next) => {
  const env: HookResultRecord = { ...(acc ?? {}) };
  for (const key of Object.keys(next)) {
    if (!Object.hasOwn(env, key) && typeof next[key] === "string") defineOwn(env, key, next[key]);
  }
  return env;
};

/**
 * Default for modifying hooks without a specific rule: shallow merge, last-defined field wins.
 *
 * @example
 * ```ts
 * mergeLastDefinedFields({ a: 1 }, { a: 2, b: undefined }); // { a: 2 }
 * ```
 */
export const mergeLastDefinedFields: HookMergeRule = (acc, next) => {
  const out: HookResultRecord = { ...(acc ?? {}) };
  for (const key of Object.keys(next)) {
    if (next[key] !== undefined) defineOwn(out, key, next[key]);
  }
  return out;
};
