/**
 * A real npm registry for tests: Verdaccio started as a child process on loopback with a temp storage folder, an
 * htpasswd auth file and `$all` access/publish (no uplinks: nothing leaves the machine). Start it once per test file
 * (`beforeAll`) and stop it in `afterAll`; publish plugins to it with the real `npm publish --registry`.
 */
import { spawn, execFile, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { ensureNode24 } from "../../scripts/lib/consumer-project.js";

const execFileAsync = promisify(execFile);

/** A running test registry. */
export interface TestRegistry {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  /** An npmrc file holding a publish token for {@link url}. */
  userconfig: string;
  /** Environment for npm / the CLI pointing at this registry only. */
  env: NodeJS.ProcessEnv;
  /** `npm publish` of a package folder (or tarball); `tag` sets the dist-tag (default `latest`). */
  publish(dirOrTarball: string, options?: { tag?: string }): Promise<void>;
  /** Moves a dist-tag. */
  distTag(spec: string, tag: string): Promise<void>;
  /** Number of tarball downloads served so far (from Verdaccio's log). */
  tarballRequests(): number;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts Verdaccio in `dir` (a fresh temp folder) and creates a publishing user.
 *
 * @example
 * ```ts
 * const registry = await startTestRegistry(tmp.path);
 * await registry.publish(pluginDir);
 * await registry.stop();
 * ```
 */
export async function startTestRegistry(dir: string): Promise<TestRegistry> {
  const storage = join(dir, "storage");
  mkdirSync(storage, { recursive: true });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const config = join(dir, "config.yaml");
  writeFileSync(
    config,
    [
      `storage: ${JSON.stringify(storage)}`,
      "auth:",
      "  htpasswd:",
      `    file: ${JSON.stringify(join(dir, "htpasswd"))}`,
      "    max_users: 100",
      "uplinks: {}",
      "packages:",
      "  '**':",
      "    access: $all",
      "    publish: $all",
      "    unpublish: $all",
      "server:",
      "  keepAliveTimeout: 0",
      "log: { type: stdout, format: json, level: http }",
      "",
    ].join("\n"),
  );
  const bin = join(dirname(createRequire(import.meta.url).resolve("verdaccio/package.json")), "bin", "verdaccio");
  // Verdaccio 6 needs Node >= 22: it runs on the Node 24 binary the consumer tests already use.
  const child: ChildProcess = spawn(ensureNode24(), [bin, "--config", config, "--listen", `127.0.0.1:${port}`], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NODE_ENV: "production" },
  });
  let log = "";
  let tarballs = 0;
  let pending = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    const text = chunk.toString("utf8");
    log = (log + text).slice(-20_000);
    if (process.env.VD_DEBUG) process.stderr.write(text);
    const lines = (pending + text).split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) if (/"req":\{"method":"GET","url":"[^"]*\/-\/[^"]*\.tgz"/.test(line)) tarballs += 1;
  });
  child.stderr!.on("data", (chunk: Buffer) => {
    log = (log + chunk.toString("utf8")).slice(-20_000);
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`verdaccio exited (${child.exitCode}): ${log.slice(-2000)}`);
    try {
      const response = await fetch(`${url}-/ping`);
      if (response.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`verdaccio did not start within 30 s: ${log.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const user = await fetch(`${url}-/user/org.couchdb.user:tester`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "tester", password: "tester-password", email: "t@example.test", type: "user" }),
  });
  const { token } = (await user.json()) as { token?: string };
  if (!token) throw new Error(`verdaccio did not issue a token (${user.status})`);
  const userconfig = join(dir, "npmrc");
  writeFileSync(userconfig, `registry=${url}\n//127.0.0.1:${port}/:_authToken=${token}\n`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    npm_config_registry: url,
    npm_config_userconfig: userconfig,
    npm_config_cache: join(dir, "npm-cache"),
    npm_config_update_notifier: "false",
    npm_config_fund: "false",
    npm_config_audit: "false",
  };
  const npm = async (args: string[], cwd?: string) => {
    await execFileAsync("npm", args, { env, ...(cwd ? { cwd } : {}), timeout: 60_000 });
  };
  return {
    url,
    userconfig,
    env,
    async publish(dirOrTarball, options = {}) {
      await npm(["publish", dirOrTarball, "--registry", url, "--tag", options.tag ?? "latest", "--ignore-scripts", "--access", "public"]);
    },
    async distTag(spec, tag) {
      await npm(["dist-tag", "add", spec, tag, "--registry", url]);
    },
    tarballRequests: () => tarballs,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
