/**
 * Root command names the OpenClaw CLI owns. A plugin may not claim one of them as a root command (the claim is
 * refused with a diagnostic naming the plugin and the core command); it may nest commands under the core groups
 * that accept plugin features (`nodes`, via `api.registerNodeCliFeature`).
 *
 * The list holds the core commands of the `openclaw` CLI, including those other packages of the CLI provide
 * (`gateway`, `config`, `update`, …), so a plugin that works with this package keeps working when they are present.
 */

/**
 * Every core root command name (reserved for the CLI).
 *
 * @example
 * ```ts
 * CORE_ROOT_COMMANDS.includes("plugins"); // true
 * ```
 */
export const CORE_ROOT_COMMANDS: readonly string[] = Object.freeze([
  "plugins",
  "doctor",
  "gateway",
  "config",
  "configure",
  "update",
  "install",
  "uninstall",
  "setup",
  "onboard",
  "status",
  "health",
  "help",
  "agent",
  "agents",
  "message",
  "channels",
  "models",
  "skills",
  "hooks",
  "cron",
  "sessions",
  "logs",
  "security",
  "secrets",
  "completion",
  "dashboard",
  "tui",
  "reset",
  "backup",
  "devices",
  "pairing",
  "node",
  "nodes",
  "system",
  "approvals",
  "sandbox",
  "docs",
]);

/**
 * Core groups plugins may add commands under (`parentPath: ["nodes"]`). The CLI creates such a group when a
 * plugin nests a command in it.
 *
 * @example
 * ```ts
 * PLUGIN_PARENT_GROUPS.nodes; // "Paired-node features (commands from plugins)"
 * ```
 */
export const PLUGIN_PARENT_GROUPS: Readonly<Record<string, string>> = Object.freeze({
  nodes: "Paired-node features (commands from plugins)",
});

/**
 * Whether `name` is a core root command.
 *
 * @example
 * ```ts
 * isCoreRootCommand("gateway"); // true
 * isCoreRootCommand("demo-plugin"); // false
 * ```
 */
export function isCoreRootCommand(name: string): boolean {
  return CORE_ROOT_COMMANDS.includes(name);
}
