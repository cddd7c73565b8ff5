/**
 * Small JSON files for plugin state and token caches: read with a fallback, written atomically with private mode.
 */
import { chmodSync, mkdirSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import { writeFileAtomicSync } from "../files/write-file-atomic.js";

/**
 * The parsed JSON in `filePath`, or `undefined` when the file is missing or not valid JSON.
 *
 * @example
 * ```ts
 * const cache = loadJsonFile<{ token: string }>(cachePath);
 * ```
 */
export function loadJsonFile<T = unknown>(filePath: string): T | undefined {
  try {
    return JSON.parse(readFileSync(filePath, "utf8")) as T;
  } catch {
    return undefined;
  }
}

/**
 * Writes `value` as JSON to `filePath` (creating its directory) atomically, readable only by the owner (0600).
 *
 * @example
 * ```ts
 * saveJsonFile(cachePath, { token, savedAt: Date.now() });
 * ```
 */
export function saveJsonFile(filePath: string, value: unknown): void {
  mkdirSync(dirname(filePath), { recursive: true, mode: 0o700 });
  writeFileAtomicSync(filePath, `${JSON.stringify(value, null, 2)}\n`);
  chmodSync(filePath, 0o600);
}
