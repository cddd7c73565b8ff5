/**
 * Tools, commands and CLI registrations: `registerTool` (with the `contracts.tools` gate), tool metadata, tool-result
 * middleware (with the `contracts.agentToolResultMiddleware` gate), bundled-only trusted tool policies, chat commands
 * and CLI registrars.
 */
import type { OpenClawPluginApiBase } from "../../contract/plugin-api.js";
import { normalizeAgentPromptGuidance } from "../../entry/agent-prompt-guidance.js";
import { checkBundledOnly, checkCommandName, checkToolContract, checkToolResultMiddlewareContract } from "../contract-gates.js";
import { nextRegistrationOrder } from "../registry.js";
import { type RegistrationContext, describeValue, idOf, isRecord } from "./context.js";

/** The tool, command and CLI methods of the api. */
export type ToolsAndCommandsApi = Pick<
  OpenClawPluginApiBase,
  | "registerTool"
  | "registerCommand"
  | "registerCli"
  | "registerNodeCliFeature"
  | "registerAgentToolResultMiddleware"
  | "registerTrustedToolPolicy"
  | "registerToolMetadata"
>;

type CliOptions = { commands?: string[]; descriptors?: Array<{ name: string; description: string; hasSubcommands?: boolean }> } | undefined;

/**
 * Builds the tool, command and CLI registration methods of one plugin's api.
 *
 * @example
 * ```ts
 * const tools = createToolsAndCommandsApi(createRegistrationContext(params));
 * tools.registerTool({ name: "echo", description: "Echo", parameters: {}, execute: async () => ({ content: [] }) });
 * ```
 */
