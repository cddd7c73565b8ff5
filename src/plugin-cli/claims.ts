/**
 * Which plugin owns which `openclaw` command: from the CLI registrations each enabled plugin made (captured in
 * `cli-metadata` mode) to one table of commands, in plugin precedence order (load paths, workspace, user root).
 *
 * Rules:
 * - a registration with `descriptors` is **lazy**: its commands are its descriptors (plus declared `commands`
 *   without a descriptor); its registrar runs only when one of them is invoked;
 * - a registration without descriptors is **eager** (the compatibility path): its commands are what running its
 *   registrar added (`eagerCommands`) or, before it ran, its declared `commands`;
 * - a claim on a core command (a reserved root such as `plugins` or `gateway`, or an existing subcommand of a core
 *   group) is refused with `cli-command-core-conflict`;
 * - a path claimed by two plugins stays with the first one, the later claim is refused with `cli-command-conflict`
 *   naming both — never a silent override;
 * - a nested registration needs its parent: a core group that accepts plugin features (`nodes`) or a command the
 *   same plugin owns; else `cli-parent-missing`.
 */
import type { PluginDiagnostic } from "../manifest/diagnostics.js";
import { PLUGIN_PARENT_GROUPS, isCoreRootCommand } from "./core-commands.js";

/**
 * A command descriptor: name, help text and whether it has subcommands.
 *
 * @example
 * ```ts
 * const d: CliCommandDescriptor = { name: "matrix", description: "Manage Matrix accounts", hasSubcommands: true };
 * ```
 */
export interface CliCommandDescriptor {
  name: string;
  description: string;
  hasSubcommands?: boolean;
}

/**
 * One `api.registerCli` / `api.registerNodeCliFeature` call as captured in `cli-metadata` mode (JSON).
 *
 * @example
 * ```ts
 * const r: CapturedCliRegistration = { index: 0, parentPath: [], kind: "lazy", descriptors: [{ name: "demo", description: "Demo" }], commands: [] };
 * ```
 */
export interface CapturedCliRegistration {
  /** Position among the plugin's CLI registrations (the same code registers in the same order). */
  index: number;
  /** Parent command path (`["nodes"]`); `[]` for root commands. */
  parentPath: string[];
  /** `lazy` when the registration has descriptors, else `eager`. */
  kind: "lazy" | "eager";
  descriptors: CliCommandDescriptor[];
  /** Command names declared with `commands`. */
  commands: string[];
  /** Eager registrations, after their registrar ran: the commands it added under its parent. */
  eagerCommands?: CliCommandDescriptor[];
  /** Eager registrations whose registrar threw or timed out when run for help/routing. */
  eagerError?: string;
}

/**
 * The CLI registrations of one plugin.
 *
 * @example
 * ```ts
 * const s: PluginCliSource = { pluginId: "demo", rootDir: "/s/extensions/demo", registrations: [] };
 * ```
 */
export interface PluginCliSource {
  pluginId: string;
  rootDir: string;
  registrations: CapturedCliRegistration[];
}

/**
 * One plugin-owned command of the table.
 *
 * @example
 * ```ts
 * const c: PluginCliCommand = { pluginId: "demo", rootDir: "/p", path: ["demo"], description: "Demo", hasSubcommands: true, kind: "lazy", registration: 0 };
 * ```
 */
export interface PluginCliCommand {
  pluginId: string;
  rootDir: string;
  /** Full command path below `openclaw`: `["demo-plugin"]`, `["nodes", "canvas"]`. */
  path: string[];
  description: string;
  hasSubcommands: boolean;
  kind: "lazy" | "eager";
  /** {@link CapturedCliRegistration.index} of the registration that owns it. */
  registration: number;
}

/**
 * The core command tree the claims are checked against: root names and, per core group, its subcommand names.
 *
 * @example
 * ```ts
 * const core: CoreCommandTree = { roots: new Set(["plugins"]), children: new Map([["plugins", new Set(["list"])]]) };
 * ```
 */
