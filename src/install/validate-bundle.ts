/**
 * Validation of a staged compatible bundle (Codex, Claude or Cursor; no `openclaw.plugin.json`): its manifest must
 * be readable JSON (the error names the file) and its id usable as a folder name; `validate-staged.ts` then runs the
 * link and path-safety checks every plugin gets. Bundles install into the normal plugin root like native plugins.
 */
import { basename } from "node:path";
import { readBundle, slugifyBundleId } from "../bundles/detect-bundle.js";
import type { BundleKind } from "../bundles/bundle-types.js";
import { installError } from "./failure.js";

const SAFE_ID = /^[a-z0-9][a-z0-9._-]{0,127}$/i;

/**
 * The folder name a spec stands for: `./x/reviewer/` → `reviewer`, `/a/reviewer-1.0.0.tgz` → `reviewer-1.0.0`,
 * `clawhub:reviewer@1.0.0` → `reviewer`, `marketplace:reviewer@acme` → `reviewer`.
 *
 * @example
 * ```ts
 * sourceFolderName("git:acme/reviewer#v1"); // "reviewer"
 * ```
 */
export function sourceFolderName(spec: string): string {
  let body = spec.replace(/^(clawhub|marketplace|npm|npm-pack|git|path):/, "").replace(/[#].*$/, "").replace(/[\\/]+$/, "");
  if (/^(clawhub|marketplace|npm):/.test(spec) || (!body.includes("/") && body.lastIndexOf("@") > 0)) body = body.slice(0, body.lastIndexOf("@") > 0 ? body.lastIndexOf("@") : undefined);
  return basename(body).replace(/\.(tgz|zip|tar|tar\.gz|git)$/i, "");
}

/**
 * Facts of a staged bundle (what {@link readStagedBundle} returns).
 *
 * @example
 * ```ts
 * const facts: StagedBundleFacts = { pluginId: "reviewer", bundleKind: "claude", version: "1.0.0" };
 * ```
 */
export interface StagedBundleFacts {
  pluginId: string;
  bundleKind: BundleKind;
  version?: string;
  name?: string;
}

/**
 * Reads the staged bundle at `pluginDir` and checks its id; the caller then runs the link and path-safety checks
 * every staged plugin gets.
 *
 * @example
 * ```ts
 * const facts = readStagedBundle("/stage/plugin", "claude", "./reviewer");
 * facts.pluginId; // "reviewer"
 * ```
 */
export function readStagedBundle(pluginDir: string, kind: BundleKind, spec: string): StagedBundleFacts {
  const read = readBundle(pluginDir, kind);
  if (!read || !read.ok) {
    // Name the file as the operator knows it: relative to the source they gave, not the staging copy.
    const message = read && !read.ok ? `${spec}: ${read.message.split(`${pluginDir}/`).join("")}` : `${spec} is not a ${kind} bundle.`;
    throw installError("manifest-invalid", `${message} Nothing was installed.`, {
      source: spec,
      rule: "a compatible bundle has a readable JSON manifest (.codex-plugin/, .claude-plugin/ or .cursor-plugin/plugin.json) or the default Claude layout",
      fix: read && !read.ok ? `fix ${read.file}, then install again` : "install a plugin folder with openclaw.plugin.json or a bundle manifest",
    });
  }
  const bundle = read.bundle;
  // Without a manifest name the id comes from the folder name — the source's, not the staging copy's.
  if (!bundle.name) bundle.id = slugifyBundleId(undefined, sourceFolderName(spec));
  if (!SAFE_ID.test(bundle.id)) {
    throw installError("manifest-invalid", `The bundle id "${bundle.id}" cannot name a folder.`, {
      source: spec,
      rule: "plugin ids are lowercase letters, digits and hyphens",
      fix: `change name in ${bundle.manifestFile ?? "the bundle manifest"}`,
    });
  }
  const facts: StagedBundleFacts = { pluginId: bundle.id, bundleKind: kind };
  if (bundle.version) facts.version = bundle.version;
  if (bundle.name) facts.name = bundle.name;
  return facts;
}
