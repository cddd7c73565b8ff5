/**
 * Entry of the child process that runs one plugin-owned command (built to `dist/cli/plugin-command-worker.js`).
 * The CLI (`plugin-commands.ts`) starts it with the terminal's stdin, stdout and stderr plus an IPC channel, sends
 * one {@link PluginCommandJob} and waits for this process to exit; its exit code is the command's. The IPC channel
 * is closed as soon as the job arrives, so the process ends when the command's own work is done.
 */
import { runPluginCommand, type PluginCommandJob } from "../plugin-cli/invoke.js";

if (typeof process.send !== "function") {
  process.stderr.write("plugin-command-worker: start me through the openclaw CLI (needs an IPC channel).\n");
  process.exitCode = 2;
} else {
  process.once("message", (job: PluginCommandJob) => {
    process.disconnect?.();
    void runPluginCommand(job, { stderr: process.stderr, env: process.env }).then(
      (code) => {
        process.exitCode = code;
      },
      (error: unknown) => {
        process.stderr.write(`internal error running "openclaw ${job.path.join(" ")}": ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 3;
      },
    );
  });
  process.send({ ready: true });
}
