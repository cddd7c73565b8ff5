/**
 * Small JSON files for plugin state and token caches.
 *
 * @packageDocumentation
 */

export { loadJsonFile, saveJsonFile } from "../infra/json-file.js";
