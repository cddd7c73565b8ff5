/**
 * `openclaw doctor --fix [--dry-run] [--json]` (also `openclaw plugins doctor --fix`): plans the repairs
 * (`src/doctor/plan.ts`), prints the plan (`--dry-run` stops there), applies it all or nothing
 * (`src/doctor/apply.ts`) and lists every change with its state before and after. Refused under
 * `OPENCLAW_NIX_MODE=1` (the config is managed by Nix). A second run finds nothing to change.
 */
import { eprintln, println, type CommandContext } from "../context.js";
import { CliError, ExitCode } from "../exit-codes.js";
import { cliPackageRoot, cliPackageVersion } from "../version.js";
import type { RepairReport } from "../../doctor/repair-types.js";
import type { OpenClawPaths } from "../../discovery/state-paths.js";
import type { PluginInstallRecord } from "../../state/install-record.js";

/** Options shared by `doctor` and `plugins doctor`. */
export interface DoctorFixOptions {
  fix?: boolean;
  dryRun?: boolean;
  json?: boolean;
  workspace?: string;
}

/**
 * Plans and (unless `dryRun`) applies the repairs; prints them unless `json`. Returns the report.
 *
 * @example
 * ```ts
 * const report = await runDoctorRepairs(ctx, { fix: true, dryRun: true });
 * ```
 */
export async function runDoctorRepairs(ctx: CommandContext, options: DoctorFixOptions): Promise<RepairReport> {
  const { assertMutationAllowed } = await import("../../config/config-writer.js");
  if (!options.dryRun) {
    try {
      assertMutationAllowed("doctor --fix", ctx.io.env);
    } catch (error) {
      throw new CliError((error as Error).message, ExitCode.problems);
    }
  }
  const { hostContractVersion } = await import("../../state/plugin-registry.js");
  const { planRepairs } = await import("../../doctor/plan.js");
  const contractVersion = hostContractVersion(cliPackageVersion());
  const { sqliteSupport } = await import("../../state/sqlite.js");
  // Restoring goes through the installer, which records into the plugin index (Node >= 22.5).
  const canRestore = sqliteSupport().ok;
  const plan = await ctx.tracer.phase("plan", () =>
    planRepairs({ env: ctx.io.env, cwd: ctx.io.cwd, ...(options.workspace ? { workspaceDir: options.workspace } : {}), hostPackageRoot: cliPackageRoot(), contractVersion, canRestore }),
  );
  let report: RepairReport;
  if (options.dryRun) report = { mode: "dry-run", actions: plan.actions, notes: plan.notes, applied: false };
  else {
    const { applyRepairs } = await import("../../doctor/apply.js");
    const applied = await ctx.tracer.phase("fix", () =>
      applyRepairs(plan.actions, {
        paths: plan.paths,
        env: ctx.io.env,
        contractVersion,
        restore: (record) => restorePlugin(ctx, plan.paths, record),
        onWait: () => !options.json && eprintln(ctx, ctx.err.dim("waiting for another openclaw command to finish (state lock)…")),
      }),
    );
    report = { ...applied, notes: [...plan.notes, ...applied.notes] };
  }
  if (!options.json) printRepairs(ctx, report);
  return report;
}

/**
 * Reinstalls a plugin from its install record through the installer (same checks as `plugins install`: install
 * policy, `before_install` hooks, validation), replacing the record. Throws the installer's error.
 */
async function restorePlugin(ctx: CommandContext, paths: OpenClawPaths, record: PluginInstallRecord): Promise<void> {
  const { installPlugin } = await import("../../install/installer-api.js");
  const recorded = record.spec ?? record.resolvedSpec ?? "";
  const spec = record.source === "npm" && !recorded.startsWith("npm:") ? `npm:${recorded}` : recorded;
  await installPlugin({ spec, force: true, origin: "doctor --fix" }, { paths, env: ctx.io.env });
}

function printRepairs(ctx: CommandContext, report: RepairReport): void {
  const { out } = ctx;
  if (report.actions.length === 0) println(ctx, "Nothing to repair.");
  else {
    const title = report.mode === "dry-run" ? "Repair plan (dry run: nothing was changed):" : report.applied ? "Repairs applied:" : "Repairs NOT applied (rolled back):";
    println(ctx, out.bold(title));
    report.actions.forEach((action, i) => {
      println(ctx, `  ${i + 1}. ${action.kind} ${action.target}`);
      println(ctx, `     ${action.summary}`);
      println(ctx, `     before: ${action.before}`);
      println(ctx, `     after:  ${action.after}`);
    });
  }
  for (const note of report.notes) println(ctx, `  ${out.yellow("not repaired")} ${note.kind}${note.target ? ` ${note.target}` : ""}: ${note.reason}`);
  if (report.error) {
    println(ctx, out.red(`Repair failed, every change was undone: ${report.error}`));
    if (report.rolledBack?.length) println(ctx, `  restored: ${report.rolledBack.join(", ")}`);
  }
}