export interface CoreCommandTree {
  roots: ReadonlySet<string>;
  children: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Result of {@link resolvePluginCliTable}. */
export interface PluginCliTable {
  commands: PluginCliCommand[];
  diagnostics: PluginDiagnostic[];
}

/** A command name: letters, digits, `-`, `_`, `:` and `.`, not starting with `-`. */
const COMMAND_NAME = /^[A-Za-z0-9_][A-Za-z0-9_:.-]*$/;

/**
 * The commands one registration claims: descriptors (and undescribed declared commands) for lazy ones; what the
 * registrar added, else the declared commands, for eager ones.
 *
 * @example
 * ```ts
 * claimedCommands({ index: 0, parentPath: [], kind: "eager", descriptors: [], commands: ["legacy"] }); // [{ name: "legacy", description: "" }]
 * ```
 */
export function claimedCommands(registration: CapturedCliRegistration): CliCommandDescriptor[] {
  const declared = (names: readonly string[], known: readonly CliCommandDescriptor[]): CliCommandDescriptor[] =>
    names.filter((name) => !known.some((d) => d.name === name)).map((name) => ({ name, description: "" }));
  if (registration.kind === "lazy") return [...registration.descriptors, ...declared(registration.commands, registration.descriptors)];
  if (registration.eagerCommands) return [...registration.eagerCommands, ...declared(registration.commands, registration.eagerCommands)];
  return declared(registration.commands, []);
}

const display = (path: readonly string[]): string => `"openclaw ${path.join(" ")}"`;

/** Most help text a plugin command shows in root help. */
const MAX_DESCRIPTION = 200;

/**
 * A plugin's command description as root help prints it: control characters (terminal escapes, newlines) become
 * spaces, and it is cut at 200 characters — plugin text never drives the operator's terminal.
 *
 * @example
 * ```ts
 * cleanDescription("Demo\u001b[2J tools\n"); // "Demo [2J tools"
 * ```
 */
export function cleanDescription(text: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, " ").replace(/\s+/g, " ").trim();
  return flat.length > MAX_DESCRIPTION ? `${flat.slice(0, MAX_DESCRIPTION - 1)}…` : flat;
}

/**
 * Builds the plugin command table from each plugin's captured registrations (in precedence order) against the
 * core command tree; every refused claim is a diagnostic (`file` = the plugin folder).
 *
 * @example
 * ```ts
 * const { commands, diagnostics } = resolvePluginCliTable(sources, { roots: new Set(["plugins"]), children: new Map() });
 * commands.map((c) => c.path.join(" ")); // ["demo-plugin", "nodes canvas"]
 * ```
 */
