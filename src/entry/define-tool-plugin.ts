/**
 * `defineToolPlugin`: a plugin whose surface is a fixed set of tools, with static metadata readable without
 * running `register` (so `openclaw plugins build` can write `contracts.tools`, `configSchema`, `activation`).
 */
import type { ResolvedPluginConfigSchema } from "../contract/config-schema.js";
import type { OpenClawPluginApi } from "../contract/plugin-api.js";
import type { PluginActivation } from "../contract/plugin-definition.js";
import type {
  AgentTool,
  AgentToolResult,
  AgentToolUpdateCallback,
  AnyAgentTool,
  OpenClawPluginToolContext,
} from "../contract/tools.js";
import { definePluginEntry, type DefinedPluginEntry, type PluginConfigSchemaInput } from "./define-plugin-entry.js";
import { toToolResult } from "./tool-result.js";

/**
 * The well-known symbol tool plugin metadata lives under (`Symbol.for`, so every SDK copy in a process — the
 * plugin's and the CLI's — reads the same key). Use `getToolPluginMetadata` rather than the symbol.
 *
 * @example
 * ```ts
 * const meta = (entry as Record<symbol, unknown>)[toolPluginMetadataSymbol];
 * ```
 */
export const toolPluginMetadataSymbol: unique symbol = Symbol.for("openclaw.plugin-sdk.tool-plugin-metadata") as never;

/**
 * What a tool's `execute` receives besides params and config.
 *
 * @example
 * ```ts
 * declare const ctx: ToolPluginExecutionContext;
 * ctx.api.logger.info(`call ${ctx.toolCallId}`);
 * ```
 */
export interface ToolPluginExecutionContext {
  api: OpenClawPluginApi;
  toolCallId: string;
  signal?: AbortSignal;
  onUpdate?: AgentToolUpdateCallback;
}

/**
 * What a tool `factory` receives.
 *
 * @example
 * ```ts
 * declare const ctx: ToolPluginFactoryContext<{ apiKey?: string }>;
 * ctx.config.apiKey;
 * ```
 */
export interface ToolPluginFactoryContext<TConfig> {
  api: OpenClawPluginApi;
  config: TConfig;
  toolContext: OpenClawPluginToolContext;
}

/**
 * Static fields every tool of a tool plugin declares.
 *
 * @example
 * ```ts
 * const base: ToolPluginToolBase = { name: "echo", description: "Echo", parameters: { type: "object" } };
 * ```
 */
export interface ToolPluginToolBase {
  /** Model-facing name: 1–64 characters of `a-z A-Z 0-9 _ -`. */
  name: string;
  /** Human-facing label; defaults to `name`. */
  label?: string;
  description: string;
  /** JSON Schema (draft-07) of the parameters object. */
  parameters: Record<string, unknown>;
  /** JSON Schema of `details` in the result. */
  outputSchema?: Record<string, unknown>;
  /** Optional tools are off until the user allows them. */
  optional?: boolean;
}

/**
 * One tool of a tool plugin: static metadata plus exactly one of `execute` (returns a string → text, or any
 * value → pretty JSON with `details`) or `factory` (builds `AnyAgentTool`s per run).
 *
 * @example
 * ```ts
 * const tool: ToolPluginToolDefinition<{ units: string }, { city: string }> = {
 *   name: "weather",
 *   description: "Current weather for a city",
 *   parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
 *   execute: async ({ city }, config) => ({ city, units: config.units, temperature: 21 }),
 * };
 * ```
 */
export type ToolPluginToolDefinition<TConfig = Record<string, unknown>, TParams = Record<string, unknown>> =
  ToolPluginToolBase &
    (
      | {
          execute(params: TParams, config: TConfig, context: ToolPluginExecutionContext): unknown;
          factory?: never;
        }
      | {
          factory(context: ToolPluginFactoryContext<TConfig>): AnyAgentTool | AnyAgentTool[] | null | undefined;
          execute?: never;
          outputSchema?: never;
        }
    );

/**
 * Identity helper handed to a `tools` builder so each tool's `TParams` is inferred from its `execute` signature.
 *
 * @example
 * ```ts
 * const tools = (tool: ToolPluginToolHelper<{}>) => [tool<{ q: string }>({ name: "search", description: "…", parameters: {}, execute: ({ q }) => q })];
 * ```
 */
export type ToolPluginToolHelper<TConfig> = <TParams = Record<string, unknown>>(
  definition: ToolPluginToolDefinition<TConfig, TParams>,
) => ToolPluginToolDefinition<TConfig, TParams>;

/**
 * Static metadata of one tool (as written to the manifest / catalog).
 *
 * @example
 * ```ts
 * const meta: ToolPluginStaticToolMetadata = { name: "weather", label: "weather", description: "…", parameters: {}, optional: false };
 * ```
 */
