/**
 * Test helpers for this repository's own tests (scratch directories laid out from a file map). Private-local-only:
 * built with the other subpaths so the build and isolation checks cover it, but never exported from the package.
 *
 * @packageDocumentation
 */
export { createTempDir } from "../testing/temp-dir.js";
export type { TempDir } from "../testing/temp-dir.js";
