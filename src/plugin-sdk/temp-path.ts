/**
 * Temp paths for downloads and scratch files: the private OpenClaw temp directory, random filename-safe paths, and a self-cleaning download path.
 *
 * @packageDocumentation
 */

export { buildRandomTempFilePath, resolvePreferredOpenClawTmpDir, sanitizeTempFileName, withTempDownloadPath } from "../infra/temp-path.js";
export type { ResolvePreferredOpenClawTmpDirOptions } from "../infra/temp-path.js";
