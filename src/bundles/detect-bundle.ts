/**
 * Bundle detection: decides whether a folder is a Codex, Cursor or Claude bundle and reads what it carries. Pure
 * file-system reads (bounded, contained in the folder, never following a link out of it); no bundle code runs.
 *
 * Rules (docs/bundles.md):
 * - a folder with `openclaw.plugin.json` is a native plugin, never a bundle;
 * - else `.codex-plugin/plugin.json`, `.cursor-plugin/plugin.json`, `.claude-plugin/plugin.json`, first match wins;
 * - else a folder with a default entry file (`index.ts`, `index.js`, …) is not a bundle;
 * - else the default Claude component layout (`skills/`, `commands/`, `agents/`, `hooks/hooks.json`, `.mcp.json`,
 *   `.lsp.json`, `settings.json`) makes it a Claude bundle without a manifest.
 */
import { existsSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { readRegularFileSync, resolveInsideRoot } from "../files/contained-file.js";
import {
  BUNDLE_KINDS,
  BUNDLE_MANIFEST_PATHS,
  type BundleCapability,
  type BundleKind,
  type BundleReadResult,
  type DetectedBundle,
} from "./bundle-types.js";

/** Largest bundle manifest read (bytes). */
export const BUNDLE_MANIFEST_MAX_BYTES = 256 * 1024;

const NATIVE_MANIFEST = "openclaw.plugin.json";
const DEFAULT_ENTRY_FILES = ["index.ts", "index.js", "index.mjs", "index.cjs"];
const CLAUDE_LAYOUT = ["skills", "commands", "agents", "hooks/hooks.json", ".mcp.json", ".lsp.json", "settings.json"];

class BundleManifestError extends Error {}

function exists(rootDir: string, relative: string): boolean {
  return existsSync(join(rootDir, relative));
}

/**
 * The bundle subtype of a folder, or `undefined` for a native plugin or a folder that is no bundle.
 *
 * @example
 * ```ts
 * detectBundleKind("/plugins/reviewer"); // "claude"
 * ```
 */
export function detectBundleKind(rootDir: string): BundleKind | undefined {
  if (exists(rootDir, NATIVE_MANIFEST)) return undefined;
  for (const kind of BUNDLE_KINDS) if (exists(rootDir, BUNDLE_MANIFEST_PATHS[kind])) return kind;
  if (DEFAULT_ENTRY_FILES.some((file) => exists(rootDir, file))) return undefined;
  if (CLAUDE_LAYOUT.some((entry) => exists(rootDir, entry))) return "claude";
  return undefined;
}

/**
 * A manifest name or folder name as a plugin id: lowercase letters, digits and hyphens.
 *
 * @example
 * ```ts
 * slugifyBundleId("Code Reviewer!", "/x/reviewer"); // "code-reviewer"
 * ```
 */
export function slugifyBundleId(name: string | undefined, rootDir: string): string {
  const slug = (text: string): string =>
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "");
  return slug(name ?? "") || slug(basename(rootDir)) || "bundle-plugin";
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

function hasInlineValue(value: unknown): boolean {
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === "object" && value !== null) return Object.keys(value).length > 0;
  return value === true;
}

