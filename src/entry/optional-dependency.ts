/**
 * Synchronous, lazy loading of the heavy validation libraries (zod, zod-to-json-schema, ajv, ajv-formats).
 *
 * Narrow subpaths (`plugin-entry`, `core`, `channel-core`, …) must not load third-party code at import time, yet
 * `configSchema.safeParse` and `configSchema.jsonSchema` are synchronous members of the established contract.
 * All four libraries ship CommonJS builds, so `createRequire` loads them on first use without making the API
 * async. Nothing here runs at import time. See docs/config-schemas.md.
 *
 * @internal
 */
import { createRequire } from "node:module";

let requireFromHere: NodeRequire | undefined;

/**
 * Loads `name` (a dependency of this package) synchronously; throws a clear error when it is missing.
 *
 * @internal
 */
export function loadOptionalDependency<T>(name: "zod" | "zod-to-json-schema" | "ajv" | "ajv-formats", forWhat: string): T {
  requireFromHere ??= createRequire(import.meta.url);
  try {
    return requireFromHere(name) as T;
  } catch (error) {
    throw new Error(
      `${forWhat} needs the "${name}" package, which could not be loaded (${(error as Error).message}). ` +
        `Reinstall the "openclaw" package so its dependencies are present.`,
    );
  }
}
