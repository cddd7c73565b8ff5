/**
 * Agent tools as plugins register them. Types only.
 *
 * @packageDocumentation
 */

import type { OpenClawConfig } from "./config.js";

/**
 * JSON Schema object describing tool parameters (any JSON Schema draft-07 object schema; TypeBox schemas fit).
 *
 * @example
 * ```ts
 * const params: ToolParametersSchema = { type: "object", properties: { q: { type: "string" } }, required: ["q"] };
 * ```
 */
export type ToolParametersSchema = Record<string, unknown>;

/**
 * One content block of a tool result.
 *
 * @example
 * ```ts
 * const block: AgentToolContent = { type: "text", text: "hello" };
 * ```
 */
export type AgentToolContent =
  | { type: "text"; text: string }
  | { type: "image"; data: string; mimeType: string };

/**
 * What a tool returns to the agent: content blocks plus optional structured `details`.
 *
 * @example
 * ```ts
 * const result: AgentToolResult = { content: [{ type: "text", text: "42" }], details: { value: 42 } };
 * ```
 */
export interface AgentToolResult<TDetails = unknown> {
  content: AgentToolContent[];
  details?: TDetails;
  isError?: boolean;
}

/**
 * Streaming progress callback passed to `execute`.
 *
 * @example
 * ```ts
 * const onUpdate: AgentToolUpdateCallback = (partial) => console.log(partial.content.length);
 * ```
 */
export type AgentToolUpdateCallback<TDetails = unknown> = (partial: AgentToolResult<TDetails>) => void;

/**
 * An agent tool.
 *
 * @example
 * ```ts
 * const tool: AgentTool = {
 *   name: "echo",
 *   label: "Echo",
 *   description: "Echo the input back",
 *   parameters: { type: "object", properties: { text: { type: "string" } }, required: ["text"] },
 *   async execute(_id, params) {
 *     return { content: [{ type: "text", text: String((params as { text: string }).text) }] };
 *   },
 * };
 * ```
 */
export interface AgentTool<TParams = Record<string, unknown>, TDetails = unknown> {
  /** Unique tool name the model calls (must be listed in the manifest's `contracts.tools`). */
  name: string;
  /** Human-readable label (defaults to `name` in displays). */
  label?: string;
  description: string;
  parameters: ToolParametersSchema;
  /** Runs the tool. Resolving `undefined` counts as an empty result (`{ content: [] }`). */
  execute(
    toolCallId: string,
    params: TParams,
    signal?: AbortSignal,
    onUpdate?: AgentToolUpdateCallback<TDetails>,
  ): Promise<AgentToolResult<TDetails> | undefined>;
  /** Owner-only tools are hidden from non-owner senders. */
  ownerOnly?: boolean;
}

/**
 * Any agent tool, whatever its parameter and details types (the type `registerTool` accepts).
 *
 * @example
 * ```ts
 * const tools: AnyAgentTool[] = [];
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parameter types are contravariant; `any` admits every tool
export type AnyAgentTool = AgentTool<any, any>;

/**
 * Context a tool factory receives when the host builds the tool list for one agent run.
 *
 * @example
 * ```ts
 * const ctx: OpenClawPluginToolContext = { agentId: "main", sessionKey: "agent:main:main", workspaceDir: "/w" };
 * ```
 */
export type OpenClawPluginToolContext = {
  config?: OpenClawConfig;
  workspaceDir?: string;
  agentDir?: string;
  agentId?: string;
  sessionKey?: string;
  sessionId?: string;
  messageChannel?: string;
  agentAccountId?: string;
  requesterSenderId?: string;
  senderIsOwner?: boolean;
  /** Whether the run is sandboxed. */
  sandboxed?: boolean;
  /** The config in effect for this run (may differ from `config` after a hot reload). */
  runtimeConfig?: OpenClawConfig;
  /** Reads the config in effect now (prefer it over `config` in long-lived tools). */
  getRuntimeConfig?: () => OpenClawConfig;
  /** Where replies of the current turn are delivered (channel, target, account, thread), when known. */
  deliveryContext?: { channel?: string; to?: string; accountId?: string; threadId?: string | number; [key: string]: unknown };
};

/**
 * A function that builds tools per run; returning `null`/`undefined` registers nothing for that run.
 *
 * @example
 * ```ts
 * const factory: OpenClawPluginToolFactory = (ctx) => (ctx.sandboxed ? null : []);
 * ```
 */
export type OpenClawPluginToolFactory = (
  ctx: OpenClawPluginToolContext,
) => AnyAgentTool | AnyAgentTool[] | null | undefined;

/**
 * Options of `api.registerTool(tool, opts)`.
 *
 * @example
 * ```ts
 * const opts: OpenClawPluginToolOptions = { optional: true, names: ["search"] };
 * ```
 */
export interface OpenClawPluginToolOptions {
  /** Optional tools are off until the user allows them (`tools.allow`). Default: required. */
  optional?: boolean;
  /** Tool name when registering a factory (so the host knows it without calling the factory). */
  name?: string;
  /** Tool names a factory may return. */
  names?: string[];
}

/**
 * Display metadata for a tool (catalog / control UI), registered with `api.registerToolMetadata`.
 *
 * @example
 * ```ts
 * const meta: PluginToolMetadata = { toolName: "search", displayName: "Search", icon: "search" };
 * ```
 */
export interface PluginToolMetadata {
  toolName: string;
  displayName?: string;
  description?: string;
  icon?: string;
  category?: string;
  risk?: "low" | "medium" | "high";
  tags?: string[];
}