/** Declared component paths (`"./skills"` or `["./a", "./b"]`), each checked to stay inside the bundle root. */
function declaredPaths(raw: Record<string, unknown>, key: string, rootDir: string, manifestFile: string): string[] {
  const value = raw[key];
  if (value === undefined) return [];
  const list = typeof value === "string" ? [value] : Array.isArray(value) ? value : undefined;
  // Object values (inline hook or server definitions) are not paths.
  if (list === undefined) return [];
  const out: string[] = [];
  for (const [index, entry] of list.entries()) {
    if (typeof entry !== "string" || entry.trim() === "") {
      throw new BundleManifestError(`${manifestFile}: ${key}[${index}] must be a non-empty path string.`);
    }
    const relative = entry.trim().replace(/^\.\//, "").replace(/\/+$/, "");
    const target = resolve(rootDir, relative);
    const inside = resolveInsideRoot(rootDir, target);
    if (!inside.ok && inside.code === "entry-escapes-root") {
      throw new BundleManifestError(`${manifestFile}: ${key} entry "${entry}" points outside the bundle folder ${rootDir}; use a path inside it.`);
    }
    if (!out.includes(relative)) out.push(relative);
  }
  return out;
}

function merge(...groups: string[][]): string[] {
  return [...new Set(groups.flat())];
}

function readManifest(rootDir: string, kind: BundleKind): { raw: Record<string, unknown>; file: string } | BundleReadResult {
  const file = join(rootDir, BUNDLE_MANIFEST_PATHS[kind]);
  const read = readRegularFileSync(file, { maxBytes: BUNDLE_MANIFEST_MAX_BYTES, rootDir, label: `${kind} bundle manifest` });
  if (!read.ok) return { ok: false, kind, file, code: "bundle-manifest-unreadable", message: read.message };
  let parsed: unknown;
  try {
    parsed = JSON.parse(read.bytes.toString("utf8"));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      kind,
      file,
      code: "bundle-manifest-invalid",
      message: `${kind} bundle manifest ${file} is not valid JSON (${detail}); fix its syntax.`,
    };
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return { ok: false, kind, file, code: "bundle-manifest-invalid", message: `${kind} bundle manifest ${file} must hold a JSON object.` };
  }
  return { raw: parsed as Record<string, unknown>, file };
}

function existing(rootDir: string, candidates: string[]): string[] {
  return candidates.filter((candidate) => exists(rootDir, candidate));
}

