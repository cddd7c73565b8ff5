/**
 * `createChatChannelPlugin`: assembles a `ChannelPlugin` from a base and optional adapters.
 */
import type {
  ChannelOpenAdapter,
  ChannelOutboundAdapter,
  ChannelOutboundContext,
  ChannelPairingAdapter,
  ChannelPlugin,
  ChannelSecurityAdapter,
} from "../contract/channel.js";

/**
 * A send result before the channel id is stamped on it (other members a send returns are kept).
 *
 * @example
 * ```ts
 * const sent: ChatChannelUnattachedResult = { messageId: "m1" };
 * ```
 */
export type ChatChannelUnattachedResult = { messageId: string; chatId?: string };

/**
 * Outbound given as a base adapter plus send functions whose results get the channel id attached
 * (`{ ...result, channel }`), so send code does not repeat the channel id.
 *
 * @example
 * ```ts
 * const outbound: ChatChannelAttachedOutboundOptions = {
 *   base: { deliveryMode: "direct" },
 *   attachedResults: { channel: "my-chat", sendText: async ({ to }) => ({ messageId: `${to}:1` }) },
 * };
 * ```
 */
export type ChatChannelAttachedOutboundOptions = {
  base: Omit<ChannelOutboundAdapter, "sendText" | "sendMedia">;
  attachedResults: {
    channel: string;
    sendText?(ctx: ChannelOutboundContext): ChatChannelUnattachedResult | Promise<ChatChannelUnattachedResult>;
    sendMedia?(ctx: ChannelOutboundContext): ChatChannelUnattachedResult | Promise<ChatChannelUnattachedResult>;
  };
};

function resolveOutbound(outbound: ChannelOutboundAdapter | ChatChannelAttachedOutboundOptions): ChannelOutboundAdapter {
  if (!("attachedResults" in outbound)) return outbound;
  const { base, attachedResults } = outbound;
  if (typeof attachedResults?.channel !== "string" || attachedResults.channel === "") {
    throw new TypeError('createChatChannelPlugin: outbound.attachedResults.channel must be the channel id (a non-empty string).');
  }
  const { channel, sendText, sendMedia } = attachedResults;
  return {
    ...base,
    ...(sendText ? { sendText: async (ctx: ChannelOutboundContext) => ({ ...(await sendText(ctx)), channel }) } : {}),
    ...(sendMedia ? { sendMedia: async (ctx: ChannelOutboundContext) => ({ ...(await sendMedia(ctx)), channel }) } : {}),
  };
}

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
  /** An outbound adapter, or `{ base, attachedResults }` whose send results get the channel id attached. */
  outbound?: ChannelOutboundAdapter | ChatChannelAttachedOutboundOptions;
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
    ...(params.outbound ? { outbound: resolveOutbound(params.outbound) } : {}),
  };
}

/**
 * Options of `createChannelPluginBase`: the channel id, partial `meta` and any of the surfaces a base carries.
 *
 * @example
 * ```ts
 * const options: CreateChannelPluginBaseOptions<{ token: string }> = { id: "my-channel", meta: { label: "My Channel" } };
 * ```
 */
export type CreateChannelPluginBaseOptions<TResolvedAccount> = {
  id: ChannelPlugin<TResolvedAccount>["id"];
  meta?: Partial<ChannelPlugin<TResolvedAccount>["meta"]>;
} & Partial<
  Pick<
    ChannelPlugin<TResolvedAccount>,
    | "setupWizard"
    | "capabilities"
    | "commands"
    | "doctor"
    | "agentPrompt"
    | "streaming"
    | "reload"
    | "gatewayMethods"
    | "configSchema"
    | "config"
    | "security"
    | "setup"
    | "groups"
  >
>;

/**
 * What `createChannelPluginBase` returns: `id` and a complete `meta`, plus the surfaces given.
 *
 * @example
 * ```ts
 * const base: CreatedChannelPluginBase<{ token: string }> = createChannelPluginBase({ id: "my-channel" });
 * ```
 */
export type CreatedChannelPluginBase<TResolvedAccount> = Pick<ChannelPlugin<TResolvedAccount>, "id" | "meta"> &
  Omit<CreateChannelPluginBaseOptions<TResolvedAccount>, "id" | "meta">;

/**
 * The shared base of a channel plugin: `meta` is completed (`id` from the channel id, `label` defaulting to the
 * id) and the given surfaces are copied; surfaces left out stay absent. Spread it into your `ChannelPlugin` or
 * pass it (with `capabilities` and `config`) as `createChatChannelPlugin({ base })`.
 *
 * @example
 * ```ts
 * const base = createChannelPluginBase<MyAccount>({ id: "my-channel", meta: { label: "My Channel" }, config, capabilities: { chatTypes: ["direct"] } });
 * base.meta; // { id: "my-channel", label: "My Channel" }
 * ```
 */
export function createChannelPluginBase<TResolvedAccount>(
  params: CreateChannelPluginBaseOptions<TResolvedAccount>,
): CreatedChannelPluginBase<TResolvedAccount> {
  if (typeof params?.id !== "string" || params.id.trim() === "") {
    throw new TypeError(`createChannelPluginBase: id must be a non-empty channel id (got ${JSON.stringify(params?.id)}).`);
  }
  const { id, meta, ...surfaces } = params;
  const defined = Object.fromEntries(Object.entries(surfaces).filter(([, value]) => value !== undefined));
  return { ...defined, id, meta: { ...meta, id, label: meta?.label ?? id } } as CreatedChannelPluginBase<TResolvedAccount>;
}
