/**
 * `openclaw plugins enable|disable <id> [--json]`: sets `plugins.entries.<id>.enabled` through the config writer
 * (src/config/config-writer.ts: the `$include`d plugins file when there is one, atomic, refused under
 * `OPENCLAW_NIX_MODE=1`), under the state lock. The id must be known — a discovered plugin, an install record (index
 * or legacy `plugins.installs`) or an existing `plugins.entries` key — else exit 2 with a did-you-mean. Works on
 * Node 20 (the index is consulted only when this Node.js has node:sqlite). Never imports plugin code.
 */
import { eprintln, printJson, println, type CommandContext } from "../context.js";
import { CliError, ExitCode, type ExitCodeValue } from "../exit-codes.js";
import { toCliError, tryOpenIndex } from "../state-access.js";
import { buildPluginCatalog } from "../../discovery/plugin-catalog.js";
import { closestMatch } from "../../manifest/paths.js";
import { isRecord } from "../../config/config-data.js";

/** Options of `plugins enable` / `plugins disable`. */
export interface PluginsEnableOptions {
  json?: boolean;
  workspace?: string;
}

/**
 * Runs `plugins enable <id>` (`enabled: true`) or `plugins disable <id>` (`enabled: false`).
 *
 * @example
 * ```ts
 * const code = await runPluginsSetEnabled(ctx, "demo", true, { json: true });
 * ```
 */
export async function runPluginsSetEnabled(ctx: CommandContext, id: string, enabled: boolean, options: PluginsEnableOptions): Promise<ExitCodeValue> {
  const command = `plugins ${enabled ? "enable" : "disable"}`;
  const { assertMutationAllowed, readOpenClawConfigForEdit, updateOpenClawConfig } = await import("../../config/config-writer.js");
  const { setPluginEnabled } = await import("../../config/plugins-section-edit.js");
  const { withStateLock } = await import("../../state/state-lock.js");
  const { readInstallRecords } = await import("../../state/legacy-installs.js");
  try {
    assertMutationAllowed(command, ctx.io.env);
  } catch (error) {
    throw toCliError(error);
  }
  const catalogOptions: Parameters<typeof buildPluginCatalog>[0] = { env: ctx.io.env, cwd: ctx.io.cwd };
  if (options.workspace) catalogOptions.workspaceDir = options.workspace;
  const catalog = await ctx.tracer.phase("discover", () => buildPluginCatalog(catalogOptions));
  const paths = catalog.paths;

  return withStateLock(
    paths.stateDir,
    async () => {
      let current: Awaited<ReturnType<typeof readOpenClawConfigForEdit>>;
      try {
        current = await readOpenClawConfigForEdit(paths);
      } catch (error) {
        throw toCliError(error);
      }
      const known = new Set(catalog.plugins.map((plugin) => plugin.id));
      const { index } = await tryOpenIndex(paths.stateDir);
      try {
        for (const stored of await readInstallRecords(paths, index, current.config)) known.add(stored.record.pluginId);
      } finally {
        index?.close();
      }
      const plugins = isRecord(current.config.plugins) ? current.config.plugins : {};
      if (isRecord(plugins.entries)) for (const key of Object.keys(plugins.entries)) known.add(key);
      if (!known.has(id)) {
        const suggestion = closestMatch(id, [...known]);
        throw new CliError(
          `No plugin "${id}" is installed, discovered or configured.${suggestion ? ` Did you mean "${suggestion}"?` : ""} Run \`openclaw plugins list\` to see plugin ids.`,
          ExitCode.usage,
        );
      }
      let result: Awaited<ReturnType<typeof updateOpenClawConfig>>;
      try {
        result = await updateOpenClawConfig(
          paths,
          (draft) => setPluginEnabled(draft, id, enabled, current.pluginsFile),
          { env: ctx.io.env, action: command },
        );
      } catch (error) {
        throw toCliError(error);
      }
      const warnings: string[] = [];
      const section = result.config.plugins as Record<string, unknown>;
      if (enabled) {
        if (Array.isArray(section.deny) && section.deny.includes(id)) warnings.push(`plugins.deny lists "${id}", so it stays disabled; remove it from plugins.deny in ${result.pluginsFile}.`);
        if (Array.isArray(section.allow) && section.allow.length > 0 && !section.allow.includes(id)) warnings.push(`plugins.allow does not list "${id}", so it stays disabled; add it to plugins.allow in ${result.pluginsFile}.`);
        if (section.enabled === false) warnings.push(`plugins.enabled is false in ${result.pluginsFile}: no plugin loads until it is true.`);
      }
      if (options.json) {
        printJson(ctx, { pluginId: id, enabled, changed: result.changed, configFile: result.pluginsFile, warnings });
      } else {
        println(ctx, `${enabled ? "Enabled" : "Disabled"} ${id}${result.changed ? "" : " (already set)"} in ${result.pluginsFile}. Restart the gateway to apply.`);
        for (const warning of warnings) eprintln(ctx, `${ctx.err.yellow("warning")} ${warning}`);
      }
      return ExitCode.ok;
    },
    { command: `${command} ${id}`, env: ctx.io.env, onWait: () => !options.json && eprintln(ctx, ctx.err.dim("waiting for another openclaw command to finish (state lock)…")) },
  ).catch((error: unknown) => {
    throw toCliError(error);
  });
}
