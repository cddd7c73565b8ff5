#!/usr/bin/env node
/**
 * The `openclaw` executable (package.json `bin`). All behaviour lives in {@link runCli}; this file only connects
 * it to the real process.
 */
import { processIO } from "./io.js";
import { runCli } from "./program.js";

process.exitCode = await runCli(process.argv.slice(2), processIO());
