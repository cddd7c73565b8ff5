/**
 * Load steps for a plugin root, up to its entry module: path-safety gate (nothing is read or imported when it
 * blocks) → read the manifest → pick the entry for the mode → import it within the time limit, then check that the
 * import left the built-in prototypes alone.
 */
import { performance } from "node:perf_hooks";
import { resolveInsideRoot } from "../files/contained-file.js";
import { importEntryFile } from "./entry-module.js";
import { readRootManifest } from "./load-manifest.js";
import type { LoadState } from "./load-record.js";
import type { LoadedPlugin, PluginLoadError } from "./load-types.js";
import { usesSetupEntry } from "./modes.js";
import { checkPluginFiles } from "./path-safety.js";
import { type PrototypesSnapshot, prototypePollutionError } from "./prototype-guard.js";
import { runBounded } from "./register-step.js";
import { describeThrown } from "./thrown-value.js";

/** The imported entry module and where it came from. */
export interface ImportedEntry {
  ok: true;
  mod: unknown;
  source: string;
  entryKind: LoadedPlugin["entryKind"];
}

/** A failed step: the load error and the record fields it belongs to. */
export interface ImportFailure {
  ok: false;
  id: string;
  source: string;
  entryKind: LoadedPlugin["entryKind"];
  error: PluginLoadError;
}

/**
 * Runs the gate, reads the manifest into `state` and imports the entry of the plugin in `rootDir`.
 *
 * @example
 * ```ts
 * const imported = await importFromRoot(state.rootDir, state, snapshot, 10_000);
 * if (!imported.ok) return fail(imported);
 * ```
 */
export async function importFromRoot(
  rootDir: string,
  state: LoadState,
  snapshot: PrototypesSnapshot,
  timeoutMs: number,
): Promise<ImportedEntry | ImportFailure> {
  const failure = (id: string, source: string, error: PluginLoadError, entryKind: LoadedPlugin["entryKind"] = "main"): ImportFailure => ({
    ok: false,
    id,
    source,
    entryKind,
    error,
  });

  // Path safety first: nothing of the plugin is read or imported when it blocks.
  const files = checkPluginFiles(rootDir);
  if (files.block) {
    // Name the plugin when its manifest is safe to read.
    let id = "";
    if (files.block.code !== "path-unsafe" && resolveInsideRoot(rootDir, "openclaw.plugin.json").ok) {
      id = (await readRootManifest(rootDir)).manifest?.id ?? "";
    }
    return failure(id, files.block.path, {
      code: files.block.code,
      message: `plugin ${id ? `"${id}"` : `in ${rootDir}`} is blocked by path safety and was not imported: ${files.block.message}`,
    });
  }

  const manifestStarted = performance.now();
  const read = await readRootManifest(rootDir);
  state.timings.manifestMs = performance.now() - manifestStarted;
  state.manifestFile = read.file;
  state.diagnostics.push(...read.diagnostics);
  state.manifest = read.manifest;
  const manifest = read.manifest;
  if (!manifest) {
    const firstError = read.diagnostics.find((d) => d.level === "error");
    return failure("", read.file, {
      code: "manifest-invalid",
      message: `cannot load plugin in ${rootDir}: ${read.file} is invalid${firstError ? ` — ${firstError.message}` : ""}`,
    });
  }
  if (!files.packageJson.ok) {
    return failure(manifest.id, files.packageJson.file, { code: "entry-not-found", message: files.packageJson.message });
  }
  state.version = files.packageJson.version;
  const resolved = usesSetupEntry(state.mode) ? files.setup : files.main;
  if ("error" in resolved) {
    return failure(manifest.id, resolved.path ?? rootDir, { code: resolved.code, message: `plugin "${manifest.id}": ${resolved.error}` });
  }

  const source = resolved.file;
  const importStarted = performance.now();
  const imported = await runBounded(() => importEntryFile({ file: resolved.real, typescript: resolved.typescript }), timeoutMs);
  state.timings.importMs = performance.now() - importStarted;
  const polluted = prototypePollutionError(snapshot, manifest.id, `the import of ${source}`);
  if (polluted) return failure(manifest.id, source, polluted, resolved.kind);
  if (imported.outcome === "timeout") {
    return failure(
      manifest.id,
      source,
      {
        code: "import-timeout",
        message: `plugin "${manifest.id}": importing ${source} did not finish within ${imported.timeoutMs} ms (a top-level await that never settles?); raise registerTimeoutMs if it really needs longer.`,
      },
      resolved.kind,
    );
  }
  if (imported.outcome === "threw") {
    return failure(
      manifest.id,
      source,
      { code: "import-failed", message: `plugin "${manifest.id}": importing ${source} failed: ${describeThrown(imported.error)}`, cause: imported.error },
      resolved.kind,
    );
  }
  return { ok: true, mod: imported.value, source, entryKind: resolved.kind };
}
