/**
 * Descriptor capture (runs in the CLI's runtime-check child, never in the CLI's own process): loads a plugin in
 * `cli-metadata` registration mode — its entry module is imported and `register(api)` runs with only CLI
 * registrations accepted and no `api.runtime` — and records each `api.registerCli` / `api.registerNodeCliFeature`
 * call as JSON. Registrars of lazy registrations (with descriptors) are **not** run, so the heavy code they
 * `import()` stays unloaded. Eager registrations (no descriptors) have their registrar run on a scratch program when
 * `runEager` is set, and the commands it added are recorded.
 */
import { Command } from "commander";
import type { OpenClawConfig } from "../contract/config.js";
import type { PluginOrigin } from "../host/contract-gates.js";
import { loadPlugin } from "../host/loader.js";
import { DEFAULT_REGISTER_TIMEOUT_MS } from "../host/register-step.js";
import type { RegisteredCli } from "../host/registry.js";
import type { PluginDiagnostic } from "../manifest/diagnostics.js";
import type { CapturedCliRegistration, CliCommandDescriptor } from "./claims.js";
import { addedCommands, ensureCommandPath, runRegistrar, stderrPluginLogger } from "./command-tree.js";
import { isRecord } from "../config/config-data.js";

/**
 * Options of {@link captureCliMetadata} (JSON: they cross the process boundary).
 *
 * @example
 * ```ts
 * const o: CliCaptureOptions = { rootDir: "/s/extensions/demo", origin: "global", runEager: true };
 * ```
 */
export interface CliCaptureOptions {
  rootDir: string;
  origin: PluginOrigin;
  /** The whole config file's contents. */
  config?: Record<string, unknown>;
  /** `plugins.entries.<id>.config`. */
  pluginConfig?: unknown;
  registerTimeoutMs?: number;
  /** Run the registrars of eager registrations and record what they add. */
  runEager: boolean;
  /** Workspace folder handed to registrars. */
  workspaceDir?: string;
}

/**
 * What {@link captureCliMetadata} found.
 *
 * @example
 * ```ts
 * const r: CliCaptureResult = { pluginId: "demo", registrations: [], diagnostics: [] };
 * ```
 */
export interface CliCaptureResult {
  pluginId: string;
  registrations: CapturedCliRegistration[];
  diagnostics: PluginDiagnostic[];
  loadError?: { code: string; message: string };
}

function descriptorsOf(cli: RegisteredCli): CliCommandDescriptor[] {
  return cli.descriptors.map((d) => ({
    name: d.name,
    description: typeof d.description === "string" ? d.description : "",
    ...(typeof d.hasSubcommands === "boolean" ? { hasSubcommands: d.hasSubcommands } : {}),
  }));
}

/**
 * Captures a plugin's CLI registrations in `cli-metadata` mode. Never throws: a plugin that fails to load comes
 * back with `loadError`.
 *
 * @example
 * ```ts
 * const captured = await captureCliMetadata({ rootDir: "/s/extensions/demo", origin: "global", runEager: false });
 * captured.registrations[0]?.descriptors; // [{ name: "demo-plugin", description: "Demo plugin tools", hasSubcommands: true }]
 * ```
 */
export async function captureCliMetadata(options: CliCaptureOptions, env: NodeJS.ProcessEnv = process.env): Promise<CliCaptureResult> {
  const config = (options.config ?? {}) as OpenClawConfig;
  const loaded = await loadPlugin({
    rootDir: options.rootDir,
    mode: "cli-metadata",
    config,
    ...(isRecord(options.pluginConfig) ? { pluginConfig: options.pluginConfig } : {}),
    origin: options.origin,
    enabled: true,
    env,
    ...(options.registerTimeoutMs !== undefined ? { registerTimeoutMs: options.registerTimeoutMs } : {}),
  });
  const diagnostics = loaded.diagnostics.filter((d) => d.code !== "registration-skipped-for-mode");
  if (loaded.loadError) {
    return { pluginId: loaded.id, registrations: [], diagnostics, loadError: { code: loaded.loadError.code, message: loaded.loadError.message } };
  }
  const logger = stderrPluginLogger(loaded.id, process.stderr, env);
  const registrations: CapturedCliRegistration[] = [];
  for (const [index, cli] of loaded.registrations.cliCommands.entries()) {
    const descriptors = descriptorsOf(cli);
    const registration: CapturedCliRegistration = {
      index,
      parentPath: [...cli.parentPath],
      kind: descriptors.length > 0 ? "lazy" : "eager",
      descriptors,
      commands: [...cli.commands],
    };
    if (registration.kind === "eager" && options.runEager) {
      const root = new Command("openclaw");
      const parent = ensureCommandPath(root, cli.parentPath);
      const before = new Set(parent.commands);
      const problem = await runRegistrar({
        registrar: cli.registrar,
        parent,
        config,
        logger,
        timeoutMs: options.registerTimeoutMs ?? DEFAULT_REGISTER_TIMEOUT_MS,
        label: `plugin "${loaded.id}"`,
        ...(options.workspaceDir !== undefined ? { workspaceDir: options.workspaceDir } : {}),
      });
      if (problem) registration.eagerError = problem;
      registration.eagerCommands = addedCommands(parent, before);
    }
    registrations.push(registration);
  }
  return { pluginId: loaded.id, registrations, diagnostics };
}
