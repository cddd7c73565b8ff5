/**
 * Types of compatible bundles: Codex, Claude and Cursor plugin folders that OpenClaw installs and lists beside its
 * native plugins. A bundle has no `openclaw.plugin.json`; its identity comes from its own manifest
 * (`.codex-plugin/plugin.json`, `.claude-plugin/plugin.json`, `.cursor-plugin/plugin.json`) or, for Claude, from
 * the folder name when only the default component layout is present.
 */

/** Bundle subtypes, in detection order. */
export const BUNDLE_KINDS = ["codex", "cursor", "claude"] as const;

/**
 * A bundle subtype.
 *
 * @example
 * ```ts
 * const kind: BundleKind = "claude";
 * ```
 */
export type BundleKind = (typeof BUNDLE_KINDS)[number];

/** Manifest path of each subtype, relative to the bundle root. */
export const BUNDLE_MANIFEST_PATHS: Readonly<Record<BundleKind, string>> = {
  codex: ".codex-plugin/plugin.json",
  cursor: ".cursor-plugin/plugin.json",
  claude: ".claude-plugin/plugin.json",
};

/**
 * Capability names a bundle can carry (the names `inspect` prints).
 *
 * @example
 * ```ts
 * const capability: BundleCapability = "lspServers";
 * ```
 */
export type BundleCapability =
  | "skills"
  | "commands"
  | "agents"
  | "hooks"
  | "settings"
  | "lspServers"
  | "mcpServers"
  | "outputStyles"
  | "rules"
  | "apps";

/**
 * What detection found in one bundle folder, before anything is wired.
 *
 * @example
 * ```ts
 * const read = readBundle("/plugins/reviewer");
 * if (read.ok) console.log(read.bundle.kind, read.bundle.capabilities);
 * ```
 */
export interface DetectedBundle {
  kind: BundleKind;
  /** Absolute bundle root. */
  rootDir: string;
  /** Absolute manifest file; absent for a Claude bundle found by its default component layout. */
  manifestFile?: string;
  /** Plugin id: the manifest `name` slugified, else the folder name slugified. */
  id: string;
  name?: string;
  description?: string;
  version?: string;
  /** Detected capabilities, in a stable order. */
  capabilities: BundleCapability[];
  /** Folders (relative to the root) holding skill folders (`<dir>/<skill>/SKILL.md`). */
  skillDirs: string[];
  /** Folders (relative) holding command markdown files (`<dir>/<command>.md`). */
  commandDirs: string[];
  /** Codex hook folders (relative) and the Claude hook config (`hooks/hooks.json`) when present. */
  hookPaths: string[];
  /** Relative `settings.json` when present (Claude). */
  settingsFile?: string;
  /** LSP server defaults: the manifest's inline `lspServers` object, or the relative `.lsp.json` file. */
  lspServers?: { inline: Record<string, unknown> } | { file: string };
  /** MCP servers: inline manifest object or relative `.mcp.json`. */
  mcpServers?: { inline: unknown } | { file: string };
}

/** Result of reading a bundle: the bundle, or a problem naming the file. */
export type BundleReadResult =
  | { ok: true; bundle: DetectedBundle }
  | { ok: false; kind: BundleKind; file: string; code: "bundle-manifest-invalid" | "bundle-manifest-unreadable"; message: string };
