/**
 * `openclaw update [--channel stable|beta] [--json]`: updates every tracked plugin on an update channel and records
 * the channel in the config (`update.channel`), so a later `openclaw update` without `--channel` stays on it.
 * On `beta`, default-line npm and ClawHub records try `@beta` first; a missing or (npm) invalid beta falls back
 * to the recorded spec with a warning and never fails the run (`src/install/beta-channel.ts`). Exact versions and
 * explicit tags keep their selector. Needs the plugin index (Node >= 22.5).
 */
import { eprintln, printJson, println, type CommandContext } from "../context.js";
import { CliError, ExitCode, type ExitCodeValue } from "../exit-codes.js";
import { renderTable } from "../table.js";
import { toCliError } from "../state-access.js";
import { readOpenClawConfig } from "../../discovery/config-file.js";
import { resolveOpenClawPaths } from "../../discovery/state-paths.js";

/** Options of `openclaw update`. */
export interface UpdateCommandOptions {
  channel?: string;
  json?: boolean;
}

function recordedChannel(raw: Record<string, unknown>): "stable" | "beta" | undefined {
  const section = raw.update;
  const value = typeof section === "object" && section !== null ? (section as Record<string, unknown>).channel : undefined;
  return value === "beta" || value === "stable" ? value : undefined;
}

/**
 * Runs `openclaw update`.
 *
 * @example
 * ```ts
 * const code = await runUpdateCommand(ctx, { channel: "beta", json: true });
 * ```
 */
export async function runUpdateCommand(ctx: CommandContext, options: UpdateCommandOptions): Promise<ExitCodeValue> {
  if (options.channel !== undefined && options.channel !== "stable" && options.channel !== "beta") {
    throw new CliError(`--channel ${options.channel}: use stable or beta.`, ExitCode.usage);
  }
  const paths = resolveOpenClawPaths({ env: ctx.io.env, cwd: ctx.io.cwd });
  const { assertMutationAllowed } = await import("../../config/config-writer.js");
  try {
    assertMutationAllowed("openclaw update", ctx.io.env, paths.configPath);
  } catch (error) {
    throw toCliError(error);
  }
  const config = await readOpenClawConfig(paths.configPath);
  const recorded = recordedChannel(config.raw);
  const channel = (options.channel as "stable" | "beta" | undefined) ?? recorded ?? "stable";
  const { sqliteSupport } = await import("../../state/plugin-index.js");
  const support = sqliteSupport();
  if (!support.ok) throw new CliError(`openclaw update needs the plugin index: ${support.message}`, ExitCode.problems);
  const { withStateLock } = await import("../../state/state-lock.js");
  const { updateOpenClawConfig } = await import("../../config/config-writer.js");
  const { updatePlugin, isInstallError } = await import("../../install/installer-api.js");
  if (options.channel !== undefined && options.channel !== recorded) {
    await withStateLock(paths.stateDir, () =>
      updateOpenClawConfig(
        paths,
        (draft) => {
          const section = typeof draft.update === "object" && draft.update !== null ? (draft.update as Record<string, unknown>) : {};
          draft.update = { ...section, channel };
        },
        { action: "openclaw update --channel", env: ctx.io.env },
      ),
    ).catch((error: unknown) => {
      throw toCliError(error);
    });
  }
  let result;
  try {
    result = await updatePlugin({ all: true, channel, origin: "cli" }, { paths, env: ctx.io.env });
  } catch (error) {
    if (isInstallError(error)) throw new CliError(`${error.failure.message} (${error.failure.rule}; fix: ${error.failure.fix})`, ExitCode.problems);
    throw toCliError(error);
  }
  const warnings = result.outcomes.flatMap((outcome) => outcome.warnings ?? []);
  const failed = result.outcomes.filter((outcome) => outcome.status === "failed");
  if (options.json) {
    printJson(ctx, { channel, channelRecorded: options.channel !== undefined, configPath: paths.configPath, outcomes: result.outcomes, warnings });
  } else {
    println(ctx, `Update channel: ${channel}${options.channel !== undefined && options.channel !== recorded ? ctx.out.dim(` (recorded in ${paths.configPath})`) : ""}`);
    if (result.outcomes.length === 0) println(ctx, "No tracked plugins to update.");
    else {
      println(
        ctx,
        renderTable(
          ["PLUGIN", "STATUS", "FROM", "TO", "NOTE"],
          result.outcomes.map((o) => [o.pluginId, o.status, o.fromVersion ?? "-", o.toVersion ?? "-", (o.reason ?? "").slice(0, 80)]),
        ),
      );
    }
    for (const warning of warnings) eprintln(ctx, `${ctx.err.yellow("warning")} ${warning}`);
  }
  return failed.length > 0 ? ExitCode.problems : ExitCode.ok;
}
