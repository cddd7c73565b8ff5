/**
 * The install sources added on top of the built-in ones (folder, link, archive, npm-pack:, npm:, git:) for the CLI
 * and the management API: one list, asked before the built-ins. Bundle, marketplace and ClawHub resolvers
 * (wt-bundles) are added here, each an {@link InstallSourceResolver}.
 */
import type { InstallSourceResolver } from "../installer-api.js";

/**
 * The extra resolvers for a run (`cwd` resolves relative paths).
 *
 * @example
 * ```ts
 * const ctx: InstallerContext = { paths, sources: extraInstallSources(process.cwd()) };
 * ```
 */
export function extraInstallSources(cwd: string): InstallSourceResolver[] {
  void cwd;
  return [];
}
