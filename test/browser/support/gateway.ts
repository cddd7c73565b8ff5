/**
 * Runs the real management server for the browser tests: the built CLI (`dist/cli/openclaw.js gateway run`) on
 * Node 24 (the plugin index needs `node:sqlite`), on a free loopback port, with its own state directory.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { ensureNode24 } from "../../../scripts/lib/consumer-project.js";
import { repoRoot } from "../../../scripts/lib/entrypoints.js";

export interface GatewayOptions {
  stateDir: string;
  /** `OPENCLAW_API_TOKEN` for the server (none: loopback without auth). */
  token?: string;
  /** Port to reuse (a restart keeps the page's origin); default: a free one. */
  port?: number;
  env?: NodeJS.ProcessEnv;
  /** The CLI to run (default: this repository's `dist/cli/openclaw.js`; tests of the packed package pass theirs). */
  cli?: string;
}

export interface RunningGateway {
  baseUrl: string;
  port: number;
  /** Everything the server printed so far (for failure messages). */
  output(): string;
  /** Ctrl-C (SIGINT), then waits for the process to exit (SIGKILL after 15 s). */
  stop(): Promise<void>;
}

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** The environment the CLI and the server see for a state directory. */
export function gatewayEnv(stateDir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    OPENCLAW_STATE_DIR: stateDir,
    OPENCLAW_CONFIG_PATH: join(stateDir, "openclaw.json"),
    NO_COLOR: "1",
    // Every response is checked against its zod schema (a mismatch is a 500 the page would show).
    OPENCLAW_API_VALIDATE_RESPONSES: "1",
    npm_config_update_notifier: "false",
    npm_config_fund: "false",
    npm_config_audit: "false",
    ...extra,
  };
  delete env.OPENCLAW_API_TOKEN;
  if (extra.OPENCLAW_API_TOKEN) env.OPENCLAW_API_TOKEN = extra.OPENCLAW_API_TOKEN;
  return env;
}

/**
 * Starts `openclaw gateway run` and waits until `GET /api/plugins` answers (200, or 401 with a token) and the plugin
 * runtime reports `ready`.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const node24 = ensureNode24();
  const port = options.port ?? (await freePort());
  const env = gatewayEnv(options.stateDir, { ...(options.env ?? {}), ...(options.token ? { OPENCLAW_API_TOKEN: options.token } : {}) });
  const child: ChildProcess = spawn(node24, [options.cli ?? join(repoRoot, "dist", "cli", "openclaw.js"), "gateway", "run", "--port", String(port), "--host", "127.0.0.1"], {
    cwd: options.stateDir,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exitCode !== undefined) throw new Error(`openclaw gateway run exited with ${exitCode} before serving:\n${output}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`openclaw gateway run did not serve ${baseUrl} within 60 s:\n${output}`);
    }
    try {
      const headers: Record<string, string> = options.token ? { authorization: `Bearer ${options.token}` } : {};
      const response = await fetch(`${baseUrl}/api/plugins`, { headers });
      if (response.status === 200) {
        const body = (await response.json()) as { runtime?: { state?: string } };
        if (body.runtime?.state !== "loading") break;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }

  return {
    baseUrl,
    port,
    output: () => output,
    async stop() {
      if (exitCode !== undefined) return;
      child.kill("SIGINT");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
