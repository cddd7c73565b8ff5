/**
 * `createChatChannelPlugin`: assembles a `ChannelPlugin` from a base and optional adapters.
 */
import type {
  ChannelOpenAdapter,
  ChannelOutboundAdapter,
  ChannelPairingAdapter,
  ChannelPlugin,
  ChannelSecurityAdapter,
} from "../contract/channel.js";

/**
 * Assembles a chat channel plugin: `base` plus the given adapters (an adapter given here replaces the one in
 * `base`). Throws when `base` lacks `id`, `meta`, `capabilities` or `config`.
 *
 * @example
 * ```ts
 * const plugin = createChatChannelPlugin({ base, outbound: { deliveryMode: "direct", sendText } });
 * ```
 */
export function createChatChannelPlugin<TResolvedAccount, Probe = unknown, Audit = unknown>(params: {
  base: ChannelPlugin<TResolvedAccount, Probe, Audit>;
  security?: ChannelSecurityAdapter<TResolvedAccount>;
  pairing?: ChannelPairingAdapter;
  threading?: ChannelOpenAdapter;
  outbound?: ChannelOutboundAdapter;
}): ChannelPlugin<TResolvedAccount, Probe, Audit> {
  const { base } = params;
  for (const field of ["id", "meta", "capabilities", "config"] as const) {
    if (base?.[field] === undefined) {
      throw new TypeError(`createChatChannelPlugin: base.${field} is required (channel ${JSON.stringify(base?.id ?? "?")}).`);
    }
  }
  return {
    ...base,
    ...(params.security ? { security: params.security } : {}),
    ...(params.pairing ? { pairing: params.pairing } : {}),
    ...(params.threading ? { threading: params.threading } : {}),
    ...(params.outbound ? { outbound: params.outbound } : {}),
  };
}
