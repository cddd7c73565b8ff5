/**
 * Type tests: `api.on` is typed per hook name (event, context and result for all 42 hooks).
 */
import { describe, expectTypeOf, it } from "vitest";
import type { OpenClawPluginApi } from "./plugin-api.js";
import type {
  PluginHookName,
  PluginHookHandlerMap,
  PluginHookOptions,
  PluginAgentTurnPrepareEvent,
  PluginAgentTurnPrepareResult,
  PluginHeartbeatPromptContributionEvent,
  PluginHeartbeatPromptContributionResult,
  PluginHookAfterCompactionEvent,
  PluginHookAfterToolCallEvent,
  PluginHookAgentContext,
  PluginHookAgentEndEvent,
  PluginHookBeforeAgentFinalizeEvent,
  PluginHookBeforeAgentFinalizeResult,
  PluginHookBeforeAgentReplyEvent,
  PluginHookBeforeAgentReplyResult,
  PluginHookBeforeAgentRunEvent,
  PluginHookBeforeAgentRunResult,
  PluginHookBeforeCompactionEvent,
  PluginHookBeforeDispatchContext,
  PluginHookBeforeDispatchEvent,
  PluginHookBeforeDispatchResult,
  PluginHookBeforeInstallContext,
  PluginHookBeforeInstallEvent,
  PluginHookBeforeInstallResult,
  PluginHookBeforeMessageWriteEvent,
  PluginHookBeforeMessageWriteResult,
  PluginHookBeforeModelResolveEvent,
  PluginHookBeforeModelResolveResult,
  PluginHookBeforePromptBuildEvent,
  PluginHookBeforePromptBuildResult,
  PluginHookBeforeResetEvent,
  PluginHookBeforeToolCallEvent,
  PluginHookBeforeToolCallResult,
  PluginHookChannelPairingContext,
  PluginHookChannelPairingRequestedEvent,
  PluginHookCronChangedEvent,
  PluginHookCronReconciledContext,
  PluginHookCronReconciledEvent,
  PluginHookGatewayContext,
  PluginHookGatewayStartEvent,
  PluginHookGatewayStopEvent,
  PluginHookInboundClaimContext,
  PluginHookInboundClaimEvent,
  PluginHookInboundClaimResult,
  PluginHookLlmInputEvent,
  PluginHookLlmOutputEvent,
  PluginHookMessageContext,
  PluginHookMessageReceivedEvent,
  PluginHookMessageSendingEvent,
  PluginHookMessageSendingResult,
  PluginHookMessageSentEvent,
  PluginHookMessageWriteContext,
  PluginHookModelCallEndedEvent,
  PluginHookModelCallStartedEvent,
  PluginHookReplyDispatchContext,
  PluginHookReplyDispatchEvent,
  PluginHookReplyDispatchResult,
  PluginHookReplyPayloadSendingContext,
  PluginHookReplyPayloadSendingEvent,
  PluginHookReplyPayloadSendingResult,
  PluginHookResolveExecEnvContext,
  PluginHookResolveExecEnvEvent,
  PluginHookSessionContext,
  PluginHookSessionEndEvent,
  PluginHookSessionStartEvent,
  PluginHookSkillChangedEvent,
  PluginHookSkillContext,
  PluginHookSkillProposalChangedEvent,
  PluginHookSkillProposalEvaluateEvent,
  PluginHookSkillProposalEvaluateResult,
  PluginHookSubagentContext,
  PluginHookSubagentDeliveryTargetEvent,
  PluginHookSubagentDeliveryTargetResult,
  PluginHookSubagentEndedEvent,
  PluginHookSubagentProgressEvent,
  PluginHookSubagentSpawnedEvent,
  PluginHookToolContext,
  PluginHookToolResultPersistContext,
  PluginHookToolResultPersistEvent,
  PluginHookToolResultPersistResult,
} from "./hook-types.js";

declare const api: OpenClawPluginApi;