export function resolvePluginCliTable(sources: readonly PluginCliSource[], core: CoreCommandTree): PluginCliTable {
  const claimed = new Map<string, PluginCliCommand>();
  const commands: PluginCliCommand[] = [];
  const diagnostics: PluginDiagnostic[] = [];
  const refuse = (source: PluginCliSource, code: string, path: readonly string[], message: string): void => {
    diagnostics.push({ level: "error", code, path: `cli.${path.join(".")}`, file: source.rootDir, message });
  };

  for (const source of sources) {
    const label = `plugin "${source.pluginId}" (${source.rootDir})`;
    // Parents first, so a plugin may nest commands under a root it owns itself.
    const ordered = [...source.registrations].sort((a, b) => a.parentPath.length - b.parentPath.length || a.index - b.index);
    for (const registration of ordered) {
      const parent = registration.parentPath;
      if (parent.length > 0 && !parentExists(parent, source.pluginId, claimed)) {
        refuse(
          source,
          "cli-parent-missing",
          parent,
          `${label} nests commands under ${display(parent)}, which is neither a core group that takes plugin commands (${Object.keys(PLUGIN_PARENT_GROUPS).join(", ")}) nor a command this plugin owns; its commands are not added. Use parentPath ["nodes"] (api.registerNodeCliFeature) or a root command of the plugin.`,
        );
        continue;
      }
      for (const descriptor of claimedCommands(registration)) {
        const path = [...parent, descriptor.name];
        if (!COMMAND_NAME.test(descriptor.name)) {
          refuse(source, "cli-command-name-invalid", path, `${label} registers a CLI command named ${JSON.stringify(descriptor.name)}: a command name is one word of letters, digits, "-", "_", ":" or "." (no spaces, not starting with "-"). Fix the name in its registerCli descriptors/commands.`);
          continue;
        }
        if (isCoreClaim(path, core)) {
          refuse(
            source,
            "cli-command-core-conflict",
            path,
            `${label} claims ${display(path)}, a core command of the OpenClaw CLI; the claim is ignored and ${display(path)} stays the core command. The plugin must use another command name (registerCli descriptors/commands).`,
          );
          continue;
        }
        const key = path.join(" ");
        const owner = claimed.get(key);
        if (owner) {
          if (owner.pluginId === source.pluginId && owner.rootDir === source.rootDir) {
            diagnostics.push({
              level: "warning",
              code: "cli-command-duplicate",
              path: `cli.${path.join(".")}`,
              file: source.rootDir,
              message: `${label} registers ${display(path)} twice (registrations ${owner.registration} and ${registration.index}); the first one is used. Register each command once.`,
            });
            continue;
          }
          refuse(
            source,
            "cli-command-conflict",
            path,
            `${label} claims ${display(path)}, which plugin "${owner.pluginId}" (${owner.rootDir}) already owns; ${display(path)} keeps running plugin "${owner.pluginId}" and the claim of "${source.pluginId}" is ignored. Disable one of them (set plugins.entries.${source.pluginId}.enabled to false, or uninstall it), or rename the command in one plugin.`,
          );
          continue;
        }
        const command: PluginCliCommand = {
          pluginId: source.pluginId,
          rootDir: source.rootDir,
          path,
          description: cleanDescription(descriptor.description),
          hasSubcommands: descriptor.hasSubcommands === true,
          kind: registration.kind,
          registration: registration.index,
        };
        claimed.set(key, command);
        commands.push(command);
      }
    }
  }
  return { commands, diagnostics };
}

function isCoreClaim(path: readonly string[], core: CoreCommandTree): boolean {
  if (path.length === 1) return isCoreRootCommand(path[0]!) || core.roots.has(path[0]!);
  if (path.length === 2) return core.children.get(path[0]!)?.has(path[1]!) === true;
  return false;
}

function parentExists(parent: readonly string[], pluginId: string, claimed: ReadonlyMap<string, PluginCliCommand>): boolean {
  const ownedBySamePlugin = (path: readonly string[]): boolean => claimed.get(path.join(" "))?.pluginId === pluginId;
  if (parent.length === 1) {
    const root = parent[0]!;
    return Object.prototype.hasOwnProperty.call(PLUGIN_PARENT_GROUPS, root) || ownedBySamePlugin(parent);
  }
  return ownedBySamePlugin(parent);
}

/**
 * The table command that `argv` invokes: the longest command path that is a prefix of the arguments, with the
 * number of tokens it took; `undefined` when none matches.
 *
 * @example
 * ```ts
 * matchPluginCommand(table.commands, ["nodes", "canvas", "snap"]); // { command: <nodes canvas>, consumed: 2 }
 * ```
 */
export function matchPluginCommand(
  commands: readonly PluginCliCommand[],
  argv: readonly string[],
): { command: PluginCliCommand; consumed: number } | undefined {
  let best: PluginCliCommand | undefined;
  for (const command of commands) {
    if (command.path.length > argv.length) continue;
    if (!command.path.every((part, i) => argv[i] === part)) continue;
    if (!best || command.path.length > best.path.length) best = command;
  }
  return best ? { command: best, consumed: best.path.length } : undefined;
}
