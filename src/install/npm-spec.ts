/**
 * npm install specs: `npm:<name>[@version|@tag]` or a bare package name. Registry specs only — git specs, URLs,
 * `file:` specs, aliases and semver ranges are refused with the form to use instead. Parsing is npm's own
 * (`npm-package-arg`), so names and versions follow npm's rules exactly.
 */
import { installError } from "./failure.js";
import { loadOperatorDependency } from "../vendor/load-operator-dependency.js";

/**
 * A parsed registry spec.
 *
 * @example
 * ```ts
 * parseNpmSpec("npm:@acme/weather@beta"); // { name: "@acme/weather", selector: { kind: "tag", value: "beta" }, raw: "npm:@acme/weather@beta" }
 * ```
 */
export interface NpmSpec {
  name: string;
  /** `default` = no version or tag given (the registry's `latest`, stable only). */
  selector: { kind: "default" } | { kind: "tag"; value: string } | { kind: "version"; value: string };
  /** The spec as given. */
  raw: string;
}

type Npa = (spec: string) => { type: string; name?: string | null; rawSpec: string; fetchSpec?: string | null };
let npaModule: Npa | undefined;
function npa(): Npa {
  npaModule ??= loadOperatorDependency<Npa>("npm-package-arg");
  return npaModule;
}

const RULE = "npm specs are registry specs only: a package name with an optional exact version or dist-tag";

/**
 * Parses an npm spec (with or without the `npm:` prefix). Throws `invalid-spec` naming the form to use.
 *
 * @example
 * ```ts
 * parseNpmSpec("demo@1.2.0").selector; // { kind: "version", value: "1.2.0" }
 * parseNpmSpec("demo@^1.2.0"); // throws: semver ranges are refused
 * ```
 */
export function parseNpmSpec(spec: string): NpmSpec {
  const body = spec.startsWith("npm:") ? spec.slice(4) : spec;
  let parsed: ReturnType<Npa>;
  try {
    parsed = npa()(body);
  } catch (error) {
    throw installError("invalid-spec", `"${spec}" is not a valid npm package spec: ${(error as Error).message.split("\n")[0]}.`, {
      source: spec,
      rule: RULE,
      fix: "openclaw plugins install npm:<name>[@<version>|@<tag>]",
    });
  }
  const name = parsed.name ?? undefined;
  const refuse = (what: string, fix: string) =>
    installError("invalid-spec", `"${spec}" is ${what}, not a registry spec.`, { source: spec, rule: RULE, fix });
  switch (parsed.type) {
    case "git":
      throw refuse("a git spec", `openclaw plugins install git:${body.replace(/^git\+/, "")}`);
    case "remote":
      throw refuse("a URL", "download the archive and run openclaw plugins install <file.tgz>, or use npm:<name>@<version>");
    case "file":
    case "directory":
      throw refuse("a file spec", `openclaw plugins install ${body.replace(/^file:/, "")}`);
    case "alias":
      throw refuse("an npm alias", "openclaw plugins install npm:<real-name>@<version>");
    case "tag":
      if (!name) break;
      return { name, selector: parsed.rawSpec === "latest" ? { kind: "default" } : { kind: "tag", value: parsed.rawSpec }, raw: spec };
    case "version":
      if (!name) break;
      return { name, selector: { kind: "version", value: parsed.fetchSpec ?? parsed.rawSpec }, raw: spec };
    case "range":
      if (!name) break;
      if (parsed.rawSpec === "*" && !body.endsWith("@*")) return { name, selector: { kind: "default" }, raw: spec };
      throw installError("invalid-spec", `"${spec}" is a semver range; a plugin install needs an exact version or a dist-tag.`, {
        source: spec,
        rule: RULE,
        fix: `openclaw plugins install npm:${name}@<exact-version> (or npm:${name} for the latest stable release)`,
      });
    default:
      break;
  }
  throw refuse("not a package name", "openclaw plugins install npm:<name>[@<version>|@<tag>]");
}

/**
 * The spec written back into a record: `name`, `name@tag` or `name@version` (without `npm:`).
 *
 * @example
 * ```ts
 * formatNpmSpec({ name: "demo", selector: { kind: "tag", value: "beta" }, raw: "npm:demo@beta" }); // "demo@beta"
 * ```
 */
export function formatNpmSpec(spec: NpmSpec): string {
  return spec.selector.kind === "default" ? spec.name : `${spec.name}@${spec.selector.value}`;
}
