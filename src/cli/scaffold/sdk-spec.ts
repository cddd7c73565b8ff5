/**
 * `plugins init --sdk <spec>`: which `openclaw` package the scaffold depends on. A registry version, range or
 * dist-tag is written as given; a tarball (`openclaw-2026.11.0.tgz`) or a folder (an `openclaw` checkout, built)
 * becomes `file:<absolute path>`, so the scaffold installs from wherever it is moved to on the same machine. Without
 * `--sdk` the scaffold depends on the running CLI's own version.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, isAbsolute, join, resolve } from "node:path";
import { CliError, ExitCode } from "../exit-codes.js";

/** Where the scaffold's `openclaw` dependency comes from. */
export interface ResolvedSdkSpec {
  /** The value written to `devDependencies.openclaw`. */
  dependency: string;
  /**
   * `peerDependencies.openclaw`: `>=<version>` of the chosen SDK when its version is known (exact version, folder's
   * package.json, tarball named `openclaw-<version>.tgz`), the range itself for a range, else `*`.
   */
  peerRange: string;
  /** `registry` (version, range or tag), `tarball`, `folder` or `url`. */
  source: "registry" | "tarball" | "folder" | "url";
}

const URL_SPEC = /^(?:https?:|git\+[a-z]+:|git:|github:|npm:)/i;
const REGISTRY_SPEC = /^[0-9A-Za-z.^~<>=*|+ -]+$/;
const EXACT_VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;
const TARBALL = /\.(?:tgz|tar\.gz)$/;

function looksLikePath(spec: string): boolean {
  return spec.startsWith("file:") || spec.startsWith(".") || spec.startsWith("~") || isAbsolute(spec) || spec.includes("/") || spec.includes("\\") || TARBALL.test(spec);
}

function readPackageJson(dir: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Resolves `--sdk` (or its absence) to the dependency the scaffold writes. Throws a usage error (exit 2) for a path
 * that does not exist, a folder that is not the `openclaw` package, or a value that is no npm spec.
 *
 * @example
 * ```ts
 * resolveSdkSpec(undefined, { cwd: "/work", cliVersion: "2026.11.0" }).dependency; // "2026.11.0"
 * resolveSdkSpec("./openclaw-2026.11.0.tgz", { cwd: "/work", cliVersion: "2026.11.0" }).dependency;
 * // "file:/work/openclaw-2026.11.0.tgz"
 * ```
 */
export function resolveSdkSpec(spec: string | undefined, options: { cwd: string; cliVersion: string; home?: string }): ResolvedSdkSpec {
  if (spec === undefined) return { dependency: options.cliVersion, peerRange: `>=${options.cliVersion}`, source: "registry" };
  const trimmed = spec.trim();
  if (trimmed === "") throw new CliError("--sdk needs a value: a version (2026.11.0), a tarball (./openclaw-2026.11.0.tgz) or a folder.", ExitCode.usage);
  if (URL_SPEC.test(trimmed)) return { dependency: trimmed, peerRange: "*", source: "url" };
  if (looksLikePath(trimmed)) {
    let path = trimmed.startsWith("file:") ? trimmed.slice("file:".length) : trimmed;
    if (path === "~" || path.startsWith("~/")) path = join(options.home ?? process.env.HOME ?? "~", path.slice(1));
    const absolute = resolve(options.cwd, path);
    if (!existsSync(absolute)) {
      throw new CliError(
        `--sdk ${spec}: ${absolute} does not exist. Pass a tarball made by \`npm pack\` in an openclaw checkout (./openclaw-<version>.tgz), that checkout's folder, or a published version.`,
        ExitCode.usage,
      );
    }
    if (statSync(absolute).isDirectory()) {
      const pkg = readPackageJson(absolute);
      if (pkg?.name !== "openclaw") {
        throw new CliError(
          `--sdk ${spec}: ${absolute} is not the openclaw package (${pkg ? `its package.json names "${String(pkg.name)}"` : "no readable package.json"}). Pass the folder of an openclaw checkout, or a tarball made there by \`npm pack\`.`,
          ExitCode.usage,
        );
      }
      const version = typeof pkg.version === "string" && EXACT_VERSION.test(pkg.version) ? pkg.version : undefined;
      return { dependency: `file:${absolute}`, peerRange: version ? `>=${version}` : "*", source: "folder" };
    }
    const fromName = /^openclaw-(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\.(?:tgz|tar\.gz)$/.exec(basename(absolute));
    return { dependency: `file:${absolute}`, peerRange: fromName ? `>=${fromName[1]}` : "*", source: "tarball" };
  }
  if (!REGISTRY_SPEC.test(trimmed)) {
    throw new CliError(
      `--sdk ${spec} is neither a version, range or tag (2026.11.0, ^2026.11.0, latest) nor an existing tarball or folder.`,
      ExitCode.usage,
    );
  }
  const peerRange = EXACT_VERSION.test(trimmed) ? `>=${trimmed}` : /^[A-Za-z][\w.-]*$/.test(trimmed) ? "*" : trimmed;
  return { dependency: trimmed, peerRange, source: "registry" };
}