export interface ToolPluginStaticToolMetadata {
  name: string;
  label: string;
  description: string;
  parameters: Record<string, unknown>;
  outputSchema?: Record<string, unknown>;
  optional: boolean;
}

/**
 * Metadata of a tool plugin, readable without running `register`. `configSchema` is the JSON Schema of the
 * plugin config (resolved lazily on first read).
 *
 * @example
 * ```ts
 * declare const meta: ToolPluginMetadata;
 * const contractsTools = meta.tools.map((tool) => tool.name);
 * ```
 */
export interface ToolPluginMetadata {
  id: string;
  name: string;
  description: string;
  activation: PluginActivation;
  readonly configSchema: Record<string, unknown>;
  tools: ToolPluginStaticToolMetadata[];
}

/**
 * Options of `defineToolPlugin`.
 *
 * @example
 * ```ts
 * const options: DefineToolPluginOptions = { id: "echo", name: "Echo", description: "Echo tool", tools: [] };
 * ```
 */
export interface DefineToolPluginOptions<TConfig = Record<string, unknown>> {
  id: string;
  name: string;
  description: string;
  /** Manifest activation; defaults to `{ onStartup: true }`. */
  activation?: PluginActivation;
  /** Defaults to the empty schema (no config accepted). */
  configSchema?: PluginConfigSchemaInput<TConfig>;
  /** The tools, or a builder receiving a typed identity helper. */
  tools:
    | readonly ToolPluginToolDefinition<TConfig, any>[]
    | ((tool: ToolPluginToolHelper<TConfig>) => readonly ToolPluginToolDefinition<TConfig, any>[]);
}

/**
 * The entry `defineToolPlugin` returns (metadata under `toolPluginMetadataSymbol`, non-enumerable).
 *
 * @example
 * ```ts
 * declare const entry: DefinedToolPluginEntry;
 * entry[toolPluginMetadataSymbol].tools.length;
 * ```
 */
export interface DefinedToolPluginEntry<TConfig = Record<string, unknown>> extends DefinedPluginEntry<TConfig> {
  readonly [toolPluginMetadataSymbol]: ToolPluginMetadata;
}

const TOOL_NAME = /^[A-Za-z0-9_-]{1,64}$/;

function validateTools<TConfig>(
  id: string,
  tools: readonly ToolPluginToolDefinition<TConfig, any>[],
): readonly ToolPluginToolDefinition<TConfig, any>[] {
  if (!Array.isArray(tools)) {
    throw new TypeError(`defineToolPlugin("${id}"): "tools" must be an array of tool definitions (or a builder returning one).`);
  }
  if (tools.length === 0) {
    throw new TypeError(`defineToolPlugin("${id}"): declare at least one tool; for a plugin without tools use definePluginEntry.`);
  }
  const seen = new Set<string>();
  tools.forEach((tool, index) => {
    const where = `defineToolPlugin("${id}"): tools[${index}]`;
    if (typeof tool !== "object" || tool === null) throw new TypeError(`${where} must be a tool definition object.`);
    if (typeof tool.name !== "string" || !TOOL_NAME.test(tool.name)) {
      throw new TypeError(`${where}.name ${JSON.stringify(tool.name)} must be 1–64 characters of letters, digits, "_" or "-".`);
    }
    if (seen.has(tool.name)) throw new TypeError(`${where}: tool name "${tool.name}" is declared twice.`);
    seen.add(tool.name);
    if (typeof tool.description !== "string" || tool.description.trim() === "") {
      throw new TypeError(`${where} ("${tool.name}"): description must be a non-empty string.`);
    }
    if (typeof tool.parameters !== "object" || tool.parameters === null || Array.isArray(tool.parameters)) {
      throw new TypeError(`${where} ("${tool.name}"): parameters must be a JSON Schema object.`);
    }
    const hasExecute = typeof tool.execute === "function";
    const hasFactory = typeof tool.factory === "function";
    if (!hasExecute && !hasFactory) {
      throw new TypeError(
        `${where} ("${tool.name}") has neither execute nor factory: add execute(params, config, context) for a fixed tool, or factory(context) to build it per run.`,
      );
    }
    if (hasExecute && hasFactory) {
      throw new TypeError(`${where} ("${tool.name}") has both execute and factory; keep exactly one.`);
    }
  });
  return tools;
}

