/**
 * Shared zod primitives for channel config schemas. This module imports zod at load time, so only the
 * `channel-config-schema` family of subpaths re-exports it (never the light entry subpaths).
 */
import { z } from "zod";

/**
 * Direct-message policy: `pairing` (unknown senders get a pairing code), `allowlist`, `open`, `disabled`.
 *
 * @example
 * ```ts
 * const schema = z.object({ dmPolicy: DmPolicySchema.default("pairing") });
 * ```
 */
export const DmPolicySchema = z.enum(["pairing", "allowlist", "open", "disabled"]);

/**
 * Group policy: `open`, `allowlist`, `disabled`.
 *
 * @example
 * ```ts
 * const schema = z.object({ groupPolicy: GroupPolicySchema.optional() });
 * ```
 */
export const GroupPolicySchema = z.enum(["open", "allowlist", "disabled"]);

/**
 * Allow-list of sender ids (strings or numbers).
 *
 * @example
 * ```ts
 * const schema = z.object({ allowFrom: AllowFromListSchema.optional() });
 * ```
 */
export const AllowFromListSchema = z.array(z.union([z.string(), z.number()]));

/**
 * Common DM config block `{ policy?, allowFrom? }`.
 *
 * @example
 * ```ts
 * const schema = z.object({ dm: DmConfigSchema.optional() });
 * ```
 */
export const DmConfigSchema = z.object({
  policy: DmPolicySchema.optional(),
  allowFrom: AllowFromListSchema.optional(),
});

/**
 * A channel schema with top-level account fields plus `accounts.<id>` overrides (each field optional there), and
 * `enabled`.
 *
 * @example
 * ```ts
 * const schema = buildMultiAccountChannelSchema({ token: z.string().optional(), dmPolicy: DmPolicySchema.optional() });
 * ```
 */
export function buildMultiAccountChannelSchema<Shape extends z.ZodRawShape>(accountShape: Shape) {
  const account = z.object(accountShape);
  return account.extend({
    enabled: z.boolean().optional(),
    name: z.string().optional(),
    accounts: z.record(z.string(), account.partial().extend({ enabled: z.boolean().optional(), name: z.string().optional() })).optional(),
  });
}
