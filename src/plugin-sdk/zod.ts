/**
 * zod (`z`) for plugins that import it through the SDK. Depend on `zod` directly instead.
 *
 * @deprecated Import `z` from the `zod` package (add it to your dependencies) instead of `openclaw/plugin-sdk/zod`. Removal not before 2027-06-30.
 *
 * @packageDocumentation
 */

export {
  /** @deprecated Import `z` from the `zod` package (add it to your dependencies) instead of `openclaw/plugin-sdk/zod`. Removal not before 2027-06-30. */
  z,
} from "../compat/zod.js";
