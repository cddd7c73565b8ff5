/**
 * Where OpenClaw keeps its config file, its state and its plugin roots. One rule, documented in docs/cli.md:
 *
 * 1. state directory = `$OPENCLAW_STATE_DIR`, else `~/.openclaw`;
 * 2. config file     = `$OPENCLAW_CONFIG_PATH`, else `<state directory>/openclaw.json`;
 * 3. user extensions = `<state directory>/extensions`;
 * 4. workspace       = the directory given by the caller (the CLI's `--workspace`), else the current directory;
 *    its plugin root is `<workspace>/.openclaw/extensions`.
 *
 * Relative override values resolve against the current directory; `~` at the start expands to the home directory.
 */
import { homedir } from "node:os";
import { isAbsolute, join, resolve } from "node:path";

/** Environment variable overriding the state directory. */
export const STATE_DIR_ENV = "OPENCLAW_STATE_DIR";
/** Environment variable overriding the config file path. */
export const CONFIG_PATH_ENV = "OPENCLAW_CONFIG_PATH";

/** The resolved locations, all absolute. */
export interface OpenClawPaths {
  /** State directory (`$OPENCLAW_STATE_DIR` or `~/.openclaw`). */
  stateDir: string;
  /** Config file (`$OPENCLAW_CONFIG_PATH` or `<stateDir>/openclaw.json`). */
  configPath: string;
  /** How {@link OpenClawPaths.configPath} was chosen, for messages. */
  configPathSource: "env" | "default";
  /** Per-user plugin root: `<stateDir>/extensions`. */
  userExtensionsDir: string;
  /** Workspace directory. */
  workspaceDir: string;
  /** Workspace plugin root: `<workspaceDir>/.openclaw/extensions`. */
  workspaceExtensionsDir: string;
  /** The plugin index database (SQLite, src/state/plugin-index.ts): `<stateDir>/state/openclaw.sqlite`. */
  pluginIndexPath: string;
}

/** Inputs of {@link resolveOpenClawPaths}; every field defaults to the running process. */
export interface ResolveOpenClawPathsOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  home?: string;
  /** Workspace directory; defaults to `cwd`. */
  workspaceDir?: string;
}

function expand(value: string, home: string, cwd: string): string {
  const withHome = value === "~" ? home : value.startsWith("~/") ? join(home, value.slice(2)) : value;
  return isAbsolute(withHome) ? withHome : resolve(cwd, withHome);
}

/**
 * Resolves the config file, state directory and plugin roots by the single rule above.
 *
 * @example
 * ```ts
 * const paths = resolveOpenClawPaths({ env: { OPENCLAW_STATE_DIR: "/srv/claw" } });
 * paths.configPath; // "/srv/claw/openclaw.json"
 * ```
 */
export function resolveOpenClawPaths(options: ResolveOpenClawPathsOptions = {}): OpenClawPaths {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const home = options.home ?? homedir();
  const stateOverride = env[STATE_DIR_ENV]?.trim();
  const configOverride = env[CONFIG_PATH_ENV]?.trim();
  const stateDir = stateOverride ? expand(stateOverride, home, cwd) : join(home, ".openclaw");
  const configPath = configOverride ? expand(configOverride, home, cwd) : join(stateDir, "openclaw.json");
  const workspaceDir = options.workspaceDir ? expand(options.workspaceDir, home, cwd) : cwd;
  return {
    stateDir,
    configPath,
    configPathSource: configOverride ? "env" : "default",
    userExtensionsDir: join(stateDir, "extensions"),
    workspaceDir,
    workspaceExtensionsDir: join(workspaceDir, ".openclaw", "extensions"),
    pluginIndexPath: join(stateDir, "state", "openclaw.sqlite"),
  };
}
