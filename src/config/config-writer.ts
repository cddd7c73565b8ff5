/**
 * The one way the CLI changes the operator's config file: {@link updateOpenClawConfig}.
 *
 * - Reads the config (JSON5) and, when `plugins` comes from `plugins.$include`, the included file (rule in
 *   `config-include.ts`). The edit sees one flattened object; each file gets back exactly its own part.
 * - Writes atomically (`src/files/write-file-atomic.ts`: temp file, fsync, rename; an existing file keeps its mode),
 *   only the files whose content changed. A missing config file (and its folder) is created on the first write,
 *   mode 0600 (folder 0700), since configs hold secrets.
 * - Writes JSON (2-space indent): JSON5 comments, trailing commas and unquoted keys in a rewritten file are lost.
 *   That is a decision (docs/plugin-index.md): a file that the edit does not change is never rewritten, and the
 *   included-file route keeps a hand-written main config untouched.
 * - Refuses with `OPENCLAW_NIX_MODE=1` ({@link assertMutationAllowed}): the config is then owned by Nix.
 * - Does not lock: callers that read-modify-write hold `withStateLock` (src/state/state-lock.ts) around it.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { writeFileAtomic } from "../files/write-file-atomic.js";
import { ConfigDocumentError, INCLUDE_KEY, type ConfigDocument, locatePluginsSection, readConfigDocument } from "./config-include.js";

/** Environment variable that marks a Nix-managed install. */
export const NIX_MODE_ENV = "OPENCLAW_NIX_MODE";

/** Why a config write was refused or failed. */
export type ConfigWriteErrorCode = "nix-mode" | "config-write-failed" | ConfigDocumentError["code"];

/**
 * A refused or failed config write. `file` names the file concerned; the message names the rule and the fix.
 *
 * @example
 * ```ts
 * try { await updateOpenClawConfig(paths, edit); } catch (e) { if (e instanceof ConfigWriteError && e.code === "nix-mode") … }
 * ```
 */
export class ConfigWriteError extends Error {
  readonly code: ConfigWriteErrorCode;
  readonly file: string;
  constructor(code: ConfigWriteErrorCode, file: string, message: string) {
    super(message);
    this.name = "ConfigWriteError";
    this.code = code;
    this.file = file;
  }
}

/**
 * Throws a {@link ConfigWriteError} (`nix-mode`) when `OPENCLAW_NIX_MODE=1`: every mutating plugin command calls it
 * first (install, update, uninstall, enable, disable, registry --refresh, doctor --fix).
 *
 * @param action - the command, for the message, e.g. `"plugins enable"`
 * @example
 * ```ts
 * assertMutationAllowed("plugins install", process.env);
 * ```
 */
export function assertMutationAllowed(action: string, env: NodeJS.ProcessEnv = process.env, file = ""): void {
  if (env[NIX_MODE_ENV]?.trim() !== "1") return;
  throw new ConfigWriteError(
    "nix-mode",
    file,
    `${action} refused: ${NIX_MODE_ENV}=1 means this OpenClaw install is managed declaratively by Nix, so plugin lifecycle changes (install, update, uninstall, enable, disable) are disabled${file ? ` and ${file} is not edited` : ""}. Declare the plugin and its settings in your Nix configuration (for nix-openclaw, its plugins option) and rebuild; unset ${NIX_MODE_ENV} only if this install is not managed by Nix.`,
  );
}

/** Paths {@link updateOpenClawConfig} needs (an `OpenClawPaths` from `resolveOpenClawPaths` fits). */
export interface ConfigWriterPaths {
  /** Absolute path of the main config file. */
  configPath: string;
}

/** Options of {@link updateOpenClawConfig}. */
export interface UpdateOpenClawConfigOptions {
  /** Environment read for `OPENCLAW_NIX_MODE` (default `process.env`). */
  env?: NodeJS.ProcessEnv;
  /** Command name for messages (default `"config write"`). */
  action?: string;
}

/** What {@link updateOpenClawConfig} did. */
export interface ConfigWriteResult {
  /** True when at least one file was written. */
  changed: boolean;
  /** Files written, in write order. */
  writtenFiles: string[];
  /** The file holding the `plugins` section (the included file when it comes from `plugins.$include`). */
  pluginsFile: string;
  /** The config after the edit, flattened as the edit saw it. */
  config: Record<string, unknown>;
}

