/**
 * Calling one handler: a throw of any value, a thenable (native promise or not) whose `then` throws, calls back
 * twice, calls back with another thenable or never calls back — each ends as a `Settled` value, never as an
 * exception or a rejection. `then` is read exactly once per thenable; the per-handler timeout covers every thenable.
 */
import { type SafeRead, safeGet } from "./safe-values.js";

/** How a handler call ended. */
export type Settled = { status: "ok"; value: unknown } | { status: "error"; error: unknown } | { status: "timeout" };

/** A synchronous hook's handler returned a thenable (ignored by the runner). */
export interface ReturnedThenable {
  status: "thenable";
}

type AnyFunction = (...args: never[]) => unknown;

/** Thenable chains longer than this (a `then` that keeps calling back with thenables) are an error. */
const MAX_THENABLE_DEPTH = 32;

/** Reads `value.then` once: a function means a thenable; a throwing read is returned as a failure. */
function thenOf(value: unknown): SafeRead<AnyFunction | undefined> {
  if (value === null || (typeof value !== "object" && typeof value !== "function")) return { ok: true, value: undefined };
  const read = safeGet(value, "then");
  if (!read.ok) return read;
  return { ok: true, value: typeof read.value === "function" ? (read.value as AnyFunction) : undefined };
}

function hasBudget(timeoutMs: number | undefined): timeoutMs is number {
  return timeoutMs !== undefined && Number.isFinite(timeoutMs) && timeoutMs > 0;
}

/** Follows a thenable to its end (or its timeout); settles exactly once. */
function adopt(value: unknown, then: AnyFunction, timeoutMs: number | undefined): Promise<Settled> {
  return new Promise<Settled>((resolve) => {
    let done = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (settled: Settled): void => {
      if (done) return;
      done = true;
      if (timer !== undefined) clearTimeout(timer);
      resolve(settled);
    };
    if (hasBudget(timeoutMs)) timer = setTimeout(() => finish({ status: "timeout" }), timeoutMs);
    const follow = (target: unknown, targetThen: AnyFunction, depth: number): void => {
      let called = false;
      const onFulfilled = (result: unknown): void => {
        if (called) return;
        called = true;
        const next = thenOf(result);
        if (!next.ok) return finish({ status: "error", error: next.error });
        if (next.value === undefined) return finish({ status: "ok", value: result });
        if (depth >= MAX_THENABLE_DEPTH) {
          return finish({ status: "error", error: new Error(`resolved through more than ${MAX_THENABLE_DEPTH} nested thenables`) });
        }
        follow(result, next.value, depth + 1);
      };
      const onRejected = (error: unknown): void => {
        if (called) return;
        called = true;
        finish({ status: "error", error });
      };
      try {
        Reflect.apply(targetThen, target, [onFulfilled, onRejected]);
      } catch (error) {
        // A `then` that throws after calling back has already decided; otherwise the throw is the outcome.
        onRejected(error);
      }
    };
    follow(value, then, 0);
  });
}

/**
 * Calls `fn(event, ctx)` once: a throw, or a throwing `then` read, is an error; a plain value is settled; a thenable
 * comes back with its `then` (read exactly once) for the caller to follow or ignore.
 */
function invoke(
  fn: (event: never, ctx: never) => unknown,
  event: unknown,
  ctx: unknown,
): Settled | { status: "thenable"; value: unknown; then: AnyFunction } {
  let value: unknown;
  try {
    value = fn(event as never, ctx as never);
  } catch (error) {
    return { status: "error", error };
  }
  const then = thenOf(value);
  if (!then.ok) return { status: "error", error: then.error };
  if (then.value === undefined) return { status: "ok", value };
  return { status: "thenable", value, then: then.value };
}

/**
 * Calls `fn(event, ctx)`. A plain return value settles synchronously; a thenable is followed (bounded by
 * `timeoutMs` when it is a positive finite number).
 */
export function callHandler(
  fn: (event: never, ctx: never) => unknown,
  event: unknown,
  ctx: unknown,
  timeoutMs: number | undefined,
): Settled | Promise<Settled> {
  const called = invoke(fn, event, ctx);
  return "then" in called ? adopt(called.value, called.then, timeoutMs) : called;
}

/**
 * Calls a synchronous hook's handler. A thenable result is not awaited (`{ status: "thenable" }`); a rejection of it
 * is swallowed so it cannot surface as an unhandled rejection.
 */
export function callSyncHandler(fn: (event: never, ctx: never) => unknown, event: unknown, ctx: unknown): Settled | ReturnedThenable {
  const called = invoke(fn, event, ctx);
  if (!("then" in called)) return called;
  try {
    Reflect.apply(called.then, called.value, [ignore, ignore]);
  } catch {
    // Ignored either way: the result of a synchronous hook's thenable is never used.
  }
  return { status: "thenable" };
}

function ignore(): void {}

/** Whether a call result still has to be awaited. */
export function isPending(result: Settled | Promise<Settled>): result is Promise<Settled> {
  return result instanceof Promise;
}
