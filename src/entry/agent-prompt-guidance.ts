/**
 * Validation of a command's `agentPromptGuidance`.
 */
import type { AgentPromptGuidanceEntry, AgentPromptSurface } from "../contract/plugin-api.js";

/**
 * Every prompt surface a structured guidance entry may target.
 *
 * @example
 * ```ts
 * AGENT_PROMPT_SURFACES.includes("pi_main"); // true
 * ```
 */
export const AGENT_PROMPT_SURFACES: readonly AgentPromptSurface[] = Object.freeze([
  "pi_main",
  "codex_app_server",
  "cli_backend",
  "acp_backend",
  "subagent",
]);

/**
 * A validated guidance entry: `surfaces: "all"` for legacy strings and entries without `surfaces`.
 *
 * @example
 * ```ts
 * const g: NormalizedAgentPromptGuidance = { text: "Use /ping.", surfaces: ["pi_main"] };
 * ```
 */
export interface NormalizedAgentPromptGuidance {
  text: string;
  surfaces: readonly AgentPromptSurface[] | "all";
}

/**
 * Validates and normalizes `agentPromptGuidance`. Throws a `TypeError` naming the command, the entry index and
 * the fix for: a non-array value, empty text, an empty `surfaces` array (rejected so a lost scope never turns into
 * global prompt text), and unknown surfaces.
 *
 * @example
 * ```ts
 * normalizeAgentPromptGuidance(["Global hint.", { text: "Main only.", surfaces: ["pi_main"] }], { commandName: "ping" });
 * // [{ text: "Global hint.", surfaces: "all" }, { text: "Main only.", surfaces: ["pi_main"] }]
 * normalizeAgentPromptGuidance([{ text: "x", surfaces: [] }], { commandName: "ping" }); // throws
 * ```
 */
export function normalizeAgentPromptGuidance(
  guidance: readonly AgentPromptGuidanceEntry[] | undefined,
  context: { commandName: string },
): NormalizedAgentPromptGuidance[] {
  const where = `command "${context.commandName}": agentPromptGuidance`;
  if (guidance === undefined) return [];
  if (!Array.isArray(guidance)) {
    throw new TypeError(`${where} must be an array of strings or { text, surfaces } entries.`);
  }
  return guidance.map((entry: unknown, index) => {
    const at = `${where}[${index}]`;
    if (typeof entry === "string") {
      if (entry.trim() === "") throw new TypeError(`${at} is an empty string; remove it or write the hint text.`);
      return { text: entry, surfaces: "all" as const };
    }
    if (typeof entry !== "object" || entry === null) {
      throw new TypeError(`${at} must be a string or { text, surfaces }, got ${entry === null ? "null" : typeof entry}.`);
    }
    const { text, surfaces } = entry as { text?: unknown; surfaces?: unknown };
    if (typeof text !== "string" || text.trim() === "") {
      throw new TypeError(`${at}.text must be a non-empty string.`);
    }
    if (surfaces === undefined) return { text, surfaces: "all" as const };
    if (!Array.isArray(surfaces)) {
      throw new TypeError(`${at}.surfaces must be an array of ${AGENT_PROMPT_SURFACES.join(", ")}.`);
    }
    if (surfaces.length === 0) {
      throw new TypeError(
        `${at}.surfaces is empty. Omit "surfaces" for guidance on every prompt surface, or list at least one of ${AGENT_PROMPT_SURFACES.join(", ")}.`,
      );
    }
    for (const surface of surfaces) {
      if (!(AGENT_PROMPT_SURFACES as readonly unknown[]).includes(surface)) {
        throw new TypeError(`${at}.surfaces has unknown surface ${JSON.stringify(surface)}; use ${AGENT_PROMPT_SURFACES.join(", ")}.`);
      }
    }
    return { text, surfaces: [...new Set(surfaces as AgentPromptSurface[])] };
  });
}
