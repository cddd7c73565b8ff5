/**
 * Lifecycle trace: with `OPENCLAW_PLUGIN_LIFECYCLE_TRACE=1`, each phase of a plugins command (config, discovery,
 * manifest, import, register, …) writes one line to stderr when it ends:
 *
 * ```text
 * [openclaw:trace] plugins inspect phase=discover ms=2.41
 * [openclaw:trace] plugins inspect phase=load plugin=demo ms=38.02
 * [openclaw:trace] plugins inspect phase=total ms=52.77
 * ```
 *
 * Stdout is never touched, so `--json` output stays parseable.
 */
import type { CliOutput } from "./io.js";

/** Environment variable that turns the trace on (`1` or `true`). */
export const LIFECYCLE_TRACE_ENV = "OPENCLAW_PLUGIN_LIFECYCLE_TRACE";

/** Records phase timings for one command. */
export interface LifecycleTracer {
  readonly enabled: boolean;
  /** Runs `fn` and, when tracing, prints its duration as `phase=<name>` (plus `plugin=<id>` when given). */
  phase<T>(name: string, fn: () => T | Promise<T>, pluginId?: string): Promise<T>;
  /** Prints a phase measured elsewhere (e.g. the installer's progress events), when tracing. */
  record(name: string, ms: number, pluginId?: string): void;
  /** Prints the total time since the tracer was created. */
  finish(): void;
}

/**
 * Creates a tracer for `command` writing to `stderr`; a no-op unless the trace variable is `1`/`true`.
 *
 * @example
 * ```ts
 * const tracer = createLifecycleTracer({ command: "plugins list", env: process.env, stderr: process.stderr });
 * const found = await tracer.phase("discover", () => discover());
 * tracer.finish();
 * ```
 */
export function createLifecycleTracer(options: {
  command: string;
  env: NodeJS.ProcessEnv;
  stderr: CliOutput;
}): LifecycleTracer {
  const value = options.env[LIFECYCLE_TRACE_ENV];
  const enabled = value === "1" || value === "true";
  const started = performance.now();
  const line = (phase: string, ms: number, pluginId?: string): void => {
    options.stderr.write(
      `[openclaw:trace] ${options.command} phase=${phase}${pluginId ? ` plugin=${pluginId}` : ""} ms=${ms.toFixed(2)}\n`,
    );
  };
  return {
    enabled,
    async phase(name, fn, pluginId) {
      if (!enabled) return fn();
      const start = performance.now();
      try {
        return await fn();
      } finally {
        line(name, performance.now() - start, pluginId);
      }
    },
    record(name, ms, pluginId) {
      if (enabled) line(name, ms, pluginId);
    },
    finish() {
      if (enabled) line("total", performance.now() - started);
    },
  };
}
