/**
 * `clawhub:<package>[@version|@tag]` specs. A selector that parses as an exact semver version pins that version;
 * any other selector is a tag (`beta`, `latest`); none follows the package's latest release.
 */

/**
 * A parsed ClawHub spec.
 *
 * @example
 * ```ts
 * const spec: ClawHubSpec = { name: "weather", selector: { kind: "tag", value: "beta" } };
 * ```
 */
export interface ClawHubSpec {
  name: string;
  selector?: { kind: "version" | "tag"; value: string };
}

/** Prefix of ClawHub specs. */
export const CLAWHUB_PREFIX = "clawhub:";

const NAME = /^(@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/i;
const VERSION = /^v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
const TAG = /^[a-z][a-z0-9._-]*$/i;

/**
 * Parses a `clawhub:` spec; returns a message naming the spec when it is malformed.
 *
 * @example
 * ```ts
 * parseClawHubSpec("clawhub:weather@1.2.0"); // { ok: true, spec: { name: "weather", selector: { kind: "version", value: "1.2.0" } } }
 * ```
 */
export function parseClawHubSpec(input: string): { ok: true; spec: ClawHubSpec } | { ok: false; message: string } {
  if (!input.startsWith(CLAWHUB_PREFIX)) return { ok: false, message: `"${input}" is not a ClawHub spec (expected clawhub:<package>[@version|@tag]).` };
  const body = input.slice(CLAWHUB_PREFIX.length).trim();
  const at = body.lastIndexOf("@");
  const name = at > 0 ? body.slice(0, at) : body;
  const selector = at > 0 ? body.slice(at + 1) : undefined;
  if (!NAME.test(name)) {
    return { ok: false, message: `"${input}": "${name}" is not a ClawHub package name (letters, digits, . _ -, optionally @owner/).` };
  }
  if (selector === undefined) return { ok: true, spec: { name } };
  if (VERSION.test(selector)) return { ok: true, spec: { name, selector: { kind: "version", value: selector.replace(/^v/, "") } } };
  if (TAG.test(selector)) return { ok: true, spec: { name, selector: { kind: "tag", value: selector } } };
  return { ok: false, message: `"${input}": "${selector}" is neither an exact version nor a tag; ranges are not supported.` };
}

/**
 * The spec text of a parsed spec.
 *
 * @example
 * ```ts
 * formatClawHubSpec({ name: "weather" }); // "clawhub:weather"
 * ```
 */
export function formatClawHubSpec(spec: ClawHubSpec): string {
  return `${CLAWHUB_PREFIX}${spec.name}${spec.selector ? `@${spec.selector.value}` : ""}`;
}
