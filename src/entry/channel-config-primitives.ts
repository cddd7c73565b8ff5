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

/**
 * Block-streaming coalescing: `{ minChars?, maxChars?, idleMs? }` (strict: other keys are errors).
 *
 * @example
 * ```ts
 * const schema = z.object({ blockStreamingCoalesce: BlockStreamingCoalesceSchema.optional() });
 * ```
 */
export const BlockStreamingCoalesceSchema = z
  .object({
    minChars: z.number().int().positive().optional(),
    maxChars: z.number().int().positive().optional(),
    idleMs: z.number().int().nonnegative().optional(),
  })
  .strict();

/**
 * The part of a zod refinement context the policy checks use (zod 3 and zod 4 contexts both fit).
 *
 * @example
 * ```ts
 * const ctx: PolicyRefinementContext = { addIssue: (issue) => console.log(issue.message) };
 * ```
 */
export interface PolicyRefinementContext {
  addIssue(issue: { code: "custom"; path: Array<string | number>; message: string }): void;
}

/**
 * Parameters of `requireOpenAllowFrom` / `requireAllowlistAllowFrom`.
 *
 * @example
 * ```ts
 * const p: AllowFromPolicyCheck = { policy: "open", allowFrom: ["*"], ctx, path: ["allowFrom"], message: 'dmPolicy="open" needs allowFrom ["*"]' };
 * ```
 */
export interface AllowFromPolicyCheck {
  policy?: string;
  allowFrom?: Array<string | number>;
  ctx: PolicyRefinementContext;
  path: Array<string | number>;
  message: string;
}

/**
 * For `superRefine`: adds `message` at `path` when `policy` is `"open"` but `allowFrom` does not contain `"*"`
 * (an open DM policy must say so explicitly).
 *
 * @example
 * ```ts
 * const schema = z.object({ dmPolicy: DmPolicySchema.optional(), allowFrom: AllowFromListSchema.optional() }).superRefine((value, ctx) =>
 *   requireOpenAllowFrom({ policy: value.dmPolicy, allowFrom: value.allowFrom, ctx, path: ["allowFrom"], message: 'dmPolicy="open" requires allowFrom to include "*"' }),
 * );
 * ```
 */
export function requireOpenAllowFrom(params: AllowFromPolicyCheck): void {
  if (params.policy !== "open") return;
  if ((params.allowFrom ?? []).some((entry) => String(entry).trim() === "*")) return;
  params.ctx.addIssue({ code: "custom", path: params.path, message: params.message });
}

/**
 * For `superRefine`: adds `message` at `path` when `policy` is `"allowlist"` but `allowFrom` is empty (every
 * sender would be dropped).
 *
 * @example
 * ```ts
 * schema.superRefine((v, ctx) => requireAllowlistAllowFrom({ policy: v.dmPolicy, allowFrom: v.allowFrom, ctx, path: ["allowFrom"], message: "allowlist needs allowFrom entries" }));
 * ```
 */
export function requireAllowlistAllowFrom(params: AllowFromPolicyCheck): void {
  if (params.policy !== "allowlist") return;
  if ((params.allowFrom ?? []).some((entry) => String(entry).trim() !== "")) return;
  params.ctx.addIssue({ code: "custom", path: params.path, message: params.message });
}
