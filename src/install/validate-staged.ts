/**
 * Checks a staged plugin before anything is committed: a usable `openclaw.plugin.json` at its root (its `id` names
 * the managed folder), the plugin API compatibility its package.json declares, no link leaving the folder, and the
 * loader's path-safety gate (world-writable or foreign-owned files are blocked with the loader's diagnostic).
 */
import { readdir, readFile, realpath } from "node:fs/promises";
import { join } from "node:path";
import { readPluginManifest } from "../manifest/read-plugin-manifest.js";
import { hasErrors, formatDiagnostic } from "../manifest/diagnostics.js";
import { checkPathSafety } from "../discovery/path-safety.js";
import { isPathInside } from "../files/contained-file.js";
import { installError } from "./failure.js";
import { compatibilityProblem } from "./npm-registry.js";

/** What validation learned. */
export interface StagedPluginFacts {
  pluginId: string;
  version?: string;
  name?: string;
}

/** Plugin ids usable as one folder name. */
const SAFE_ID = /^[a-z0-9][a-z0-9._-]{0,127}$/i;

/**
 * Rejects symlinks inside `root` whose target leaves it (`unsafe-path`). `node_modules` is not walked.
 *
 * @example
 * ```ts
 * await assertNoEscapingLinks("/stage/plugin", "./demo");
 * ```
 */
export async function assertNoEscapingLinks(root: string, spec: string): Promise<void> {
  const realRoot = await realpath(root);
  const stack = [root];
  let seen = 0;
  while (stack.length > 0) {
    const dir = stack.pop()!;
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (++seen > 100_000) return;
      const path = join(dir, entry.name);
      if (entry.isSymbolicLink()) {
        let target: string;
        try {
          target = await realpath(path);
        } catch {
          target = "(dangling)";
        }
        if (target === "(dangling)" || !(target === realRoot || isPathInside(realRoot, target))) {
          throw installError("unsafe-path", `The plugin file ${path} is a link to ${target}, outside the plugin folder; nothing was installed.`, {
            source: spec,
            rule: "every file of a plugin must stay inside its folder (links may not point out of it)",
            fix: "replace the link with the file itself, then install again",
          });
        }
      } else if (entry.isDirectory() && entry.name !== "node_modules") {
        stack.push(path);
      }
    }
  }
}

/**
 * Validates the staged plugin at `pluginDir` and returns its id and version. Throws `manifest-invalid`,
 * `incompatible`, `unsafe-path` or `path-blocked`.
 *
 * @example
 * ```ts
 * const { pluginId } = await validateStagedPlugin("/stage/plugin", { spec: "./demo", hostVersion: "2026.11.0" });
 * ```
 */
export async function validateStagedPlugin(
  pluginDir: string,
  options: { spec: string; hostVersion: string; linked?: boolean },
): Promise<StagedPluginFacts> {
  const spec = options.spec;
  const manifestFile = join(pluginDir, "openclaw.plugin.json");
  const read = await readPluginManifest(pluginDir);
  if (!read.manifest || hasErrors(read.diagnostics)) {
    const missing = read.diagnostics.some((d) => d.code === "manifest-not-found" || d.code === "manifest-missing");
    const first = read.diagnostics.filter((d) => d.level === "error").slice(0, 3).map((d) => formatDiagnostic(d)).join("; ");
    throw installError(
      "manifest-invalid",
      missing
        ? `No openclaw.plugin.json at the plugin root (${manifestFile}); nothing was installed.`
        : `The plugin manifest ${manifestFile} has errors: ${first || "unusable"}; nothing was installed.`,
      {
        source: spec,
        rule: "a native OpenClaw plugin has a valid openclaw.plugin.json (with configSchema) at its root",
        fix: missing ? "add openclaw.plugin.json at the root of the plugin (openclaw plugins init scaffolds one), or archive the folder that has it" : "fix the manifest (openclaw plugins validate shows each problem), then install again",
        details: { diagnostics: read.diagnostics.filter((d) => d.level === "error").slice(0, 10) },
      },
    );
  }
  const pluginId = read.manifest.id;
  if (!SAFE_ID.test(pluginId)) {
    throw installError("manifest-invalid", `The plugin id "${pluginId}" cannot name a folder.`, {
      source: spec,
      rule: "plugin ids are lowercase letters, digits and hyphens",
      fix: "change id in openclaw.plugin.json",
    });
  }
  let pkg: Record<string, unknown> | undefined;
  try {
    const parsed = JSON.parse(await readFile(join(pluginDir, "package.json"), "utf8")) as unknown;
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) pkg = parsed as Record<string, unknown>;
  } catch {
    pkg = undefined;
  }
  const problem = compatibilityProblem(pkg, options.hostVersion);
  if (problem) {
    throw installError("incompatible", `${pluginId} does not fit this OpenClaw: ${problem}; nothing was installed.`, {
      source: spec,
      pluginId,
      rule: "a plugin is installed only when this OpenClaw provides the plugin API it declares",
      fix: "upgrade OpenClaw, or install a release of the plugin built for this version",
    });
  }
  if (!options.linked) await assertNoEscapingLinks(pluginDir, spec);
  const block = checkPathSafety({ rootDir: pluginDir });
  if (block) {
    throw installError("path-blocked", `${pluginId} would be present but blocked: ${block.message}`, {
      source: spec,
      pluginId,
      rule: `the loader refuses plugin files that are ${block.code === "world-writable" ? "world-writable" : block.code === "wrong-owner" ? "owned by another user" : "outside the plugin folder"} (${block.code})`,
      fix: block.code === "world-writable" ? `chmod -R o-w ${options.linked ? pluginDir : "<the source folder>"} and install again` : "fix the file named above and install again",
      details: { block },
    });
  }
  const facts: StagedPluginFacts = { pluginId };
  const version = read.manifest.version ?? (typeof pkg?.version === "string" ? pkg.version : undefined);
  if (version) facts.version = version;
  if (read.manifest.name) facts.name = read.manifest.name;
  return facts;
}