/**
 * Defines a tool plugin. Tool metadata (names, labels, parameter schemas, optional flags), the config JSON Schema
 * and activation are attached under `toolPluginMetadataSymbol` so they can be read with
 * `getToolPluginMetadata` without a host. `register` registers each tool: `execute` tools get their return
 * value wrapped (string → text, else pretty JSON with `details`); `factory` tools register as factories named
 * after the declared tool. Invalid tools (no name, duplicates, neither/both `execute` and `factory`) throw here.
 *
 * @example
 * ```ts
 * import { defineToolPlugin } from "openclaw/plugin-sdk/tool-plugin";
 *
 * export default defineToolPlugin({
 *   id: "dice",
 *   name: "Dice",
 *   description: "Roll dice",
 *   tools: (tool) => [
 *     tool<{ sides?: number }>({
 *       name: "roll_die",
 *       description: "Roll one die",
 *       parameters: { type: "object", properties: { sides: { type: "integer", minimum: 2 } } },
 *       execute: ({ sides = 6 }) => ({ value: 1 + Math.floor(Math.random() * sides) }),
 *     }),
 *   ],
 * });
 * ```
 */
export function defineToolPlugin<TConfig = Record<string, unknown>>(
  options: DefineToolPluginOptions<TConfig>,
): DefinedToolPluginEntry<TConfig> {
  if (typeof options !== "object" || options === null) {
    throw new TypeError("defineToolPlugin: expected an options object { id, name, description, tools }.");
  }
  const { tools: toolsInput, activation, ...base } = options;
  const tools = validateTools(
    String(options.id),
    typeof toolsInput === "function" ? toolsInput((definition) => definition) : toolsInput,
  );
  const entry = definePluginEntry<TConfig>({
    ...base,
    register(api) {
      const config = api.pluginConfig as TConfig;
      for (const tool of tools) {
        const optional = tool.optional === true;
        if (typeof tool.execute === "function") {
          const execute = tool.execute;
          const agentTool: AgentTool<Record<string, unknown>, unknown> = {
            name: tool.name,
            label: tool.label ?? tool.name,
            description: tool.description,
            parameters: tool.parameters,
            async execute(toolCallId, params, signal, onUpdate): Promise<AgentToolResult> {
              const value = await execute(params, config, {
                api: api as OpenClawPluginApi,
                toolCallId,
                ...(signal ? { signal } : {}),
                ...(onUpdate ? { onUpdate } : {}),
              });
              return toToolResult(value);
            },
          };
          api.registerTool(agentTool, { optional });
        } else {
          const factory = tool.factory!;
          api.registerTool(
            (toolContext) => factory({ api: api as OpenClawPluginApi, config, toolContext }),
            { name: tool.name, names: [tool.name], optional },
          );
        }
      }
    },
  });
  const staticTools: ToolPluginStaticToolMetadata[] = tools.map((tool) => ({
    name: tool.name,
    label: tool.label ?? tool.name,
    description: tool.description,
    parameters: tool.parameters,
    ...(tool.outputSchema ? { outputSchema: tool.outputSchema } : {}),
    optional: tool.optional === true,
  }));
  const metadata = {
    id: options.id,
    name: options.name,
    description: options.description,
    activation: activation ?? { onStartup: true },
    tools: staticTools,
  } as ToolPluginMetadata;
  Object.defineProperty(metadata, "configSchema", {
    enumerable: true,
    get: () => (entry.configSchema as ResolvedPluginConfigSchema<TConfig>).jsonSchema,
  });
  Object.defineProperty(entry, toolPluginMetadataSymbol, { value: Object.freeze(metadata), enumerable: false });
  return entry as DefinedToolPluginEntry<TConfig>;
}

/**
 * Reads tool plugin metadata from a plugin entry (or a module namespace whose `default` is one); `undefined`
 * when the entry was not made by `defineToolPlugin`.
 *
 * @example
 * ```ts
 * const mod = await import("./dist/index.js");
 * const meta = getToolPluginMetadata(mod);
 * if (meta) console.log(meta.tools.map((tool) => tool.name)); // → manifest contracts.tools
 * ```
 */
export function getToolPluginMetadata(entry: unknown): ToolPluginMetadata | undefined {
  if ((typeof entry !== "object" && typeof entry !== "function") || entry === null) return undefined;
  const direct = (entry as Record<symbol, unknown>)[toolPluginMetadataSymbol];
  if (isMetadata(direct)) return direct;
  const fallback = (entry as { default?: unknown }).default;
  if ((typeof fallback === "object" || typeof fallback === "function") && fallback !== null) {
    const nested = (fallback as Record<symbol, unknown>)[toolPluginMetadataSymbol];
    if (isMetadata(nested)) return nested;
  }
  return undefined;
}

function isMetadata(value: unknown): value is ToolPluginMetadata {
  return typeof value === "object" && value !== null && Array.isArray((value as ToolPluginMetadata).tools);
}
