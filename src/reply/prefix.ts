/**
 * The response prefix a channel puts before agent replies (`messages.responsePrefix`, overridable per channel and
 * account), with `{model}`-style template values filled from the model the run selected.
 */
import type { OpenClawConfig } from "../contract/config.js";
import type { ResponsePrefixContext } from "./dispatch-types.js";

/**
 * The reply-dispatcher options `createReplyPrefixOptions` returns.
 *
 * @example
 * ```ts
 * const { responsePrefix, responsePrefixContextProvider, onModelSelected } = createReplyPrefixOptions({ cfg, agentId });
 * ```
 */
export interface ReplyPrefixOptions {
  responsePrefix?: string;
  responsePrefixContextProvider: () => ResponsePrefixContext;
  onModelSelected: (selection: { provider: string; model: string; thinkLevel?: string }) => void;
}

const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

/**
 * Resolves the prefix (account `responsePrefix`, then channel, then `messages.responsePrefix`; `"auto"` means the
 * agent's identity name in brackets) and a live template context that `onModelSelected` keeps current.
 *
 * @example
 * ```ts
 * const prefixOptions = createReplyPrefixOptions({ cfg, agentId: route.agentId, channel: "my-chat", accountId });
 * await runtime.channel.reply.dispatchReplyWithBufferedBlockDispatcher({ ctx, cfg, dispatcherOptions: { ...prefixOptions, deliver } });
 * ```
 */
export function createReplyPrefixOptions(params: {
  cfg: OpenClawConfig;
  agentId: string;
  channel?: string;
  accountId?: string;
}): ReplyPrefixOptions {
  const channel = params.channel ? record(params.cfg.channels?.[params.channel]) : undefined;
  const account = params.accountId ? record(record(channel?.accounts)?.[params.accountId]) : undefined;
  const agents = record(params.cfg.agents);
  const agentList = Array.isArray(agents?.list) ? (agents.list as unknown[]) : [];
  const agent = agentList.map(record).find((entry) => entry?.id === params.agentId);
  const identityName = typeof record(agent?.identity)?.name === "string" ? (record(agent?.identity)!.name as string) : undefined;
  const raw = [account?.responsePrefix, channel?.responsePrefix, record(params.cfg.messages)?.responsePrefix].find(
    (value): value is string => typeof value === "string",
  );
  const responsePrefix = raw === "auto" ? (identityName ? `[${identityName}]` : undefined) : raw || undefined;
  const context: ResponsePrefixContext = identityName ? { identityName } : {};
  return {
    ...(responsePrefix === undefined ? {} : { responsePrefix }),
    responsePrefixContextProvider: () => ({ ...context }),
    onModelSelected(selection) {
      context.provider = selection.provider;
      context.model = selection.model.includes("/") ? selection.model.slice(selection.model.lastIndexOf("/") + 1) : selection.model;
      context.modelFull = `${selection.provider}/${selection.model}`;
      if (selection.thinkLevel !== undefined) context.thinkingLevel = selection.thinkLevel;
    },
  };
}
