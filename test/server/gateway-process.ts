/**
 * Starts the built `openclaw gateway run --port 0 --json` on Node 24 (the plugin index needs node:sqlite) as a real
 * process and hands back its URL, a typed client and a stop function. Shared by the HTTP black-box tests and
 * `pnpm bench:api`.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { ensureNode24 } from "../../scripts/lib/consumer-project.js";
import { createManagementClient, type ManagementClient } from "../../src/plugin-sdk/management-client.js";

const repoRoot = join(import.meta.dirname, "..", "..");
/** The built CLI. */
export const cliPath = join(repoRoot, "dist", "cli", "openclaw.js");

/** A running gateway process. */
export interface GatewayProcess {
  url: string;
  port: number;
  child: ChildProcess;
  client: ManagementClient;
  stdout(): string;
  stderr(): string;
  /** Sends `signal` (default SIGTERM) and resolves with the exit code when the process has ended. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Spawns the gateway with `env` (merged over the test process's) and waits for its `listening` line.
 *
 * @example
 * ```ts
 * const gw = await startGatewayProcess({ OPENCLAW_STATE_DIR: dir });
 * await gw.client.listPlugins();
 * await gw.stop();
 * ```
 */
export async function startGatewayProcess(env: Record<string, string>, args: string[] = [], token?: string, cwd?: string): Promise<GatewayProcess> {
  const node = ensureNode24();
  const child = spawn(node, [cliPath, "gateway", "run", "--port", "0", "--json", ...args], {
    cwd: cwd ?? (env.OPENCLAW_STATE_DIR && existsSync(env.OPENCLAW_STATE_DIR) ? env.OPENCLAW_STATE_DIR : repoRoot),
    env: { ...process.env, NO_COLOR: "1", OPENCLAW_API_VALIDATE_RESPONSES: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
  child.stderr!.on("data", (chunk: Buffer) => (err += chunk.toString("utf8")));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  const listening = await new Promise<{ url: string; port: number }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`gateway did not start in 30 s\nstdout: ${out}\nstderr: ${err}`)), 30_000);
    const check = (): void => {
      const line = out.split("\n").find((candidate) => candidate.includes('"listening"'));
      if (!line) return;
      clearTimeout(timer);
      resolve(JSON.parse(line) as { url: string; port: number });
    };
    child.stdout!.on("data", check);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`gateway exited (${code}) before listening\nstdout: ${out}\nstderr: ${err}`));
    });
  });
  const client = createManagementClient({ baseUrl: listening.url, ...(token ? { token } : {}) });
  return {
    ...listening,
    child,
    client,
    stdout: () => out,
    stderr: () => err,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/**
 * Polls until the plugin runtime finished loading (after start or restart).
 *
 * @example
 * ```ts
 * await runtimeReady(gw.client);
 * ```
 */
export async function runtimeReady(client: ManagementClient, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const list = await client.listPlugins();
    if (list.runtime.state === "ready" && list.runtime.generation > 0) return;
    if (Date.now() > deadline) throw new Error("the plugin runtime did not become ready");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
