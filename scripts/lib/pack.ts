/**
 * Packing the package the way it is published, for the package lint, the consumer tests and the benchmarks.
 * Builds first when dist/ is missing. Build and pack run under `flock /tmp/build.lock`, the lock every writer of
 * dist/ takes, so a concurrent rebuild never leaves a half-written tarball.
 */
import { execFileSync, spawnSync, type ExecFileSyncOptions } from "node:child_process";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { builtFilesOf, publicSubpaths, repoRoot } from "./entrypoints.js";

export const buildLock = "/tmp/build.lock";

let flockAvailable: boolean | undefined;
/**
 * `flock` (util-linux) serialises writers of dist/ on a shared machine; without it, commands run unlocked.
 * `OPENCLAW_BUILD_LOCK_HELD=1` says a parent already holds /tmp/build.lock (e.g.
 * `OPENCLAW_BUILD_LOCK_HELD=1 flock /tmp/build.lock pnpm test:all`), so taking it again would deadlock.
 */
export function hasFlock(): boolean {
  return process.env.OPENCLAW_BUILD_LOCK_HELD !== "1" && flockInstalled();
}

/** True when the `flock` command exists. */
export function flockInstalled(): boolean {
  flockAvailable ??= spawnSync("flock", ["--version"], { stdio: "ignore" }).status === 0;
  return flockAvailable;
}

/**
 * The command that runs pnpm: the pnpm that launched this process when there is one (`npm_execpath`, also set when
 * pnpm itself came from `npx pnpm@…`), else `pnpm` from PATH.
 */
export function pnpmCommand(): { file: string; args: string[] } {
  const execPath = process.env.npm_execpath;
  if (execPath && /pnpm/.test(execPath) && existsSync(execPath)) {
    return /\.(c|m)?js$/.test(execPath) ? { file: process.execPath, args: [execPath] } : { file: execPath, args: [] };
  }
  return { file: "pnpm", args: [] };
}

/** Runs pnpm with `args`; under the build lock when `locked`. Returns stdout. */
export function runPnpm(args: string[], options: { cwd?: string; locked?: boolean } = {}): string {
  const pnpm = pnpmCommand();
  const execOptions: ExecFileSyncOptions = {
    cwd: options.cwd ?? repoRoot,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 * 1024 * 1024,
  };
  const locked = options.locked === true && hasFlock();
  const command = locked ? "flock" : pnpm.file;
  const commandArgs = locked ? [buildLock, pnpm.file, ...pnpm.args, ...args] : [...pnpm.args, ...args];
  try {
    return String(execFileSync(command, commandArgs, execOptions));
  } catch (error) {
    const output = String((error as { stdout?: unknown }).stdout ?? "").trim().split("\n").slice(-40).join("\n");
    throw new Error(`pnpm ${args.join(" ")} failed in ${execOptions.cwd}:\n${output}`);
  }
}

/** True when every public subpath has its built JS and declarations. */
export function isBuilt(): boolean {
  return publicSubpaths().every((subpath) => {
    const files = builtFilesOf(subpath);
    return existsSync(join(repoRoot, files.js)) && existsSync(join(repoRoot, files.dts));
  });
}

/** Builds (under the build lock) when dist/ lacks a public subpath. */
export function ensureBuilt(): void {
  if (!isBuilt()) runPnpm(["run", "build"], { locked: true });
}

/**
 * `pnpm pack` into `destination` and returns the absolute path of the tarball. Builds first if needed.
 */
export function packPackage(destination: string): string {
  ensureBuilt();
  mkdirSync(destination, { recursive: true });
  for (const file of readdirSync(destination)) {
    if (file.endsWith(".tgz")) throw new Error(`${destination} already holds ${file}; pack into an empty directory.`);
  }
  runPnpm(["pack", "--pack-destination", destination], { locked: true });
  const tarball = readdirSync(destination).find((file) => file.endsWith(".tgz"));
  if (!tarball) throw new Error(`pnpm pack wrote no .tgz into ${destination}.`);
  return join(destination, tarball);
}
