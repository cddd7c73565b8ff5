/** Implementation of the installer API (being written on wt-install; this first commit only fixes the signature). */
import { InstallError, type InstallerContext, type UninstallRequest, type UninstallResult } from "./installer-api.js";

/**
 * Implementation behind the public function of the same operation in installer-api.ts.
 *
 * @example
 * ```ts
 * await runUninstall(request, ctx);
 * ```
 */
export async function runUninstall(request: UninstallRequest, ctx: InstallerContext): Promise<UninstallResult> {
  void request;
  void ctx;
  throw new InstallError({ code: "invalid-spec", message: "uninstaller: not implemented yet on this branch", rule: "work in progress", fix: "merge a later wt-install commit" });
}
