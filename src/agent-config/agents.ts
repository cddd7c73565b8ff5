/**
 * The agents configured in gateway config (`agents.list`) and the default one.
 */
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