export function createToolsAndCommandsApi(ctx: RegistrationContext): ToolsAndCommandsApi {
  const { pluginId, registrations, diagnostics, subject, enforceContracts, log, reject, invalid, modeAccepts, simple } = ctx;

  function registerCliInternal(method: string, registrar: unknown, parentPath: readonly string[], opts: CliOptions) {
    const commands = Array.isArray(opts?.commands) ? opts.commands.filter((c) => typeof c === "string") : [];
    const descriptors = Array.isArray(opts?.descriptors) ? opts.descriptors.filter((d) => isRecord(d) && typeof d.name === "string") : [];
    const label = [...parentPath, ...(descriptors.map((d) => d.name).concat(commands))].join(" ");
    if (!modeAccepts(method, label, "cli")) return;
    if (typeof registrar !== "function") {
      invalid(method, label, "the registrar must be a function ({ program }) => void");
      return;
    }
    if (!Array.isArray(parentPath) || parentPath.some((p) => typeof p !== "string" || p.trim() === "")) {
      invalid(method, label, `parentPath must be a list of command names, got ${describeValue(parentPath)}`);
      return;
    }
    if (commands.length === 0 && descriptors.length === 0) {
      diagnostics.push({
        level: "warning",
        code: "cli-without-descriptors",
        path: method,
        message: `${method} from plugin "${pluginId}" declares neither commands nor descriptors: the CLI cannot show or lazily load its commands without running the registrar. Pass { descriptors: [{ name, description }] }.`,
      });
    }
    registrations.cliCommands.push({
      pluginId,
      registrar: registrar as never,
      commands,
      descriptors,
      parentPath: [...parentPath],
    });
    log(method, label, true);
  }

  return {
    registerTool(tool, opts) {
      const method = "registerTool";
      const isFactory = typeof tool === "function";
      const names = isFactory
        ? (opts?.names ?? (opts?.name ? [opts.name] : []))
        : isRecord(tool) && typeof tool.name === "string"
          ? [tool.name]
          : [];
      const label = names.join(",");
      if (!modeAccepts(method, label, "tool")) return;
      if (!isFactory) {
        if (!isRecord(tool) || typeof tool.name !== "string" || tool.name.trim() === "") {
          invalid(method, label, `a tool needs a non-empty string name, got ${describeValue(isRecord(tool) ? tool.name : tool)}`);
          return;
        }
        if (typeof tool.execute !== "function") {
          invalid(method, label, `tool "${tool.name}" needs an execute(toolCallId, params) function`);
          return;
        }
      } else if (names.length === 0) {
        invalid(method, label, "a tool factory must declare the tool names it produces with { name } or { names: [...] } so the contracts.tools gate can check them");
        return;
      }
      const duplicate = names.find((n) => registrations.tools.some((t) => t.names.includes(n)));
      if (duplicate !== undefined) {
        invalid(method, label, `tool "${duplicate}" is already registered by this plugin`);
        return;
      }
      const gate = enforceContracts ? checkToolContract(subject, names) : [];
      if (gate.length > 0) {
        diagnostics.push(...gate);
        log(method, label, false, "contract-tools-undeclared");
        return;
      }
      registrations.tools.push({
        pluginId,
        names,
        optional: opts?.optional === true,
        ...(isFactory ? { factory: tool } : { tool }),
      });
      log(method, label, true);
    },
    registerCommand(command) {
      const method = "registerCommand";
      const raw = isRecord(command) ? command.name : command;
      const name = typeof raw === "string" ? raw.trim().replace(/^\//, "").toLowerCase() : "";
      if (!modeAccepts(method, name, "command")) return;
      if (!isRecord(command) || typeof command.handler !== "function") {
        invalid(method, name, "a command needs a handler(ctx) function");
        return;
      }
      if (typeof command.description !== "string" || command.description.trim() === "") {
        invalid(method, name, "a command needs a non-empty description");
        return;
      }
      const nameIssue = checkCommandName(subject, raw);
      if (nameIssue) {
        reject(method, name, nameIssue);
        return;
      }
      try {
        normalizeAgentPromptGuidance(command.agentPromptGuidance, { commandName: name });
      } catch (error) {
        invalid(method, name, (error as Error).message);
        return;
      }
      if (registrations.commands.some((c) => c.name === name)) {
        invalid(method, name, `command "${name}" is already registered by this plugin`);
        return;
      }
      registrations.commands.push({ pluginId, name, definition: command });
      log(method, name, true);
    },
    registerCli(registrar, opts) {
      registerCliInternal("registerCli", registrar, opts?.parentPath ?? [], opts);
    },
    registerNodeCliFeature(registrar, opts) {
      registerCliInternal("registerNodeCliFeature", registrar, ["nodes"], opts);
    },
    registerAgentToolResultMiddleware(middleware, opts) {
      const method = "registerAgentToolResultMiddleware";
      const runtimes = Array.isArray(opts?.runtimes) ? opts.runtimes.filter((r) => typeof r === "string") : [];
      const label = runtimes.join(",");
      if (!modeAccepts(method, label, "workflow")) return;
      if (typeof middleware !== "function") {
        invalid(method, label, "middleware must be a function");
        return;
      }
      const gate = enforceContracts ? checkToolResultMiddlewareContract(subject, runtimes) : [];
      if (gate.length > 0) {
        diagnostics.push(...gate);
        log(method, label, false, gate[0]?.code);
        return;
      }
      registrations.toolResultMiddleware.push({ pluginId, runtimes, priority: opts?.priority ?? 0, middleware });
      log(method, label, true);
    },
    registerTrustedToolPolicy(policy) {
      const method = "registerTrustedToolPolicy";
      const id = idOf(policy);
      const rejection = checkBundledOnly(subject, "registerTrustedToolPolicy");
      if (rejection) {
        reject(method, id, rejection);
        return;
      }
      if (!modeAccepts(method, id, "workflow")) return;
      if (!id || typeof policy.evaluate !== "function") {
        invalid(method, id, "a trusted tool policy needs an id and an evaluate(params) function");
        return;
      }
      registrations.trustedToolPolicies.push({ pluginId, id, policy, order: nextRegistrationOrder() });
      log(method, id, true);
    },
    registerToolMetadata: simple("registerToolMetadata", "tool-metadata", (m: { toolName?: string }) => m?.toolName ?? "", (metadata) =>
      registrations.toolMetadata.push({ pluginId, metadata: metadata as never }),
    ),
  };
}