describe("api.on per hook name", () => {
  it("before_model_resolve", () => {
    api.on("before_model_resolve", (event, ctx) => {
      expectTypeOf(event).toEqualTypeOf<PluginHookBeforeModelResolveEvent>();
      expectTypeOf(ctx).toEqualTypeOf<PluginHookAgentContext>();
      return undefined;
    });
    expectTypeOf<PluginHookHandlerMap["before_model_resolve"]["result"]>().toEqualTypeOf<PluginHookBeforeModelResolveResult>();
    api.on("before_model_resolve", async () => undefined);
    // @ts-expect-error a result of the wrong shape is rejected
    api.on("before_model_resolve", () => ({ notAField: true }) as const);
  });
  it("agent_turn_prepare", () => {
    api.on("agent_turn_prepare", (event, ctx) => {
      expectTypeOf(event).toEqualTypeOf<PluginAgentTurnPrepareEvent>();
      expectTypeOf(ctx).toEqualTypeOf<PluginHookAgentContext>();
      return undefined;
    });
    expectTypeOf<PluginHookHandlerMap["agent_turn_prepare"]["result"]>().toEqualTypeOf<PluginAgentTurnPrepareResult>();
    api.on("agent_turn_prepare", async () => undefined);
    // @ts-expect-error a result of the wrong shape is rejected
    api.on("agent_turn_prepare", () => ({ notAField: true }) as const);
  });
  it("before_prompt_build", () => {
    api.on("before_prompt_build", (event, ctx) => {
      expectTypeOf(event).toEqualTypeOf<PluginHookBeforePromptBuildEvent>();
      expectTypeOf(ctx).toEqualTypeOf<PluginHookAgentContext>();
      return undefined;
    });
    expectTypeOf<PluginHookHandlerMap["before_prompt_build"]["result"]>().toEqualTypeOf<PluginHookBeforePromptBuildResult>();
    api.on("before_prompt_build", async () => undefined);
    // @ts-expect-error a result of the wrong shape is rejected
    api.on("before_prompt_build", () => ({ notAField: true }) as const);
  });
  it("before_agent_reply", () => {
    api.on("before_agent_reply", (event, ctx) => {
      expectTypeOf(event).toEqualTypeOf<PluginHookBeforeAgentReplyEvent>();
      expectTypeOf(ctx).toEqualTypeOf<PluginHookAgentContext>();
      return undefined;
    });
    expectTypeOf<PluginHookHandlerMap["before_agent_reply"]["result"]>().toEqualTypeOf<PluginHookBeforeAgentReplyResult>();
    api.on("before_agent_reply", async () => undefined);
    // @ts-expect-error a result of the wrong shape is rejected
    api.on("before_agent_reply", () => ({ notAField: true }) as const);
  });
  it("model_call_started", () => {
    api.on("model_call_started", (event, ctx) => {
      expectTypeOf(event).toEqualTypeOf<PluginHookModelCallStartedEvent>();
      expectTypeOf(ctx).toEqualTypeOf<PluginHookAgentContext>();
      return undefined;
    });
    expectTypeOf<PluginHookHandlerMap["model_call_started"]["result"]>().toBeVoid();
    // @ts-expect-error observe hooks return nothing
    api.on("model_call_started", () => 42);
  });
  it("model_call_ended", () => {
    api.on("model_call_ended", (event, ctx) => {
      expectTypeOf(event).toEqualTypeOf<PluginHookModelCallEndedEvent>();
      expectTypeOf(ctx).toEqualTypeOf<PluginHookAgentContext>();
      return undefined;
    });
    expectTypeOf<PluginHookHandlerMap["model_call_ended"]["result"]>().toBeVoid();
    // @ts-expect-error observe hooks return nothing
    api.on("model_call_ended", () => 42);
  });
  it("llm_input", () => {
    api.on("llm_input", (event, ctx) => {
      expectTypeOf(event).toEqualTypeOf<PluginHookLlmInputEvent>();
      expectTypeOf(ctx).toEqualTypeOf<PluginHookAgentContext>();
      return undefined;
    });
    expectTypeOf<PluginHookHandlerMap["llm_input"]["result"]>().toBeVoid();
    // @ts-expect-error observe hooks return nothing
    api.on("llm_input", () => 42);
  });
  it("llm_output", () => {
    api.on("llm_output", (event, ctx) => {
      expectTypeOf(event).toEqualTypeOf<PluginHookLlmOutputEvent>();
      expectTypeOf(ctx).toEqualTypeOf<PluginHookAgentContext>();
      return undefined;
    });
    expectTypeOf<PluginHookHandlerMap["llm_output"]["result"]>().toBeVoid();
    // @ts-expect-error observe hooks return nothing
    api.on("llm_output", () => 42);
  });
  it("before_agent_finalize", () => {
    api.on("before_agent_finalize", (event, ctx) => {
      expectTypeOf(event).toEqualTypeOf<PluginHookBeforeAgentFinalizeEvent>();
      expectTypeOf(ctx).toEqualTypeOf<PluginHookAgentContext>();
      return undefined;
    });
    expectTypeOf<PluginHookHandlerMap["before_agent_finalize"]["result"]>().toEqualTypeOf<PluginHookBeforeAgentFinalizeResult>();
    api.on("before_agent_finalize", async () => undefined);
    // @ts-expect-error a result of the wrong shape is rejected
    api.on("before_agent_finalize", () => ({ notAField: true }) as const);
  });
  it("agent_end", () => {
    api.on("agent_end", (event, ctx) => {
      expectTypeOf(event).toEqualTypeOf<PluginHookAgentEndEvent>();
      expectTypeOf(ctx).toEqualTypeOf<PluginHookAgentContext>();
      return undefined;
    });
    expectTypeOf<PluginHookHandlerMap["agent_end"]["result"]>().toBeVoid();
    // @ts-expect-error observe hooks return nothing
    api.on("agent_end", () => 42);
  });
  it("before_compaction", () => {
    api.on("before_compaction", (event, ctx) => {
      expectTypeOf(event).toEqualTypeOf<PluginHookBeforeCompactionEvent>();
      expectTypeOf(ctx).toEqualTypeOf<PluginHookAgentContext>();
      return undefined;
    });
    expectTypeOf<PluginHookHandlerMap["before_compaction"]["result"]>().toBeVoid();
    // @ts-expect-error observe hooks return nothing
    api.on("before_compaction", () => 42);
  });
  it("after_compaction", () => {
    api.on("after_compaction", (event, ctx) => {
      expectTypeOf(event).toEqualTypeOf<PluginHookAfterCompactionEvent>();
      expectTypeOf(ctx).toEqualTypeOf<PluginHookAgentContext>();
      return undefined;
    });
    expectTypeOf<PluginHookHandlerMap["after_compaction"]["result"]>().toBeVoid();
    // @ts-expect-error observe hooks return nothing
    api.on("after_compaction", () => 42);
  });
  it("before_reset", () => {
    api.on("before_reset", (event, ctx) => {
      expectTypeOf(event).toEqualTypeOf<PluginHookBeforeResetEvent>();
      expectTypeOf(ctx).toEqualTypeOf<PluginHookAgentContext>();
      return undefined;
    });
    expectTypeOf<PluginHookHandlerMap["before_reset"]["result"]>().toBeVoid();
    // @ts-expect-error observe hooks return nothing
    api.on("before_reset", () => 42);
  });
  it("inbound_claim", () => {
    api.on("inbound_claim", (event, ctx) => {
      expectTypeOf(event).toEqualTypeOf<PluginHookInboundClaimEvent>();
      expectTypeOf(ctx).toEqualTypeOf<PluginHookInboundClaimContext>();
      return undefined;
    });
    expectTypeOf<PluginHookHandlerMap["inbound_claim"]["result"]>().toEqualTypeOf<PluginHookInboundClaimResult>();
    api.on("inbound_claim", async () => undefined);
    // @ts-expect-error a result of the wrong shape is rejected
    api.on("inbound_claim", () => ({ notAField: true }) as const);
  });
  it("channel_pairing_requested", () => {
    api.on("channel_pairing_requested", (event, ctx) => {
      expectTypeOf(event).toEqualTypeOf<PluginHookChannelPairingRequestedEvent>();
      expectTypeOf(ctx).toEqualTypeOf<PluginHookChannelPairingContext>();
      return undefined;
    });
    expectTypeOf<PluginHookHandlerMap["channel_pairing_requested"]["result"]>().toBeVoid();
    // @ts-expect-error observe hooks return nothing
    api.on("channel_pairing_requested", () => 42);
  });
  it("message_received", () => {
    api.on("message_received", (event, ctx) => {
      expectTypeOf(event).toEqualTypeOf<PluginHookMessageReceivedEvent>();
      expectTypeOf(ctx).toEqualTypeOf<PluginHookMessageContext>();
      return undefined;
    });
    expectTypeOf<PluginHookHandlerMap["message_received"]["result"]>().toBeVoid();
    // @ts-expect-error observe hooks return nothing
    api.on("message_received", () => 42);
  });
  it("message_sending", () => {
    api.on("message_sending", (event, ctx) => {
      expectTypeOf(event).toEqualTypeOf<PluginHookMessageSendingEvent>();
      expectTypeOf(ctx).toEqualTypeOf<PluginHookMessageContext>();
      return undefined;
    });
    expectTypeOf<PluginHookHandlerMap["message_sending"]["result"]>().toEqualTypeOf<PluginHookMessageSendingResult>();
    api.on("message_sending", async () => undefined);
    // @ts-expect-error a result of the wrong shape is rejected
    api.on("message_sending", () => ({ notAField: true }) as const);
  });
  it("reply_payload_sending", () => {
    api.on("reply_payload_sending", (event, ctx) => {
      expectTypeOf(event).toEqualTypeOf<PluginHookReplyPayloadSendingEvent>();
      expectTypeOf(ctx).toEqualTypeOf<PluginHookReplyPayloadSendingContext>();
      return undefined;
    });
    expectTypeOf<PluginHookHandlerMap["reply_payload_sending"]["result"]>().toEqualTypeOf<PluginHookReplyPayloadSendingResult>();
    api.on("reply_payload_sending", async () => undefined);
    // @ts-expect-error a result of the wrong shape is rejected
    api.on("reply_payload_sending", () => ({ notAField: true }) as const);
  });
  it("message_sent", () => {
    api.on("message_sent", (event, ctx) => {
      expectTypeOf(event).toEqualTypeOf<PluginHookMessageSentEvent>();
      expectTypeOf(ctx).toEqualTypeOf<PluginHookMessageContext>();
      return undefined;
    });
    expectTypeOf<PluginHookHandlerMap["message_sent"]["result"]>().toBeVoid();
    // @ts-expect-error observe hooks return nothing
    api.on("message_sent", () => 42);
  });
  it("before_tool_call", () => {
    api.on("before_tool_call", (event, ctx) => {
      expectTypeOf(event).toEqualTypeOf<PluginHookBeforeToolCallEvent>();
      expectTypeOf(ctx).toEqualTypeOf<PluginHookToolContext>();
      return undefined;
    });
    expectTypeOf<PluginHookHandlerMap["before_tool_call"]["result"]>().toEqualTypeOf<PluginHookBeforeToolCallResult>();
    api.on("before_tool_call", async () => undefined);
    // @ts-expect-error a result of the wrong shape is rejected
    api.on("before_tool_call", () => ({ notAField: true }) as const);
  });
  it("after_tool_call", () => {
    api.on("after_tool_call", (event, ctx) => {
      expectTypeOf(event).toEqualTypeOf<PluginHookAfterToolCallEvent>();
      expectTypeOf(ctx).toEqualTypeOf<PluginHookToolContext>();
      return undefined;
    });
    expectTypeOf<PluginHookHandlerMap["after_tool_call"]["result"]>().toBeVoid();
    // @ts-expect-error observe hooks return nothing
    api.on("after_tool_call", () => 42);
  });
  it("tool_result_persist", () => {
    api.on("tool_result_persist", (event, ctx) => {
      expectTypeOf(event).toEqualTypeOf<PluginHookToolResultPersistEvent>();
      expectTypeOf(ctx).toEqualTypeOf<PluginHookToolResultPersistContext>();
      return undefined;
    });
    expectTypeOf<PluginHookHandlerMap["tool_result_persist"]["result"]>().toEqualTypeOf<PluginHookToolResultPersistResult>();
    // @ts-expect-error a result of the wrong shape is rejected
    api.on("tool_result_persist", () => ({ notAField: true }) as const);
  });
  it("before_message_write", () => {
    api.on("before_message_write", (event, ctx) => {
      expectTypeOf(event).toEqualTypeOf<PluginHookBeforeMessageWriteEvent>();
      expectTypeOf(ctx).toEqualTypeOf<PluginHookMessageWriteContext>();
      return undefined;
    });
    expectTypeOf<PluginHookHandlerMap["before_message_write"]["result"]>().toEqualTypeOf<PluginHookBeforeMessageWriteResult>();
    // @ts-expect-error a result of the wrong shape is rejected
    api.on("before_message_write", () => ({ notAField: true }) as const);
  });
  it("session_start", () => {
    api.on("session_start", (event, ctx) => {
      expectTypeOf(event).toEqualTypeOf<PluginHookSessionStartEvent>();
      expectTypeOf(ctx).toEqualTypeOf<PluginHookSessionContext>();
      return undefined;
    });
    expectTypeOf<PluginHookHandlerMap["session_start"]["result"]>().toBeVoid();
    // @ts-expect-error observe hooks return nothing
    api.on("session_start", () => 42);
  });
  it("session_end", () => {
    api.on("session_end", (event, ctx) => {
      expectTypeOf(event).toEqualTypeOf<PluginHookSessionEndEvent>();
      expectTypeOf(ctx).toEqualTypeOf<PluginHookSessionContext>();
      return undefined;
    });
    expectTypeOf<PluginHookHandlerMap["session_end"]["result"]>().toBeVoid();
    // @ts-expect-error observe hooks return nothing
    api.on("session_end", () => 42);
  });
  it("subagent_delivery_target", () => {
    api.on("subagent_delivery_target", (event, ctx) => {
      expectTypeOf(event).toEqualTypeOf<PluginHookSubagentDeliveryTargetEvent>();
      expectTypeOf(ctx).toEqualTypeOf<PluginHookSubagentContext>();
      return undefined;
    });
    expectTypeOf<PluginHookHandlerMap["subagent_delivery_target"]["result"]>().toEqualTypeOf<PluginHookSubagentDeliveryTargetResult>();
    api.on("subagent_delivery_target", async () => undefined);
    // @ts-expect-error a result of the wrong shape is rejected
    api.on("subagent_delivery_target", () => ({ notAField: true }) as const);
  });
  it("subagent_spawned", () => {
    api.on("subagent_spawned", (event, ctx) => {
      expectTypeOf(event).toEqualTypeOf<PluginHookSubagentSpawnedEvent>();
      expectTypeOf(ctx).toEqualTypeOf<PluginHookSubagentContext>();
      return undefined;
    });
    expectTypeOf<PluginHookHandlerMap["subagent_spawned"]["result"]>().toBeVoid();
    // @ts-expect-error observe hooks return nothing
    api.on("subagent_spawned", () => 42);
  });
  it("subagent_progress", () => {
    api.on("subagent_progress", (event, ctx) => {
      expectTypeOf(event).toEqualTypeOf<PluginHookSubagentProgressEvent>();
      expectTypeOf(ctx).toEqualTypeOf<PluginHookSubagentContext>();
      return undefined;
    });
    expectTypeOf<PluginHookHandlerMap["subagent_progress"]["result"]>().toBeVoid();
    // @ts-expect-error observe hooks return nothing
    api.on("subagent_progress", () => 42);
  });
  it("subagent_ended", () => {
    api.on("subagent_ended", (event, ctx) => {
      expectTypeOf(event).toEqualTypeOf<PluginHookSubagentEndedEvent>();
      expectTypeOf(ctx).toEqualTypeOf<PluginHookSubagentContext>();
      return undefined;
    });
    expectTypeOf<PluginHookHandlerMap["subagent_ended"]["result"]>().toBeVoid();
    // @ts-expect-error observe hooks return nothing
    api.on("subagent_ended", () => 42);
  });
  it("gateway_start", () => {
    api.on("gateway_start", (event, ctx) => {
      expectTypeOf(event).toEqualTypeOf<PluginHookGatewayStartEvent>();
      expectTypeOf(ctx).toEqualTypeOf<PluginHookGatewayContext>();
      return undefined;
    });
    expectTypeOf<PluginHookHandlerMap["gateway_start"]["result"]>().toBeVoid();
    // @ts-expect-error observe hooks return nothing
    api.on("gateway_start", () => 42);
  });
  it("gateway_stop", () => {
    api.on("gateway_stop", (event, ctx) => {
      expectTypeOf(event).toEqualTypeOf<PluginHookGatewayStopEvent>();
      expectTypeOf(ctx).toEqualTypeOf<PluginHookGatewayContext>();
      return undefined;
    });
    expectTypeOf<PluginHookHandlerMap["gateway_stop"]["result"]>().toBeVoid();
    // @ts-expect-error observe hooks return nothing
    api.on("gateway_stop", () => 42);
  });
  it("heartbeat_prompt_contribution", () => {
    api.on("heartbeat_prompt_contribution", (event, ctx) => {
      expectTypeOf(event).toEqualTypeOf<PluginHeartbeatPromptContributionEvent>();
      expectTypeOf(ctx).toEqualTypeOf<PluginHookAgentContext>();
      return undefined;
    });
    expectTypeOf<PluginHookHandlerMap["heartbeat_prompt_contribution"]["result"]>().toEqualTypeOf<PluginHeartbeatPromptContributionResult>();
    api.on("heartbeat_prompt_contribution", async () => undefined);
    // @ts-expect-error a result of the wrong shape is rejected
    api.on("heartbeat_prompt_contribution", () => ({ notAField: true }) as const);
  });
  it("cron_reconciled", () => {
    api.on("cron_reconciled", (event, ctx) => {
      expectTypeOf(event).toEqualTypeOf<PluginHookCronReconciledEvent>();
      expectTypeOf(ctx).toEqualTypeOf<PluginHookCronReconciledContext>();
      return undefined;
    });
    expectTypeOf<PluginHookHandlerMap["cron_reconciled"]["result"]>().toBeVoid();
    // @ts-expect-error observe hooks return nothing
    api.on("cron_reconciled", () => 42);
  });
  it("cron_changed", () => {
    api.on("cron_changed", (event, ctx) => {
      expectTypeOf(event).toEqualTypeOf<PluginHookCronChangedEvent>();
      expectTypeOf(ctx).toEqualTypeOf<PluginHookGatewayContext>();
      return undefined;
    });
    expectTypeOf<PluginHookHandlerMap["cron_changed"]["result"]>().toBeVoid();
    // @ts-expect-error observe hooks return nothing
    api.on("cron_changed", () => 42);
  });
  it("skill_proposal_evaluate", () => {
    api.on("skill_proposal_evaluate", (event, ctx) => {
      expectTypeOf(event).toEqualTypeOf<PluginHookSkillProposalEvaluateEvent>();
      expectTypeOf(ctx).toEqualTypeOf<PluginHookSkillContext>();
      return undefined;
    });
    expectTypeOf<PluginHookHandlerMap["skill_proposal_evaluate"]["result"]>().toEqualTypeOf<PluginHookSkillProposalEvaluateResult>();
    api.on("skill_proposal_evaluate", async () => undefined);
    // @ts-expect-error a result of the wrong shape is rejected
    api.on("skill_proposal_evaluate", () => ({ notAField: true }) as const);
  });
  it("skill_proposal_changed", () => {
    api.on("skill_proposal_changed", (event, ctx) => {
      expectTypeOf(event).toEqualTypeOf<PluginHookSkillProposalChangedEvent>();
      expectTypeOf(ctx).toEqualTypeOf<PluginHookSkillContext>();
      return undefined;
    });
    expectTypeOf<PluginHookHandlerMap["skill_proposal_changed"]["result"]>().toBeVoid();
    // @ts-expect-error observe hooks return nothing
    api.on("skill_proposal_changed", () => 42);
  });
  it("skill_changed", () => {
    api.on("skill_changed", (event, ctx) => {
      expectTypeOf(event).toEqualTypeOf<PluginHookSkillChangedEvent>();
      expectTypeOf(ctx).toEqualTypeOf<PluginHookSkillContext>();
      return undefined;
    });
    expectTypeOf<PluginHookHandlerMap["skill_changed"]["result"]>().toBeVoid();
    // @ts-expect-error observe hooks return nothing
    api.on("skill_changed", () => 42);
  });
  it("before_dispatch", () => {
    api.on("before_dispatch", (event, ctx) => {
      expectTypeOf(event).toEqualTypeOf<PluginHookBeforeDispatchEvent>();
      expectTypeOf(ctx).toEqualTypeOf<PluginHookBeforeDispatchContext>();
      return undefined;
    });
    expectTypeOf<PluginHookHandlerMap["before_dispatch"]["result"]>().toEqualTypeOf<PluginHookBeforeDispatchResult>();
    api.on("before_dispatch", async () => undefined);
    // @ts-expect-error a result of the wrong shape is rejected
    api.on("before_dispatch", () => ({ notAField: true }) as const);
  });
  it("reply_dispatch", () => {
    api.on("reply_dispatch", (event, ctx) => {
      expectTypeOf(event).toEqualTypeOf<PluginHookReplyDispatchEvent>();
      expectTypeOf(ctx).toEqualTypeOf<PluginHookReplyDispatchContext>();
      return undefined;
    });
    expectTypeOf<PluginHookHandlerMap["reply_dispatch"]["result"]>().toEqualTypeOf<PluginHookReplyDispatchResult>();
    api.on("reply_dispatch", async () => undefined);
    // @ts-expect-error a result of the wrong shape is rejected
    api.on("reply_dispatch", () => ({ notAField: true }) as const);
  });
  it("before_install", () => {
    api.on("before_install", (event, ctx) => {
      expectTypeOf(event).toEqualTypeOf<PluginHookBeforeInstallEvent>();
      expectTypeOf(ctx).toEqualTypeOf<PluginHookBeforeInstallContext>();
      return undefined;
    });
    expectTypeOf<PluginHookHandlerMap["before_install"]["result"]>().toEqualTypeOf<PluginHookBeforeInstallResult>();
    api.on("before_install", async () => undefined);
    // @ts-expect-error a result of the wrong shape is rejected
    api.on("before_install", () => ({ notAField: true }) as const);
  });
  it("before_agent_run", () => {
    api.on("before_agent_run", (event, ctx) => {
      expectTypeOf(event).toEqualTypeOf<PluginHookBeforeAgentRunEvent>();
      expectTypeOf(ctx).toEqualTypeOf<PluginHookAgentContext>();
      return undefined;
    });
    expectTypeOf<PluginHookHandlerMap["before_agent_run"]["result"]>().toEqualTypeOf<PluginHookBeforeAgentRunResult>();
    api.on("before_agent_run", async () => undefined);
    // @ts-expect-error a result of the wrong shape is rejected
    api.on("before_agent_run", () => ({ notAField: true }) as const);
  });
  it("resolve_exec_env", () => {
    api.on("resolve_exec_env", (event, ctx) => {
      expectTypeOf(event).toEqualTypeOf<PluginHookResolveExecEnvEvent>();
      expectTypeOf(ctx).toEqualTypeOf<PluginHookResolveExecEnvContext>();
      return undefined;
    });
    expectTypeOf<PluginHookHandlerMap["resolve_exec_env"]["result"]>().toEqualTypeOf<Record<string, string>>();
    api.on("resolve_exec_env", async () => undefined);
    // @ts-expect-error a result of the wrong shape is rejected
    api.on("resolve_exec_env", () => ({ notAField: true }) as const);
  });

  it("the map has exactly the hook names", () => {
    expectTypeOf<keyof PluginHookHandlerMap>().toEqualTypeOf<PluginHookName>();
  });

  it("rejects unknown hook names", () => {
    // @ts-expect-error not a hook name
    api.on("before_agent_start_typo", () => undefined);
  });

  it("sync hooks may not return promises", () => {
    // @ts-expect-error tool_result_persist is synchronous
    api.on("tool_result_persist", async () => undefined);
  });

  it("hook-specific options only type-check where they apply", () => {
    api.on("before_tool_call", () => undefined, { priority: 10, timeoutMs: 5000, matcher: ["exec"] });
    api.on("reply_dispatch", () => undefined, { eligibleDispatchKinds: ["final"] });
    api.on("before_agent_reply", () => undefined, { eligibleTriggers: ["user"] });
    // @ts-expect-error matcher only applies to tool hooks
    api.on("agent_end", () => undefined, { matcher: "exec" });
    // @ts-expect-error eligibleTriggers only applies to before_agent_reply
    api.on("before_tool_call", () => undefined, { eligibleTriggers: ["user"] });
    expectTypeOf<PluginHookOptions<"agent_end">["priority"]>().toEqualTypeOf<number | undefined>();
  });

  it("before_tool_call decisions", () => {
    api.on("before_tool_call", (event) => {
      if (event.toolName === "exec") return { block: true, blockReason: "no exec" };
      return { params: { ...event.params, safe: true }, requireApproval: { title: "t", description: "d" } };
    });
  });

  it("before_agent_run decisions", () => {
    api.on("before_agent_run", () => ({ outcome: "block", reason: "budget" }));
    api.on("before_agent_run", () => ({ outcome: "pass" }));
    // @ts-expect-error a block needs a reason
    api.on("before_agent_run", () => ({ outcome: "block" }) as const);
  });
});
