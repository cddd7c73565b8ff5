/**
 * Wiring: what of a detected bundle the host can use, resolved into concrete entries, and what is only detected.
 *
 * "Wired" means precisely: the capability is resolved here into a validated entry of {@link BundleWiring} — a skill
 * folder holding `SKILL.md`, a command markdown file exposed as a command skill, the parsed `settings.json` object
 * applied as config defaults, the parsed LSP server map applied as LSP defaults, or a Codex hook folder holding
 * `HOOK.md` — and `plugins inspect --json` reports it under `bundle.wired`. Per subtype:
 *
 * | subtype | wired |
 * | --- | --- |
 * | claude | skills, commands (as command skills), settings (`settings.json` defaults), lspServers (`.lsp.json` / manifest `lspServers` defaults) |
 * | cursor | skills, commands (as command skills) |
 * | codex  | skills, hooks (hook folders) |
 *
 * Every other detected capability (agents, Claude/Cursor hooks, MCP servers, output styles, rules, apps) becomes an
 * `info` diagnostic `bundle-capability-not-wired` ("detected, not wired"), never silently dropped.
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { readRegularFileSync } from "../files/contained-file.js";
import type { PluginDiagnostic } from "../manifest/diagnostics.js";
import type { BundleCapability, BundleKind, DetectedBundle } from "./bundle-types.js";

/** Capabilities the host wires, per bundle subtype. */
export const WIRED_BUNDLE_CAPABILITIES: Readonly<Record<BundleKind, readonly BundleCapability[]>> = {
  claude: ["skills", "commands", "settings", "lspServers"],
  cursor: ["skills", "commands"],
  codex: ["skills", "hooks"],
};

const JSON_MAX_BYTES = 1024 * 1024;

/**
 * The resolved, usable parts of a bundle.
 *
 * @example
 * ```ts
 * const { wired } = resolveBundleWiring(bundle);
 * wired.commandSkills.map((c) => c.name); // ["review"]
 * ```
 */
export interface BundleWiring {
  /** Skill folders (`<skillDir>/<name>/SKILL.md`, or a skill dir that holds `SKILL.md` itself). */
  skills: Array<{ name: string; dir: string }>;
  /** Command markdown files exposed as command skills (`/<name>`). */
  commandSkills: Array<{ name: string; file: string }>;
  /** `settings.json` object, applied as defaults beneath the operator's own config. */
  settingsDefaults?: Record<string, unknown>;
  /** LSP server defaults by server name. */
  lspServers?: Record<string, unknown>;
  /** Codex hook folders (each holds `HOOK.md`). */
  hookFolders: Array<{ name: string; dir: string }>;
}

