/**
 * Loads a third-party package of the operator commands. In the built package they come from the bundle
 * `dist/cli/operator-deps.cjs` (built from ./operator-deps.ts; the packages are devDependencies, bundled so that plugin
 * authors never install them); in the source tree (tests, tsx) the bundle does not exist and the package itself is
 * required. Loaded on first use only, so commands that never install pay nothing.
 */
import { createRequire } from "node:module";

/** The packages the bundle carries, by their npm names. */
export type OperatorDependencyName = "tar" | "yauzl" | "npm-package-arg" | "semver" | "proper-lockfile";

const EXPORT_NAME: Record<OperatorDependencyName, string> = {
  tar: "tar",
  yauzl: "yauzl",
  "npm-package-arg": "npmPackageArg",
  semver: "semver",
  "proper-lockfile": "properLockfile",
};

/** File name of the bundle, beside the CLI's own files in `dist/cli/`. */
export const OPERATOR_DEPS_BUNDLE = "operator-deps.cjs";

const requireHere = createRequire(import.meta.url);
let bundle: Record<string, unknown> | null | undefined;

function isMissingBundle(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === "MODULE_NOT_FOUND" && typeof message === "string" && message.includes(OPERATOR_DEPS_BUNDLE);
}

/**
 * The package `name`, from the bundle when there is one, else from `node_modules` (source tree only).
 *
 * @example
 * ```ts
 * const semver = loadOperatorDependency<typeof import("semver")>("semver");
 * semver.valid("1.2.3"); // "1.2.3"
 * ```
 */
export function loadOperatorDependency<T>(name: OperatorDependencyName): T {
  if (bundle === undefined) {
    try {
      bundle = requireHere(`./${OPERATOR_DEPS_BUNDLE}`) as Record<string, unknown>;
    } catch (error) {
      if (!isMissingBundle(error)) throw error;
      bundle = null;
    }
  }
  if (bundle) {
    const value = bundle[EXPORT_NAME[name]];
    if (value === undefined) throw new Error(`${OPERATOR_DEPS_BUNDLE} has no "${name}": rebuild the package (pnpm build).`);
    return value as T;
  }
  return requireHere(name) as T;
}
