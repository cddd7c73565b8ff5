/** Implementation of the installer API (being written on wt-install; this first commit only fixes the signature). */
import { InstallError, type InstallerContext, type InstallRequest, type InstallResult } from "./installer-api.js";

/**
 * Implementation behind the public function of the same operation in installer-api.ts.
 *
 * @example
 * ```ts
 * await runInstall(request, ctx);
 * ```
 */
export async function runInstall(request: InstallRequest, ctx: InstallerContext): Promise<InstallResult> {
  void request;
  void ctx;
  throw new InstallError({ code: "invalid-spec", message: "installer: not implemented yet on this branch", rule: "work in progress", fix: "merge a later wt-install commit" });
}
