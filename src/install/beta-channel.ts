/**
 * The beta update channel for plugin records. On `beta`, a default-line record — npm `name` / `name@latest`, or
 * ClawHub `clawhub:pkg` / `clawhub:pkg@latest` — tries the `@beta` tag first; exact versions and explicit tags stay
 * on their selector. When the beta attempt fails for a reason below, the update falls back to the recorded spec and
 * reports a warning; it never fails because of the beta attempt:
 * - npm: no `beta` dist-tag, or the beta package fails install validation (manifest, compatibility, unsafe or
 *   blocked files, unreadable archive, dependency install);
 * - ClawHub: no `beta` tag on the package.
 */
import type { InstallErrorCode } from "./installer-api.js";
import type { PluginInstallRecord } from "../state/install-record.js";
import { formatNpmSpec, parseNpmSpec } from "./npm-spec.js";

/** Update channels. */
export type UpdateChannel = "stable" | "beta";

const NPM_FALLBACK: readonly InstallErrorCode[] = [
  "source-not-found",
  "manifest-invalid",
  "incompatible",
  "unsafe-path",
  "path-blocked",
  "archive-invalid",
  "dependencies-failed",
];
const CLAWHUB_FALLBACK: readonly InstallErrorCode[] = ["source-not-found"];

/**
 * The `@beta` spec a record tries first on the beta channel, or `undefined` when the record is not on its default
 * line (pinned, exact version, explicit tag) or its source has no channels.
 *
 * @example
 * ```ts
 * betaSpecFor({ source: "npm" } as PluginInstallRecord, "@acme/weather"); // "@acme/weather@beta"
 * betaSpecFor({ source: "npm" } as PluginInstallRecord, "@acme/weather@1.2.0"); // undefined
 * ```
 */
export function betaSpecFor(record: Pick<PluginInstallRecord, "source" | "pinned">, spec: string | undefined): string | undefined {
  if (!spec || record.pinned) return undefined;
  if (record.source === "npm") {
    if (spec.startsWith("npm-pack:")) return undefined;
    let parsed;
    try {
      parsed = parseNpmSpec(spec);
    } catch {
      return undefined;
    }
    const defaultLine = parsed.selector.kind === "default" || (parsed.selector.kind === "tag" && parsed.selector.value === "latest");
    return defaultLine ? formatNpmSpec({ ...parsed, selector: { kind: "tag", value: "beta" } }) : undefined;
  }
  if (record.source === "clawhub") {
    const match = /^clawhub:((?:@[^/@]+\/)?[^@]+)(?:@(latest))?$/.exec(spec);
    return match ? `clawhub:${match[1]}@beta` : undefined;
  }
  return undefined;
}

/**
 * True when a failed beta attempt of a record of `source` falls back to the recorded spec (with a warning).
 *
 * @example
 * ```ts
 * fallsBackFromBeta("npm", "incompatible"); // true
 * fallsBackFromBeta("clawhub", "integrity-mismatch"); // false
 * ```
 */
export function fallsBackFromBeta(source: PluginInstallRecord["source"], code: InstallErrorCode): boolean {
  return (source === "npm" ? NPM_FALLBACK : source === "clawhub" ? CLAWHUB_FALLBACK : []).includes(code);
}
