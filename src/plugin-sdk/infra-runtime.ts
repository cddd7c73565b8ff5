/**
 * Process-level helpers: the OpenClaw temp directory, cross-process file locks, abortable sleep, and small JSON files.
 *
 * @packageDocumentation
 */

export { buildRandomTempFilePath, resolvePreferredOpenClawTmpDir } from "../infra/temp-path.js";
export { withFileLock } from "../infra/file-lock.js";
export { sleep } from "../infra/sleep.js";
export { loadJsonFile, saveJsonFile } from "../infra/json-file.js";
export type { ResolvePreferredOpenClawTmpDirOptions } from "../infra/temp-path.js";
export type { FileLockOptions } from "../infra/file-lock.js";
