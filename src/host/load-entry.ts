/**
 * Load step: recognise the entry export and the plugin's identity. Everything here reads plugin-controlled objects
 * (getters, proxies), so every read is inside one `try`: a throw becomes `entry-shape-invalid`.
 */
import type { PluginDiagnostic } from "../manifest/diagnostics.js";
import { type EntryExport, type EntryIdentity, extractEntryExport, readEntryIdentity, summarizeExportShape } from "./entry-module.js";
import type { LoadedPlugin, PluginLoadError } from "./load-types.js";
import { describeThrown } from "./thrown-value.js";

/** A recognised entry: what to call, its definition and identity, and the plugin id to use. */
export interface RecognizedEntry {
  ok: true;
  id: string;
  entry: EntryExport;
  identity: EntryIdentity;
  /** Info/warning diagnostics about the entry (missing manifest, deprecated `kind`). */
  diagnostics: PluginDiagnostic[];
}

/**
 * Recognises the entry export of `mod` and decides the plugin id (manifest id, else the entry's id).
 *
 * @example
 * ```ts
 * const recognized = recognizeEntry(mod, { source, entryKind: "main", manifestId: "demo", hasRoot: true, debug: false });
 * if (!recognized.ok) return fail(recognized.error);
 * ```
 */
export function recognizeEntry(
  mod: unknown,
  context: { source: string; entryKind: LoadedPlugin["entryKind"]; manifestId: string | undefined; hasRoot: boolean; hasManifest: boolean; debug: boolean },
): RecognizedEntry | { ok: false; id: string; error: PluginLoadError } {
  const { source, entryKind, manifestId, debug } = context;
  const failure = (id: string, error: PluginLoadError) => ({ ok: false as const, id, error });
  let entry: EntryExport | undefined;
  let identity: EntryIdentity;
  try {
    entry = extractEntryExport(mod, entryKind === "setup");
    identity = readEntryIdentity(entry?.definition);
  } catch (error) {
    return failure(manifestId ?? "", {
      code: "entry-shape-invalid",
      message: `plugin "${manifestId ?? "?"}": reading the exports of ${source} threw: ${describeThrown(error)}`,
      cause: error,
    });
  }
  if (!entry) {
    const expected =
      entryKind === "setup"
        ? "a default export from defineSetupPluginEntry(...) ({ plugin }) or an entry with register(api)"
        : "a default export with register(api) (definePluginEntry(...)) or activate(api), or a default register function";
    let shape = "";
    if (debug) {
      try {
        shape = summarizeExportShape(mod);
      } catch (error) {
        shape = `(describing the exports threw: ${describeThrown(error)})`;
      }
    }
    return failure(manifestId ?? "", {
      code: "entry-shape-invalid",
      message: `plugin "${manifestId ?? "?"}": ${source} has no usable export: expected ${expected}.${
        debug ? ` Export shape — ${shape}` : " Set OPENCLAW_PLUGIN_LOAD_DEBUG=1 to see what it exports."
      }`,
    });
  }
  const entryId = identity.id;
  if (manifestId !== undefined && entryId !== undefined && entryId !== manifestId) {
    return failure(manifestId, {
      code: "plugin-id-mismatch",
      message: `plugin id mismatch (config uses "${manifestId}", export uses "${entryId}")`,
    });
  }
  const id = manifestId ?? entryId ?? "";
  if (!id) {
    return failure("", {
      code: "entry-shape-invalid",
      message: "the entry has no id and no manifest was given: pass options.manifest or export definePluginEntry({ id, … })",
    });
  }
  const diagnostics: PluginDiagnostic[] = [];
  if (!context.hasRoot && !context.hasManifest) {
    diagnostics.push({
      level: "warning",
      code: "manifest-missing",
      path: "",
      message: `plugin "${id}" was loaded from an in-memory entry without a manifest: contract gates see an empty contracts object (tools will be rejected). Pass options.manifest to mirror openclaw.plugin.json.`,
    });
  }
  if (identity.kind !== undefined) {
    diagnostics.push({
      level: "info",
      code: "entry-kind-deprecated",
      path: "kind",
      message: `plugin "${id}": the entry's kind "${identity.kind}" is deprecated; declare "kind" in openclaw.plugin.json instead.`,
    });
  }
  return { ok: true, id, entry, identity, diagnostics };
}