function describe(rootDir: string, kind: BundleKind, raw: Record<string, unknown>, manifestFile: string | undefined): DetectedBundle {
  const where = manifestFile ?? rootDir;
  const paths = (key: string): string[] => declaredPaths(raw, key, rootDir, where);
  const capabilities = new Set<BundleCapability>();
  const bundle: DetectedBundle = {
    kind,
    rootDir,
    id: slugifyBundleId(text(raw.name), rootDir),
    capabilities: [],
    skillDirs: [],
    commandDirs: [],
    hookPaths: [],
  };
  if (manifestFile) bundle.manifestFile = manifestFile;
  const name = text(raw.name);
  const description = text(raw.description) ?? text(raw.shortDescription);
  const version = text(raw.version);
  if (name) bundle.name = name;
  if (description) bundle.description = description;
  if (version) bundle.version = version;
  const mcp = (): void => {
    if (hasInlineValue(raw.mcpServers)) bundle.mcpServers = { inline: raw.mcpServers };
    else if (exists(rootDir, ".mcp.json")) bundle.mcpServers = { file: ".mcp.json" };
    if (bundle.mcpServers) capabilities.add("mcpServers");
  };

  if (kind === "codex") {
    const skills = paths("skills");
    bundle.skillDirs = skills.length > 0 ? skills : existing(rootDir, ["skills"]);
    const hooks = paths("hooks");
    bundle.hookPaths = hooks.length > 0 ? hooks : existing(rootDir, ["hooks"]);
    if (bundle.skillDirs.length > 0) capabilities.add("skills");
    if (bundle.hookPaths.length > 0) capabilities.add("hooks");
    mcp();
    if (hasInlineValue(raw.apps) || exists(rootDir, ".app.json")) capabilities.add("apps");
  } else if (kind === "cursor") {
    bundle.skillDirs = merge(existing(rootDir, ["skills"]), paths("skills"));
    bundle.commandDirs = merge(existing(rootDir, [".cursor/commands"]), paths("commands"));
    if (bundle.skillDirs.length > 0) capabilities.add("skills");
    if (bundle.commandDirs.length > 0) capabilities.add("commands");
    if (merge(existing(rootDir, [".cursor/agents"]), paths(raw.subagents !== undefined ? "subagents" : "agents")).length > 0) {
      capabilities.add("agents");
    }
    if (hasInlineValue(raw.hooks) || exists(rootDir, ".cursor/hooks.json")) {
      capabilities.add("hooks");
      if (exists(rootDir, ".cursor/hooks.json")) bundle.hookPaths = [".cursor/hooks.json"];
    }
    if (hasInlineValue(raw.rules) || exists(rootDir, ".cursor/rules")) capabilities.add("rules");
    mcp();
  } else {
    bundle.skillDirs = merge(existing(rootDir, ["skills"]), paths("skills"));
    bundle.commandDirs = merge(existing(rootDir, ["commands"]), paths("commands"));
    const agents = merge(existing(rootDir, ["agents"]), paths("agents"));
    bundle.hookPaths = merge(existing(rootDir, ["hooks/hooks.json"]), paths("hooks"));
    const outputStyles = merge(existing(rootDir, ["output-styles"]), paths("outputStyles"));
    if (bundle.skillDirs.length > 0) capabilities.add("skills");
    if (bundle.commandDirs.length > 0) capabilities.add("commands");
    if (agents.length > 0) capabilities.add("agents");
    if (hasInlineValue(raw.hooks) || bundle.hookPaths.length > 0) capabilities.add("hooks");
    mcp();
    const lspInline = raw.lspServers;
    if (typeof lspInline === "object" && lspInline !== null && !Array.isArray(lspInline) && Object.keys(lspInline).length > 0) {
      bundle.lspServers = { inline: lspInline as Record<string, unknown> };
    } else if (exists(rootDir, ".lsp.json")) {
      bundle.lspServers = { file: ".lsp.json" };
    } else if (typeof lspInline === "string") {
      bundle.lspServers = { file: paths("lspServers")[0]! };
    }
    if (bundle.lspServers) capabilities.add("lspServers");
    if (hasInlineValue(raw.outputStyles) || outputStyles.length > 0) capabilities.add("outputStyles");
    if (exists(rootDir, "settings.json")) {
      bundle.settingsFile = "settings.json";
      capabilities.add("settings");
    }
  }
  const order: BundleCapability[] = ["skills", "commands", "agents", "hooks", "settings", "lspServers", "mcpServers", "outputStyles", "rules", "apps"];
  bundle.capabilities = order.filter((capability) => capabilities.has(capability));
  return bundle;
}

/**
 * Reads the bundle at `rootDir` (subtype from {@link detectBundleKind} unless given). A manifest that is not JSON,
 * not an object, unreadable, or declaring a component path outside the folder is a problem naming the file.
 *
 * @example
 * ```ts
 * const read = readBundle("/plugins/reviewer");
 * if (!read.ok) console.error(read.message);
 * ```
 */
export function readBundle(rootDir: string, kind?: BundleKind): BundleReadResult | undefined {
  const root = resolve(rootDir);
  const subtype = kind ?? detectBundleKind(root);
  if (!subtype) return undefined;
  let raw: Record<string, unknown> = {};
  let manifestFile: string | undefined;
  if (exists(root, BUNDLE_MANIFEST_PATHS[subtype])) {
    const manifest = readManifest(root, subtype);
    if ("ok" in manifest) return manifest;
    raw = manifest.raw;
    manifestFile = manifest.file;
  } else if (subtype !== "claude") {
    const file = join(root, BUNDLE_MANIFEST_PATHS[subtype]);
    return { ok: false, kind: subtype, file, code: "bundle-manifest-unreadable", message: `${subtype} bundle manifest ${file} does not exist.` };
  }
  try {
    return { ok: true, bundle: describe(root, subtype, raw, manifestFile) };
  } catch (error) {
    if (!(error instanceof BundleManifestError)) throw error;
    return { ok: false, kind: subtype, file: manifestFile ?? root, code: "bundle-manifest-invalid", message: error.message };
  }
}