/** The flattened config the edit receives: the main file's object with `plugins` replaced by the included section. */
export type OpenClawConfigDraft = Record<string, unknown> & { plugins?: unknown };

function serialize(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

async function writeDocument(file: string, value: unknown, exists: boolean): Promise<void> {
  try {
    if (!exists) mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    await writeFileAtomic(file, serialize(value), exists ? {} : { mode: 0o600 });
  } catch (error) {
    throw new ConfigWriteError(
      "config-write-failed",
      file,
      `Could not write ${file}: ${(error as Error).message}. The file was not changed; check its folder's permissions and free space, then retry.`,
    );
  }
}

async function readForWrite(configPath: string): Promise<{ main: ConfigDocument; source: Awaited<ReturnType<typeof locatePluginsSection>> }> {
  try {
    const main = await readConfigDocument(configPath);
    return { main, source: await locatePluginsSection(main) };
  } catch (error) {
    if (error instanceof ConfigDocumentError) throw new ConfigWriteError(error.code, error.file, `${error.message} Nothing was written.`);
    throw error;
  }
}

/**
 * Reads the config, runs `edit` on a flattened draft and writes back atomically what changed (see the module header
 * for the `$include`, JSON-output and Nix rules). `edit` may throw to abort: nothing is written then. Every refusal or
 * failure is a {@link ConfigWriteError} (unreadable/unparsable config, bad include, Nix mode, write failure).
 *
 * @example
 * ```ts
 * await withStateLock(paths.stateDir, () =>
 *   updateOpenClawConfig(paths, (draft) => {
 *     const plugins = (draft.plugins ??= {}) as Record<string, any>;
 *     ((plugins.entries ??= {})["demo"] ??= {}).enabled = true;
 *   }, { action: "plugins enable" }),
 * );
 * ```
 */
export async function updateOpenClawConfig(
  paths: ConfigWriterPaths,
  edit: (draft: OpenClawConfigDraft) => void | Promise<void>,
  options: UpdateOpenClawConfigOptions = {},
): Promise<ConfigWriteResult> {
  const action = options.action ?? "config write";
  assertMutationAllowed(action, options.env ?? process.env, paths.configPath);
  const { main, source } = await readForWrite(paths.configPath);
  if (source.rootInclude) {
    throw new ConfigWriteError(
      "config-include-unsupported",
      main.path,
      `${action} refused: ${main.path} has a root-level "${INCLUDE_KEY}", which the plugin tools do not flatten or rewrite. Put the plugins section in the main file, or in its own file named by "plugins": { "${INCLUDE_KEY}": "./plugins.json5" }.`,
    );
  }
  const draft: OpenClawConfigDraft = structuredClone(main.value);
  if (source.kind === "include") draft.plugins = structuredClone(source.section);
  await edit(draft);

  const written: string[] = [];
  if (source.kind === "include") {
    const { plugins: section = {}, ...rest } = draft;
    const nextMain = { ...rest, plugins: main.value.plugins };
    if (!isDeepStrictEqual(section, source.section)) {
      await writeDocument(source.file, section, true);
      written.push(source.file);
    }
    if (!isDeepStrictEqual(nextMain, main.value)) {
      await writeDocument(main.path, nextMain, main.exists);
      written.push(main.path);
    }
  } else if (!main.exists || !isDeepStrictEqual(draft, main.value)) {
    if (main.exists || Object.keys(draft).length > 0) {
      await writeDocument(main.path, draft, main.exists);
      written.push(main.path);
    }
  }
  return { changed: written.length > 0, writtenFiles: written, pluginsFile: source.file, config: draft };
}

/**
 * Reads the config flattened as {@link updateOpenClawConfig} would present it, without writing (no Nix check).
 *
 * @example
 * ```ts
 * const { config, pluginsFile } = await readOpenClawConfigForEdit({ configPath });
 * ```
 */
export async function readOpenClawConfigForEdit(paths: ConfigWriterPaths): Promise<{ config: OpenClawConfigDraft; pluginsFile: string; exists: boolean }> {
  const { main, source } = await readForWrite(paths.configPath);
  const config: OpenClawConfigDraft = structuredClone(main.value);
  if (source.kind === "include") config.plugins = structuredClone(source.section);
  return { config, pluginsFile: source.file, exists: main.exists };
}
