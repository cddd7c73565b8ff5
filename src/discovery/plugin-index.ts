/**
 * The plugin index: a machine-managed JSON file at `<state dir>/plugins/index.json` that records installed
 * plugins, so `plugins list` can answer without scanning folders. Format (version 1):
 *
 * ```json
 * {
 *   "version": 1,
 *   "plugins": [
 *     { "id": "demo", "rootDir": "/home/me/.openclaw/extensions/demo", "origin": "global",
 *       "version": "1.0.0", "source": "npm:demo@1.0.0", "installedAt": "2026-11-21T19:00:00.000Z" }
 *   ]
 * }
 * ```
 *
 * `id` and `rootDir` (absolute) are required; the rest is optional. A missing file means "derive from manifests";
 * an invalid file is reported and the caller falls back to manifests as well.
 */
import { readFile } from "node:fs/promises";
import { isAbsolute } from "node:path";
import type { PluginDiagnostic } from "../manifest/diagnostics.js";
import type { PluginOrigin } from "../config/plugins-policy.js";

/** One record of the plugin index. */
export interface PluginIndexRecord {
  id: string;
  rootDir: string;
  origin?: PluginOrigin;
  version?: string;
  /** Install source, e.g. `npm:demo@1.0.0` or `path:/src/demo`. */
  source?: string;
  /** ISO timestamp of the install. */
  installedAt?: string;
}

/** Result of {@link readPluginIndex}. */
export interface PluginIndexReadResult {
  /** `missing` (no file), `valid`, or `invalid` (see diagnostics; treat as missing). */
  status: "missing" | "valid" | "invalid";
  file: string;
  plugins: PluginIndexRecord[];
  diagnostics: PluginDiagnostic[];
}

const ORIGINS = new Set<PluginOrigin>(["config", "workspace", "global", "path"]);

/**
 * Reads and checks the plugin index file; never throws.
 *
 * @example
 * ```ts
 * const index = await readPluginIndex(resolveOpenClawPaths().pluginIndexPath);
 * if (index.status === "valid") console.log(index.plugins.map((p) => p.id));
 * ```
 */
export async function readPluginIndex(file: string): Promise<PluginIndexReadResult> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { status: "missing", file, plugins: [], diagnostics: [] };
    return invalid(file, "plugin-index-unreadable", "", `cannot read the plugin index: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return invalid(file, "plugin-index-parse-error", "", `the plugin index is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return invalid(file, "plugin-index-invalid", "", "the plugin index must be a JSON object");
  }
  const root = parsed as Record<string, unknown>;
  if (root.version !== 1) {
    return invalid(file, "plugin-index-version", "version", `unsupported plugin index version ${JSON.stringify(root.version)} (expected 1)`);
  }
  if (!Array.isArray(root.plugins)) {
    return invalid(file, "plugin-index-invalid", "plugins", "plugins must be an array");
  }
  const plugins: PluginIndexRecord[] = [];
  for (const [index, item] of root.plugins.entries()) {
    const path = `plugins.${index}`;
    if (typeof item !== "object" || item === null) return invalid(file, "plugin-index-invalid", path, "each record must be an object");
    const record = item as Record<string, unknown>;
    if (typeof record.id !== "string" || record.id === "") {
      return invalid(file, "plugin-index-invalid", `${path}.id`, "id must be a non-empty string");
    }
    if (typeof record.rootDir !== "string" || !isAbsolute(record.rootDir)) {
      return invalid(file, "plugin-index-invalid", `${path}.rootDir`, "rootDir must be an absolute path");
    }
    const out: PluginIndexRecord = { id: record.id, rootDir: record.rootDir };
    if (typeof record.origin === "string" && ORIGINS.has(record.origin as PluginOrigin)) out.origin = record.origin as PluginOrigin;
    if (typeof record.version === "string") out.version = record.version;
    if (typeof record.source === "string") out.source = record.source;
    if (typeof record.installedAt === "string") out.installedAt = record.installedAt;
    plugins.push(out);
  }
  return { status: "valid", file, plugins, diagnostics: [] };
}

function invalid(file: string, code: string, path: string, reason: string): PluginIndexReadResult {
  return {
    status: "invalid",
    file,
    plugins: [],
    diagnostics: [
      {
        level: "warning",
        code,
        path,
        file,
        message: `${file}: ${reason}; falling back to plugin manifests. Fix or delete the file to clear this warning.`,
      },
    ],
  };
}
