/** Implementation of the installer API (being written on wt-install; this first commit only fixes the signature). */
import { InstallError, type InstallerContext, type UpdateRequest, type UpdateResult } from "./installer-api.js";

/**
 * Implementation behind the public function of the same operation in installer-api.ts.
 *
 * @example
 * ```ts
 * await runUpdate(request, ctx);
 * ```
 */
export async function runUpdate(request: UpdateRequest, ctx: InstallerContext): Promise<UpdateResult> {
  void request;
  void ctx;
  throw new InstallError({ code: "invalid-spec", message: "updater: not implemented yet on this branch", rule: "work in progress", fix: "merge a later wt-install commit" });
}
