/**
 * The managed npm project of one plugin: its staged folder is its own npm project, and its dependencies are
 * installed there with `npm install --omit=dev --ignore-scripts --legacy-peer-deps` (no lifecycle scripts run, even
 * when the operator's npm config enables them; peers such as `openclaw` are provided by the host, not installed),
 * against the same registry the plugin came from.
 */
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { installError } from "./failure.js";

/**
 * Names of the runtime dependencies a staged plugin declares (`dependencies` + `optionalDependencies`).
 *
 * @example
 * ```ts
 * await declaredDependencies("/stage/demo"); // ["zod"]
 * ```
 */
export async function declaredDependencies(dir: string): Promise<string[]> {
  let pkg: unknown;
  try {
    pkg = JSON.parse(await readFile(join(dir, "package.json"), "utf8"));
  } catch {
    return [];
  }
  if (typeof pkg !== "object" || pkg === null) return [];
  const names = new Set<string>();
  for (const field of ["dependencies", "optionalDependencies"]) {
    const deps = (pkg as Record<string, unknown>)[field];
    if (typeof deps === "object" && deps !== null) for (const name of Object.keys(deps)) names.add(name);
  }
  return [...names];
}

/**
 * Runs `npm install` in `dir` (see the module comment). Throws `dependencies-failed` with npm's last lines.
 *
 * @example
 * ```ts
 * await installManagedDependencies("/stage/demo", { npmCommand: "npm", env: process.env, registry: "http://127.0.0.1:4873/" });
 * ```
 */
export async function installManagedDependencies(
  dir: string,
  options: { npmCommand: string; env: NodeJS.ProcessEnv; registry?: string | undefined; signal?: AbortSignal | undefined; source?: string | undefined },
): Promise<void> {
  const args = ["install", "--omit=dev", "--ignore-scripts", "--legacy-peer-deps", "--no-audit", "--no-fund", "--no-update-notifier", "--loglevel=error"];
  if (options.registry) args.push(`--registry=${options.registry}`);
  const env: NodeJS.ProcessEnv = {
    ...options.env,
    npm_config_ignore_scripts: "true",
    npm_config_global: "false",
    npm_config_location: "project",
    npm_config_workspaces: "false",
    npm_config_audit: "false",
    npm_config_fund: "false",
  };
  delete env.npm_config_prefix;
  delete env.NPM_CONFIG_PREFIX;
  const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(options.npmCommand, args, { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"], ...(options.signal ? { signal: options.signal } : {}) });
    let output = "";
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString("utf8")).slice(-4000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("error", reject);
    child.on("close", (exit) => resolve({ code: exit, output }));
  }).catch((error: unknown) => {
    throw installError("dependencies-failed", `Cannot run ${options.npmCommand}: ${(error as Error).message}.`, {
      source: options.source,
      rule: "plugins with dependencies get them from npm in their own managed project",
      fix: "install npm (it ships with Node.js) and make sure it is on PATH",
    });
  });
  if (code !== 0) {
    const tail = output.trim().split("\n").slice(-6).join(" | ");
    throw installError("dependencies-failed", `npm install --ignore-scripts failed in the plugin's managed project (exit ${code}): ${tail}`, {
      source: options.source,
      rule: "plugins with dependencies get them from npm in their own managed project; nothing is installed when that fails",
      fix: "check that every dependency exists on the registry (npm view <dep>), then run the install again",
    });
  }
}
