/**
 * The agents configured in gateway config (`agents.list`) and the default one.
 */
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import type { OpenClawConfig } from "../contract/config.js";

/** The id of the agent every config has when it lists none. */
const MAIN_AGENT_ID = "main";

function agentEntries(cfg: OpenClawConfig): Array<{ id: string; default?: boolean }> {
  const list = (cfg.agents as { list?: unknown } | undefined)?.list;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (entry): entry is { id: string; default?: boolean } =>
      typeof entry === "object" && entry !== null && typeof (entry as { id?: unknown }).id === "string" && (entry as { id: string }).id.trim() !== "",
  );
}

/**
 * Ids of the configured agents (trimmed, lower-cased, de-duplicated, in order); `["main"]` when none are listed.
 *
 * @example
 * ```ts
 * listAgentIds({ agents: { list: [{ id: "Main" }, { id: "ops" }] } }); // ["main", "ops"]
 * ```
 */
export function listAgentIds(cfg: OpenClawConfig): string[] {
  const ids = [...new Set(agentEntries(cfg).map((entry) => entry.id.trim().toLowerCase()))];
  return ids.length > 0 ? ids : [MAIN_AGENT_ID];
}

/**
 * The default agent: the first entry marked `default: true`, else the first listed, else `"main"`.
 *
 * @example
 * ```ts
 * resolveDefaultAgentId(cfg);
 * ```
 */
export function resolveDefaultAgentId(cfg: OpenClawConfig): string {
  const entries = agentEntries(cfg);
  const chosen = entries.find((entry) => entry.default === true) ?? entries[0];
  return chosen ? chosen.id.trim().toLowerCase() : MAIN_AGENT_ID;
}

/**
 * The workspace directory of an agent: its `agents.list[].workspace` (a leading `~` means the home directory), else
 * `agents.defaults.workspace` for the default agent, else `<state dir>/workspace` for the default agent and
 * `<state dir>/workspace-<agentId>` for others (state dir: `$OPENCLAW_STATE_DIR`, else `~/.openclaw`).
 *
 * @example
 * ```ts
 * const dir = resolveAgentWorkspaceDir(api.config, "main");
 * ```
 */
export function resolveAgentWorkspaceDir(cfg: OpenClawConfig, agentId: string, env: NodeJS.ProcessEnv = process.env): string {
  const id = agentId.trim().toLowerCase();
  const home = env.HOME?.trim() || homedir();
  const expand = (path: string): string => resolve(path.startsWith("~") ? join(home, path.slice(1)) : path);
  const entry = agentEntries(cfg).find((candidate) => candidate.id.trim().toLowerCase() === id) as { workspace?: unknown } | undefined;
  if (typeof entry?.workspace === "string" && entry.workspace.trim()) return expand(entry.workspace.trim());
  const isDefault = id === resolveDefaultAgentId(cfg);
  const defaults = (cfg.agents as { defaults?: { workspace?: unknown } } | undefined)?.defaults;
  if (isDefault && typeof defaults?.workspace === "string" && defaults.workspace.trim()) return expand(defaults.workspace.trim());
  const stateDir = env.OPENCLAW_STATE_DIR?.trim() ? expand(env.OPENCLAW_STATE_DIR.trim()) : join(home, ".openclaw");
  return join(stateDir, isDefault ? "workspace" : `workspace-${id}`);
}
