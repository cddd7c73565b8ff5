/**
 * The gateway configuration shape as plugins see it (`api.config`). Types only.
 *
 * Only the parts the plugin contract relies on are spelled out; every object stays open to further keys so
 * plugins compiled against an older or newer SDK keep type-checking.
 *
 * @packageDocumentation
 */

import type { PluginHookName } from "./hook-names.js";

/**
 * Per-plugin hook trust switches under `plugins.entries.<id>.hooks`.
 *
 * @example
 * ```ts
 * const hooks: PluginEntryHooksConfig = { allowPromptInjection: false, allowConversationAccess: true, timeouts: { agent_end: 5_000 } };
 * ```
 */
export interface PluginEntryHooksConfig {
  /** `false` blocks prompt-mutating hooks (`before_prompt_build`, `agent_turn_prepare`, …). Default `true`. */
  allowPromptInjection?: boolean;
  /** Non-bundled plugins need `true` to receive conversation hooks (`llm_input`, `llm_output`, `agent_end`, …). */
  allowConversationAccess?: boolean;
  /** Operator override of every hook handler's timeout for this plugin (ms). */
  timeoutMs?: number;
  /** Operator override per hook name (ms); wins over `timeoutMs`. */
  timeouts?: Partial<Record<PluginHookName, number>>;
}

/**
 * One entry of `plugins.entries`.
 *
 * @example
 * ```ts
 * const entry: PluginEntryConfig = { enabled: true, config: { apiKey: "…" } };
 * ```
 */
export interface PluginEntryConfig {
  enabled?: boolean;
  /** The plugin's own config; validated against its manifest `configSchema`, handed to `api.pluginConfig`. */
  config?: Record<string, unknown>;
  hooks?: PluginEntryHooksConfig;
  [key: string]: unknown;
}

/**
 * The `plugins` section of the config.
 *
 * @example
 * ```ts
 * const plugins: PluginsConfig = { allow: ["my-plugin"], load: { paths: ["./plugins"] }, slots: { memory: "memory-core" } };
 * ```
 */
export interface PluginsConfig {
  enabled?: boolean;
  /** Only these plugin ids may load (when set). */
  allow?: string[];
  /** These plugin ids never load. `deny` wins over `allow`. */
  deny?: string[];
  load?: { paths?: string[]; [key: string]: unknown };
  /** Exclusive slots (`memory`, `contextEngine`, …) → the plugin id that owns the slot. */
  slots?: { memory?: string; contextEngine?: string; [slot: string]: string | undefined };
  entries?: Record<string, PluginEntryConfig>;
  [key: string]: unknown;
}

/**
 * Configuration of one local CLI inference backend (`agents.defaults.cliBackends.<id>`).
 *
 * @example
 * ```ts
 * const backend: CliBackendConfig = { command: "my-cli", args: ["--json"] };
 * ```
 */
export interface CliBackendConfig {
  command?: string;
  args?: string[];
  env?: Record<string, string>;
  models?: string[];
  [key: string]: unknown;
}

/**
 * The `agents` section of the config.
 *
 * @example
 * ```ts
 * const agents: AgentsConfig = { defaults: { model: "openai/gpt-5", cliBackends: { "my-cli": { command: "my-cli" } } } };
 * ```
 */
export interface AgentsConfig {
  defaults?: {
    model?: string | { primary?: string; fallbacks?: string[] };
    workspace?: string;
    /** User overrides for CLI backends; they win over plugin defaults when merged. */
    cliBackends?: Record<string, CliBackendConfig>;
    memorySearch?: { provider?: string; fallback?: string; [key: string]: unknown };
    /** Per-model settings keyed by model ref (`"openai/gpt-5"`), e.g. an alias; provider onboarding adds entries. */
    models?: Record<string, { alias?: string; [key: string]: unknown }>;
    [key: string]: unknown;
  };
  list?: Array<{ id: string; [key: string]: unknown }>;
  [key: string]: unknown;
}

/**
 * Config of one channel under `channels.<id>`; channels with accounts keep them under `accounts`.
 *
 * @example
 * ```ts
 * const ch: ChannelConfigSection = { enabled: true, accounts: { default: { token: "…" } } };
 * ```
 */
export interface ChannelConfigSection {
  enabled?: boolean;
  /**
   * Per-account sections. Entries are open-world (as channel sections are in the established config): a plugin
   * narrows them with its own account type, and a config built from `Record<string, unknown>` entries still fits.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- open-world entries; `unknown` would reject configs real plugins build
  accounts?: Record<string, any>;
  [key: string]: unknown;
}

/**
 * Direct-message policy of a channel: `pairing` (unknown senders get a pairing code), `allowlist`, `open`,
 * `disabled`.
 *
 * @example
 * ```ts
 * const policy: DmPolicy = "pairing";
 * ```
 */
export type DmPolicy = "pairing" | "allowlist" | "open" | "disabled";

/**
 * Session settings under `session` (store location, DM grouping); other keys stay open.
 *
 * @example
 * ```ts
 * const session: SessionConfig = { store: "~/.openclaw/sessions", dmScope: "per-channel-peer" };
 * ```
 */
export interface SessionConfig {
  /** Session store path (may contain `{agentId}`). */
  store?: string;
  /** How direct messages are grouped into sessions. Default `main`. */
  dmScope?: "main" | "per-peer" | "per-channel-peer" | "per-account-channel-peer";
  [key: string]: unknown;
}

/**
 * Tool policy under `tools` (which tools agents may use); other keys stay open.
 *
 * @example
 * ```ts
 * const tools: ToolsConfig = { alsoAllow: ["group:plugins"], deny: ["exec"] };
 * ```
 */
export interface ToolsConfig {
  profile?: string;
  allow?: string[];
  /** Added to the profile's tools (e.g. `group:plugins` or a plugin tool name). */
  alsoAllow?: string[];
  deny?: string[];
  [key: string]: unknown;
}

/**
 * The gateway configuration snapshot (`api.config`).
 *
 * @example
 * ```ts
 * function isEnabled(cfg: OpenClawConfig, id: string): boolean {
 *   return cfg.plugins?.entries?.[id]?.enabled !== false;
 * }
 * ```
 */
/**
 * The `commands` section: chat command switches and who owns the gateway's commands.
 *
 * @example
 * ```ts
 * const commands: CommandsConfig = { text: true, ownerAllowFrom: ["telegram:123"] };
 * ```
 */
export interface CommandsConfig {
  /** Text commands (`/status`, `/reset`) in chats. */
  text?: boolean;
  native?: boolean | "auto";
  /** Sender ids (optionally `channel:`-prefixed) that count as owner for owner-only commands. */
  ownerAllowFrom?: Array<string | number>;
  /** Per-channel command allow lists. */
  allowFrom?: Record<string, Array<string | number>>;
  [key: string]: unknown;
}

export interface OpenClawConfig {
  plugins?: PluginsConfig;
  commands?: CommandsConfig;
  channels?: Record<string, ChannelConfigSection | undefined>;
  agents?: AgentsConfig;
  session?: SessionConfig;
  tools?: ToolsConfig;
  gateway?: { port?: number; [key: string]: unknown };
  [key: string]: unknown;
}

/**
 * Legacy name of `OpenClawConfig`, kept for plugins written against the old package name.
 *
 * @deprecated Use `OpenClawConfig`. Removal not before 2027-06-30.
 * @example
 * ```ts
 * const cfg: ClawdbotConfig = {};
 * ```
 */
export type ClawdbotConfig = OpenClawConfig;
