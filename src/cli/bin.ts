#!/usr/bin/env node
/**
 * The `openclaw` executable (package.json `bin`). All behaviour lives in {@link runCli}; this file only connects
 * it to the real process.
 */
import { processIO } from "./io.js";
import { runCli } from "./program.js";

// A reader that stops early (`openclaw --help | head`) closes the pipe: that ends the output, not the command with a
// stack trace. Any other stream error is still thrown.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await runCli(process.argv.slice(2), processIO());
