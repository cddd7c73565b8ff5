/**
 * Recognising the gateway's built-in text commands (`/stop`, `/new`, `/reasoning on`, …) in a message body.
 */
import type { OpenClawConfig } from "../contract/config.js";

/**
 * The built-in chat commands' text aliases as the gateway documents them (docs/tools/slash-commands). Several names
 * point at one command (`/reasoning` and `/reason`); every alias is recognised.
 *
 * @example
 * ```ts
 * BUILTIN_TEXT_COMMAND_ALIASES.includes("/stop"); // true
 * ```
 */
export const BUILTIN_TEXT_COMMAND_ALIASES: readonly string[] = [
  "/acp", "/activation", "/agents", "/allowlist", "/approve", "/bash", "/btw", "/side", "/commands", "/compact",
  "/config", "/context", "/dashboard", "/debug", "/diagnostics", "/dreaming", "/elevated", "/elev", "/exec",
  "/export-session", "/export", "/export-trajectory", "/trajectory", "/fast", "/goal", "/help", "/learn", "/login",
  "/loop", "/mcp", "/model", "/models", "/name", "/new", "/pair", "/plugins", "/plugin", "/queue", "/reasoning",
  "/reason", "/reset", "/restart", "/send", "/session", "/skill", "/status", "/steer", "/tell", "/stop", "/subagents",
  "/tasks", "/think", "/thinking", "/t", "/tools", "/trace", "/tts", "/update", "/usage", "/verbose", "/v", "/voice",
  "/whoami", "/id",
];

const ALIASES = new Set(BUILTIN_TEXT_COMMAND_ALIASES);

/** Custom command names configured under `commands.aliases` / `commands.custom` (string keys), as `/name`. */
function configuredAliases(cfg: OpenClawConfig | undefined): string[] {
  const commands = (cfg as { commands?: unknown } | undefined)?.commands;
  if (!commands || typeof commands !== "object") return [];
  const out: string[] = [];
  for (const key of ["aliases", "custom"] as const) {
    const section = (commands as Record<string, unknown>)[key];
    if (section && typeof section === "object" && !Array.isArray(section)) {
      for (const name of Object.keys(section)) out.push(`/${name.replace(/^\//, "").toLowerCase()}`);
    }
  }
  return out;
}

/**
 * The command alias a text message starts with (lowercased, e.g. `"/reasoning"`), or `null` when the text is not a
 * known command. A leading bot mention (`@bot /stop`) and a Telegram-style `@botname` suffix (`/stop@mybot`) are
 * ignored; `/name:arg` counts as `/name`. Known commands are the built-in aliases plus names configured under
 * `commands.aliases` / `commands.custom`; skill and plugin commands the gateway registers at run time are not known here.
 *
 * @example
 * ```ts
 * maybeResolveTextAlias("/Stop now"); // "/stop"
 * maybeResolveTextAlias("hello");     // null
 * ```
 */
export function maybeResolveTextAlias(raw: string, cfg?: OpenClawConfig): string | null {
  if (typeof raw !== "string") return null;
  const body = raw.trim().replace(/^(?:@\S+\s+)+(?=\/)/u, "");
  if (!body.startsWith("/")) return null;
  const token = /^\/([^\s:@]+)/u.exec(body.toLowerCase());
  if (!token) return null;
  const alias = `/${token[1]}`;
  if (ALIASES.has(alias)) return alias;
  return configuredAliases(cfg).includes(alias) ? alias : null;
}
