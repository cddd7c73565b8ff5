/**
 * Entry of the CLI's runtime-check child process (built to `dist/cli/runtime-worker.js`). The parent
 * (`runtime-child.ts`) spawns it with an IPC channel and sends {@link RuntimeJob}s one at a time; each answer is
 * `{ id, result }` or `{ id, error }`. Plugin code runs only here, so a plugin that calls `process.exit()`, never
 * settles, or crashes ends this process, not the CLI: the parent reports `plugin-exited` or `plugin-load-timeout`.
 * The parent kills this process when it is done; nothing here exits on its own.
 */
import { runRuntimeJob, type RuntimeJob } from "./runtime-jobs.js";
import { validatePluginConfig } from "../config/validate-plugin-config.js";
import { parsePluginManifest } from "../manifest/read-plugin-manifest.js";

interface JobMessage {
  id: number;
  job: RuntimeJob;
}

if (typeof process.send !== "function") {
  process.stderr.write("runtime-worker: start me through the openclaw CLI (needs an IPC channel).\n");
  process.exitCode = 2;
} else {
  process.on("message", (message: JobMessage) => {
    void (async () => {
      let reply: { id: number; result?: unknown; error?: string };
      try {
        reply = { id: message.id, result: await runRuntimeJob(message.job) };
      } catch (error) {
        reply = { id: message.id, error: error instanceof Error ? error.message : String(error) };
      }
      process.send?.(reply);
    })();
  });
  // The CLI is gone (it never leaves a worker behind on purpose): nothing left to answer.
  process.on("disconnect", () => process.exit(0));
  // Tell the parent the worker is ready (the SDK modules are loaded); job time limits start after this.
  process.send({ ready: true });
  // While the parent is still discovering plugins, load the manifest checker and the config validator (zod, ajv)
  // with a built-in manifest, so the first real load does not pay for it. No plugin code is involved.
  setTimeout(() => {
    try {
      const { manifest } = parsePluginManifest('{"id":"openclaw-warm-up","configSchema":{"type":"object","properties":{"x":{"type":"string"}}}}');
      if (manifest) validatePluginConfig({ manifest, config: { x: "y" } });
    } catch {
      // warm-up only: a real load reports any problem
    }
  }, 0);
}
