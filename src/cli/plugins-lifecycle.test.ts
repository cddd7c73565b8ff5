import { describe, expect, it } from "vitest";
import { createStyler, type CliIO, type CliOutput } from "./io.js";
import { createLifecycleTracer } from "./trace.js";
import type { CommandContext } from "./context.js";
import { exitCodeFor, lifecycleContext, reportFailure } from "./commands/plugins-lifecycle.js";

function capture(isTTY: boolean): CliOutput & { text: string } {
  const out = { text: "", isTTY, write(chunk: string) { out.text += chunk; return true; } };
  return out;
}

function context(options: { tty: boolean; trace?: boolean }) {
  const stdout = capture(options.tty);
  const stderr = capture(options.tty);
  const env = { NO_COLOR: "1", ...(options.trace ? { OPENCLAW_PLUGIN_LIFECYCLE_TRACE: "1" } : {}) };
  const io: CliIO = { stdout, stderr, env, cwd: "/tmp" };
  const ctx: CommandContext = { io, out: createStyler(stdout, env), err: createStyler(stderr, env), tracer: createLifecycleTracer({ command: "plugins install", env, stderr }) };
  return { ctx, stdout, stderr };
}

describe("plugins install/update/uninstall output", () => {
  it("draws a progress line on a TTY (download bytes) and clears it; nothing with --json or without a TTY", () => {
    const tty = context({ tty: true });
    const { installer, done } = lifecycleContext(tty.ctx, { json: false });
    installer.onProgress!({ operation: "install", phase: "download", status: "start", spec: "demo" });
    installer.onProgress!({ operation: "install", phase: "download", status: "progress", bytes: 2048, totalBytes: 4096 });
    done();
    expect(tty.stderr.text).toContain("download");
    expect(tty.stderr.text).toContain("\r\u001b[2K");
    expect(tty.stderr.text.endsWith("\r\u001b[2K")).toBe(true);
    const json = context({ tty: true });
    lifecycleContext(json.ctx, { json: true }).installer.onProgress!({ operation: "install", phase: "download", status: "progress", bytes: 10 });
    expect(json.stderr.text).toBe("");
    const piped = context({ tty: false });
    lifecycleContext(piped.ctx, {}).installer.onProgress!({ operation: "install", phase: "resolve", status: "start" });
    expect(piped.stderr.text).toBe("");
  });

  it("prints one trace line per finished phase with OPENCLAW_PLUGIN_LIFECYCLE_TRACE=1, keeping stdout clean", () => {
    const traced = context({ tty: false, trace: true });
    const { installer } = lifecycleContext(traced.ctx, { json: true });
    installer.onProgress!({ operation: "install", phase: "commit", status: "end", elapsedMs: 12.5, pluginId: "demo" });
    expect(traced.stderr.text).toBe("[openclaw:trace] plugins install phase=commit plugin=demo ms=12.50\n");
    expect(traced.stdout.text).toBe("");
  });

  it("reports a failure with source, rule and fix (human) or as JSON, with usage errors exiting 2", () => {
    const failure = { code: "already-installed" as const, message: 'Plugin "demo" is already installed.', source: "./demo", rule: "the rule", fix: "openclaw plugins update demo" };
    const human = context({ tty: false });
    expect(reportFailure(human.ctx, failure, {})).toBe(2);
    expect(human.stderr.text).toBe('error Plugin "demo" is already installed.\n  source: ./demo\n  rule:   the rule\n  fix:    openclaw plugins update demo\n');
    const json = context({ tty: false });
    reportFailure(json.ctx, failure, { json: true });
    expect(JSON.parse(json.stdout.text)).toEqual({ ok: false, error: failure });
    expect(exitCodeFor({ ...failure, code: "integrity-drift" })).toBe(1);
  });
});