/** Result of {@link resolveBundleWiring}. */
export interface BundleWiringResult {
  wired: BundleWiring;
  /** Capabilities that produced at least one wired entry. */
  wiredCapabilities: BundleCapability[];
  /** Detected capabilities the host does not run. */
  notWired: BundleCapability[];
  diagnostics: PluginDiagnostic[];
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir).filter((name) => !name.startsWith(".")).sort();
  } catch {
    return [];
  }
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function readJsonObject(
  rootDir: string,
  relative: string,
  label: string,
  diagnostics: PluginDiagnostic[],
): Record<string, unknown> | undefined {
  const file = join(rootDir, relative);
  const read = readRegularFileSync(file, { maxBytes: JSON_MAX_BYTES, rootDir, label });
  const fail = (message: string): undefined => {
    diagnostics.push({ level: "error", code: "bundle-file-invalid", path: "", file, message });
    return undefined;
  };
  if (!read.ok) return fail(read.message);
  let parsed: unknown;
  try {
    parsed = JSON.parse(read.bytes.toString("utf8"));
  } catch (error) {
    return fail(`${label} ${file} is not valid JSON (${error instanceof Error ? error.message : String(error)}); fix its syntax.`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return fail(`${label} ${file} must hold a JSON object.`);
  return parsed as Record<string, unknown>;
}

/**
 * Resolves the wired capabilities of a bundle and reports the rest as "detected, not wired".
 *
 * @example
 * ```ts
 * const read = readBundle(dir);
 * if (read?.ok) for (const d of resolveBundleWiring(read.bundle).diagnostics) console.log(d.message);
 * ```
 */
export function resolveBundleWiring(bundle: DetectedBundle): BundleWiringResult {
  const diagnostics: PluginDiagnostic[] = [];
  const wired: BundleWiring = { skills: [], commandSkills: [], hookFolders: [] };
  const supported = WIRED_BUNDLE_CAPABILITIES[bundle.kind];
  const root = bundle.rootDir;

  if (supported.includes("skills")) {
    for (const dir of bundle.skillDirs) {
      const abs = join(root, dir);
      if (isFile(join(abs, "SKILL.md"))) {
        wired.skills.push({ name: dir.split("/").pop() ?? dir, dir: abs });
        continue;
      }
      for (const name of listDir(abs)) {
        if (isFile(join(abs, name, "SKILL.md"))) wired.skills.push({ name, dir: join(abs, name) });
      }
    }
  }
  if (supported.includes("commands")) {
    for (const dir of bundle.commandDirs) {
      const abs = join(root, dir);
      for (const name of listDir(abs)) {
        const match = /^(.+)\.(md|mdc)$/.exec(name);
        if (match && isFile(join(abs, name))) wired.commandSkills.push({ name: match[1]!, file: join(abs, name) });
      }
    }
  }
  if (supported.includes("settings") && bundle.settingsFile) {
    const settings = readJsonObject(root, bundle.settingsFile, "bundle settings file", diagnostics);
    if (settings) wired.settingsDefaults = settings;
  }
  if (supported.includes("lspServers") && bundle.lspServers) {
    if ("inline" in bundle.lspServers) wired.lspServers = bundle.lspServers.inline;
    else {
      const lsp = readJsonObject(root, bundle.lspServers.file, "bundle LSP config", diagnostics);
      if (lsp) {
        const servers = lsp.lspServers;
        wired.lspServers = typeof servers === "object" && servers !== null && !Array.isArray(servers) ? (servers as Record<string, unknown>) : lsp;
      }
    }
  }
  if (supported.includes("hooks")) {
    for (const path of bundle.hookPaths) {
      const abs = join(root, path);
      if (!isDir(abs)) continue;
      if (isFile(join(abs, "HOOK.md"))) {
        wired.hookFolders.push({ name: path.split("/").pop() ?? path, dir: abs });
        continue;
      }
      for (const name of listDir(abs)) {
        if (isFile(join(abs, name, "HOOK.md"))) wired.hookFolders.push({ name, dir: join(abs, name) });
        else if (isDir(join(abs, name))) {
          diagnostics.push({
            level: "warning",
            code: "bundle-hook-folder-invalid",
            path: "",
            file: join(abs, name),
            message: `hook folder ${join(abs, name)} has no HOOK.md, so it is not wired; add HOOK.md or remove the folder.`,
          });
        }
      }
    }
  }

  const produced: Record<BundleCapability, boolean> = {
    skills: wired.skills.length > 0,
    commands: wired.commandSkills.length > 0,
    settings: wired.settingsDefaults !== undefined,
    lspServers: wired.lspServers !== undefined,
    hooks: wired.hookFolders.length > 0,
    agents: false,
    mcpServers: false,
    outputStyles: false,
    rules: false,
    apps: false,
  };
  const wiredCapabilities = bundle.capabilities.filter((capability) => supported.includes(capability) && produced[capability]);
  const notWired = bundle.capabilities.filter((capability) => !supported.includes(capability));
  for (const capability of notWired) {
    diagnostics.push({
      level: "info",
      code: "bundle-capability-not-wired",
      path: "",
      file: bundle.manifestFile ?? bundle.rootDir,
      message: `${bundle.kind} bundle "${bundle.id}": ${capability} detected, not wired (the host does not run ${bundle.kind} ${capability}).`,
    });
  }
  return { wired, wiredCapabilities, notWired, diagnostics };
}
