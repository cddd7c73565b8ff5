/**
 * Synchronous, lazy loading of the zod converters for config schemas.
 *
 * Narrow subpaths (`plugin-entry`, `core`, `channel-core`, …) must not load third-party code at import time, yet
 * `configSchema.jsonSchema` is a synchronous member of the established contract. zod and zod-to-json-schema ship
 * CommonJS builds, so `createRequire` loads them on first use without making the API async. Nothing here runs at
 * import time; every load is a string literal so the isolation check can verify it. See docs/config-schemas.md.
 *
 * @internal
 */
import { createRequire } from "node:module";

let requireFromHere: NodeRequire | undefined;

function load<T>(name: string, forWhat: string, loader: () => unknown): T {
  try {
    return loader() as T;
  } catch (error) {
    throw new Error(
      `${forWhat} needs the "${name}" package, which could not be loaded (${(error as Error).message}). ` +
        `Reinstall the "openclaw" package so its dependencies are present.`,
    );
  }
}

/**
 * zod 4 (`z.toJSONSchema`), loaded on first call.
 *
 * @internal
 */
export function requireZod<T>(forWhat: string): T {
  return load<T>("zod", forWhat, () => {
    requireFromHere ??= createRequire(import.meta.url);
    return requireFromHere("zod");
  });
}

/**
 * zod-to-json-schema (zod 3 input only), loaded on first call.
 *
 * @internal
 */
export function requireZodToJsonSchema<T>(forWhat: string): T {
  return load<T>("zod-to-json-schema", forWhat, () => {
    requireFromHere ??= createRequire(import.meta.url);
    return requireFromHere("zod-to-json-schema");
  });
}

/** Which ajv build compiles a schema. @internal */
export type AjvDraft = "draft-07" | "2019-09" | "2020-12";

/**
 * The ajv class for `draft`, loaded on first call.
 *
 * @internal
 */
export function requireAjvClass<T>(draft: AjvDraft, forWhat: string): T {
  return load<T>("ajv", forWhat, () => {
    requireFromHere ??= createRequire(import.meta.url);
    const mod = (
      draft === "2020-12"
        ? requireFromHere("ajv/dist/2020")
        : draft === "2019-09"
          ? requireFromHere("ajv/dist/2019")
          : requireFromHere("ajv")
    ) as { default?: unknown };
    return mod.default ?? mod;
  });
}

/**
 * ajv-formats' plugin function, loaded on first call.
 *
 * @internal
 */
export function requireAjvFormats<T>(forWhat: string): T {
  return load<T>("ajv-formats", forWhat, () => {
    requireFromHere ??= createRequire(import.meta.url);
    const mod = requireFromHere("ajv-formats") as { default?: unknown };
    return mod.default ?? mod;
  });
}
