/**
 * `RuntimeEnv` implementations for code that runs outside the gateway (CLIs, tests, background tasks).
 */
import type { RuntimeEnv } from "../contract/runtime.js";

/**
 * A runtime whose `exit` throws instead of ending the process (for library code and tests); `log`/`error` go to the
 * console.
 *
 * @example
 * ```ts
 * const runtime = createNonExitingRuntime();
 * runtime.log("ready");
 * ```
 */
export function createNonExitingRuntime(): RuntimeEnv {
  return {
    log: (...args) => console.log(...args),
    error: (...args) => console.error(...args),
    exit: (code) => {
      throw new Error(`runtime exit requested with code ${code}`);
    },
  };
}

/**
 * The process runtime: console output and `process.exit`.
 *
 * @example
 * ```ts
 * defaultRuntime.error("fatal"); defaultRuntime.exit(1);
 * ```
 */
export const defaultRuntime: RuntimeEnv = {
  log: (...args) => console.log(...args),
  error: (...args) => console.error(...args),
  exit: (code) => process.exit(code),
};
