/**
 * The broad umbrella surface: plugin and channel entry helpers, config schema builders (plugin and channel),
 * tool result helpers, account ids, config-section helpers, runtime availability, gateway scope and command guidance
 * validation, and the whole `OpenClawPluginApi` contract. Prefer the narrow subpaths in new code.
 *
 * Loads no third-party code at import (validation libraries load lazily on first use).
 *
 * @packageDocumentation
 */

export { definePluginEntry } from "../entry/define-plugin-entry.js";
export { CHANNEL_ENTRY_MODE_STEPS, defineChannelPluginEntry } from "../entry/define-channel-plugin-entry.js";
export { defineSetupPluginEntry } from "../entry/define-setup-plugin-entry.js";
export { buildJsonPluginConfigSchema, buildPluginConfigSchema, emptyPluginConfigSchema } from "../entry/config-schema.js";
export { buildChannelConfigSchema, buildJsonChannelConfigSchema, emptyChannelConfigSchema } from "../entry/channel-config-schema.js";
export { jsonResult, textResult, toToolResult } from "../entry/tool-result.js";
export { DEFAULT_ACCOUNT_ID, normalizeAccountId, normalizeOptionalAccountId } from "../entry/account-id.js";
export { deleteAccountFromConfigSection, setAccountEnabledInConfigSection } from "../entry/setup-helpers.js";
export { createPluginRuntimeStore } from "../entry/runtime-store.js";
export { PLUGIN_REGISTRATION_MODES, PluginRuntimeUnavailableError, RUNTIME_UNAVAILABLE_MODES, createUnavailablePluginRuntime, isPluginRuntimeAvailable, isRuntimeAvailableInMode } from "../entry/runtime-availability.js";
export { DEFAULT_PLUGIN_GATEWAY_METHOD_SCOPE, RESERVED_ADMIN_GATEWAY_NAMESPACES, isReservedAdminGatewayMethod, resolveGatewayMethodScope } from "../entry/gateway-scope.js";
export { AGENT_PROMPT_SURFACES, normalizeAgentPromptGuidance } from "../entry/agent-prompt-guidance.js";
export { parseCliBackendModelRef, resolveCliBackendConfig } from "../entry/cli-backend.js";
export type {
  DefinePluginEntryOptions,
  DefinedPluginEntry,
  PluginConfigSchemaInput,
} from "../entry/define-plugin-entry.js";
export type {
  JsonSchemaObject,
  ZodSchemaLike,
  InferZodOutput,
  PluginConfigSchemaOptions,
} from "../entry/config-schema.js";
export type {
  OpenClawPluginDefinition,
  PluginKind,
  InferPluginConfig,
} from "../contract/plugin-definition.js";
export type {
  ChannelEntryStep,
  DefineChannelPluginEntryOptions,
  ChannelEntryConfigSchema,
  DefinedChannelPluginEntry,
} from "../entry/define-channel-plugin-entry.js";
export type {
  BuildChannelConfigSchemaOptions,
} from "../entry/channel-config-schema.js";
export type {
  PluginRuntimeStore,
  PluginRuntimeStoreOptions,
} from "../entry/runtime-store.js";
export type {
  UnavailablePluginRuntimeOptions,
} from "../entry/runtime-availability.js";
export type {
  NormalizedAgentPromptGuidance,
} from "../entry/agent-prompt-guidance.js";
export type {
  OpenClawPluginApiForMode,
} from "../contract/plugin-api.js";
export type {
  /** @deprecated Use `OpenClawPluginApi` from `openclaw/plugin-sdk/core` instead (the old product name). Removal not before 2027-06-30. */
  ClawdbotPluginApi,
} from "../compat/clawdbot.js";
export { optionalStringEnum, stringEnum } from "../entry/tool-params.js";
export type { StringEnumOptions, StringEnumSchema } from "../entry/tool-params.js";
export { readStringParam } from "../infra/param-readers.js";
export type { StringParamOptions } from "../infra/param-readers.js";
export { createChannelPluginBase, createChatChannelPlugin } from "../entry/chat-channel-plugin.js";
export type { ChatChannelAttachedOutboundOptions, ChatChannelUnattachedResult } from "../entry/chat-channel-plugin.js";
export type { CreateChannelPluginBaseOptions, CreatedChannelPluginBase } from "../entry/chat-channel-plugin.js";
export { buildChannelOutboundSessionRoute, buildThreadAwareOutboundSessionRoute, recoverCurrentThreadSessionId } from "../entry/outbound-session-route.js";
export type { ChannelOutboundSessionRouteInput, ThreadAwareOutboundSessionRouteRecoveryContext, ThreadAwareOutboundSessionRouteThreadSource } from "../entry/outbound-session-route.js";
// <generated group="contract-types">
// Written by pnpm plugin-sdk:sync-exports from scripts/lib/plugin-sdk-entrypoints.json#exportGroups.
export type {
  PluginLogger,
  ProviderAuthMethod,
  ProviderModelDefinition,
  ProviderPlugin,
  CapabilityProvider,
  SpeechProviderPlugin,
  RealtimeTranscriptionProviderPlugin,
  RealtimeVoiceProviderPlugin,
  MediaUnderstandingProviderPlugin,
  ImageGenerationProviderPlugin,
  MusicGenerationProviderPlugin,
  VideoGenerationProviderPlugin,
  WebFetchProviderPlugin,
  WebSearchProviderPlugin,
  AgentHarness,
  CliBackendPlugin,
  AgentPromptSurface,
  AgentPromptGuidanceEntry,
  PluginCommandContext,
  PluginCommandResult,
  OpenClawPluginCommandDefinition,
  InternalHookEventName,
  InternalHookEvent,
  InternalHookHandler,
  RegisterHookOptions,
  PluginHttpRouteAuth,
  PluginHttpRouteParams,
  OperatorScope,
  GatewayRequestHandlerOptions,
  GatewayRequestHandler,
  GatewayMethodOptions,
  GatewayDiscoveryContext,
  GatewayDiscoveryService,
  PluginCliProgram,
  PluginCliContext,
  PluginCliRegistrar,
  PluginCliCommandDescriptor,
  PluginCliOptions,
  OpenClawPluginServiceContext,
  OpenClawPluginService,
  PluginInteractiveHandlerRegistration,
  AgentToolResultMiddleware,
  AgentToolResultMiddlewareOptions,
  TrustedToolPolicy,
  ContextEngineAssembleParams,
  ContextEngineAssembleResult,
  ContextEngineCompactResult,
  ContextEngine,
  ContextEngineFactory,
  MemoryPublicArtifact,
  MemorySearchResult,
  MemoryRuntime,
  MemoryPromptSectionBuilder,
  MemoryFlushPlan,
  MemoryFlushPlanResolver,
  MemoryPluginCapability,
  MemoryEmbeddingProviderAdapter,
  MemoryPromptSupplementBuilder,
  MemoryCorpusSupplement,
  PluginSessionExtension,
  PluginNextTurnInjection,
  PluginSessionSchedulerJob,
  PluginSessionAttachment,
  PluginScheduledSessionTurn,
  PluginSessionAction,
  PluginControlUiDescriptor,
  PluginAgentEventSubscription,
  PluginAgentEventEmission,
  PluginRuntimeLifecycle,
  ConversationBindingResolvedEvent,
  PluginSessionApi,
  PluginAgentApi,
  PluginRunContextApi,
  PluginLifecycleApi,
  OpenClawPluginChannelRegistration,
  OpenClawPluginApiBase,
  OpenClawPluginApiWithRuntime,
  OpenClawPluginApiWithoutRuntime,
  OpenClawPluginApi,
  GatewayRequestContext,
  PluginDiagnosticEvent,
  PluginInternalDiagnostics,
  PluginTrustedToolPolicyRegistration,
  ContextEngineInfo,
  PluginConfigOf,
  PluginConnectivityCheck,
  PluginConnectivityCheckContext,
  PluginConnectivityCheckResult,
} from "../contract/plugin-api.js";
export type {
  PluginRegistrationMode,
} from "../contract/registration-mode.js";
export type {
  RuntimeLogger,
  CommandRunResult,
  SessionEntry,
  AgentEvent,
  RuntimeEnv,
  PluginRuntime,
  RuntimeAvailableRegistrationMode,
  RuntimeUnavailableRegistrationMode,
  RuntimeLogLevel,
  RuntimeCommandOptions,
  SystemEventOptions,
  HeartbeatRequestOptions,
  SessionEntrySummary,
  AgentEventPayload,
  SessionTranscriptUpdate,
  ChannelRuntimeContextKey,
  ChannelRuntimeContextEvent,
  ChannelRuntimeContextRegistry,
  RuntimeReplaceConfigFileParams,
  RuntimeMutateConfigFileParams,
  RuntimeConfigWriteResult,
} from "../contract/runtime.js";
export type {
  PluginEntryHooksConfig,
  PluginEntryConfig,
  PluginsConfig,
  CliBackendConfig,
  AgentsConfig,
  ChannelConfigSection,
  CommandsConfig,
  OpenClawConfig,
  DmPolicy,
  SessionConfig,
  ToolsConfig,
} from "../contract/config.js";
export type {
  PluginConfigIssue,
  PluginConfigSafeParseResult,
  PluginConfigUiHint,
  OpenClawPluginConfigSchema,
  PluginConfigValidation,
  ResolvedPluginConfigSchema,
} from "../contract/config-schema.js";
export type {
  ChannelId,
  ChannelMeta,
  ChannelCapabilities,
  ChannelConfigSchema,
  ChannelAccountSnapshot,
  ChannelConfigAdapter,
  ChannelSetupInput,
  ChannelSetupAdapter,
  WizardPrompter,
  ChannelSetupDmPolicy,
  ChannelSetupWizard,
  ChannelOutboundContext,
  ChannelOutboundResult,
  ChannelOutboundAdapter,
  ChannelStatusAdapter,
  ChannelGatewayContext,
  ChannelGatewayAdapter,
  ChannelMessageActionAdapter,
  ChannelSecurityAdapter,
  ChannelPairingAdapter,
  ChannelOpenAdapter,
  ChannelPlugin,
  ChannelSetupWizardStatus,
  ChannelSetupWizardStepParams,
  ChannelSetupWizardStepResult,
} from "../contract/channel.js";
export type {
  ToolParametersSchema,
  AgentToolContent,
  AgentToolResult,
  AgentToolUpdateCallback,
  AgentTool,
  AnyAgentTool,
  OpenClawPluginToolContext,
  OpenClawPluginToolFactory,
  OpenClawPluginToolOptions,
  PluginToolMetadata,
} from "../contract/tools.js";
export type {
  PluginHookName,
} from "../contract/hook-names.js";
export type {
  PluginJsonValue,
  ReplyPayload,
  PluginHookAgentContext,
  PluginHookAgentTrigger,
  PluginHookToolContext,
  PluginHookToolRequesterContext,
  PluginHookMessageContext,
  PluginHookInboundClaimContext,
  PluginHookChannelPairingContext,
  PluginHookBeforeDispatchContext,
  PluginHookReplyDispatchKind,
  PluginHookReplyDispatchContext,
  PluginHookReplyPayloadSendingContext,
  PluginHookToolResultPersistContext,
  PluginHookMessageWriteContext,
  PluginHookSessionContext,
  PluginHookSubagentContext,
  PluginHookGatewayCronService,
  PluginHookCronJob,
  PluginHookGatewayContext,
  PluginHookCronReconciledContext,
  PluginHookSkillContext,
  PluginHookBeforeInstallContext,
  PluginHookResolveExecEnvContext,
  PluginHookBeforeModelResolveEvent,
  PluginHookBeforeModelResolveResult,
  PluginAgentTurnPrepareEvent,
  PluginAgentTurnPrepareResult,
  PluginHookBeforePromptBuildEvent,
  PluginHookBeforePromptBuildResult,
  PluginHookBeforeAgentReplyEvent,
  PluginHookBeforeAgentReplyResult,
  PluginHookModelCallStartedEvent,
  PluginHookModelCallEndedEvent,
  PluginHookUsage,
  PluginHookLlmInputEvent,
  PluginHookLlmOutputEvent,
  PluginHookBeforeAgentFinalizeEvent,
  PluginHookBeforeAgentFinalizeResult,
  PluginHookAgentEndEvent,
  PluginHookBeforeCompactionEvent,
  PluginHookAfterCompactionEvent,
  PluginHookBeforeResetEvent,
  PluginHookInboundClaimEvent,
  PluginHookInboundClaimResult,
  PluginHookChannelPairingRequestedEvent,
  PluginHookMessageReceivedEvent,
  PluginHookMessageSendingEvent,
  PluginHookMessageSendingResult,
  PluginHookReplyPayloadSendingEvent,
  PluginHookReplyPayloadSendingResult,
  PluginHookMessageSentEvent,
  PluginHookBeforeToolCallEvent,
  PluginApprovalResolution,
  PluginHookBeforeToolCallResult,
  PluginHookAfterToolCallEvent,
  PluginHookToolResultPersistEvent,
  PluginHookToolResultPersistResult,
  PluginHookBeforeMessageWriteEvent,
  PluginHookBeforeMessageWriteResult,
  PluginHookSessionStartEvent,
  PluginHookSessionEndEvent,
  PluginHookSubagentDeliveryTargetEvent,
  PluginHookSubagentDeliveryTargetResult,
  PluginHookSubagentSpawnedEvent,
  PluginHookSubagentProgressEvent,
  PluginHookSubagentEndedEvent,
  PluginHookGatewayStartEvent,
  PluginHookGatewayStopEvent,
  PluginHeartbeatPromptContributionEvent,
  PluginHeartbeatPromptContributionResult,
  PluginHookCronReconciledEvent,
  PluginHookCronChangedEvent,
  PluginHookSkillProposalEvaluateEvent,
  PluginHookSkillProposalEvaluateResult,
  PluginHookSkillProposalChangedEvent,
  PluginHookSkillChangedEvent,
  PluginHookBeforeDispatchEvent,
  PluginHookBeforeDispatchResult,
  PluginHookReplyDispatchEvent,
  PluginHookReplyDispatchResult,
  PluginInstallFinding,
  PluginHookBeforeInstallEvent,
  PluginHookBeforeInstallResult,
  PluginHookBeforeAgentRunEvent,
  PluginHookBeforeAgentRunResult,
  PluginHookResolveExecEnvEvent,
  PluginHookSignature,
  PluginHookHandlerMap,
  PluginHookEvent,
  PluginHookContext,
  PluginHookResult,
  PluginSyncHookName,
  PluginHookHandler,
  PluginToolMatcher,
  PluginHookOptions,
  PluginHookSessionEndReason,
  PluginHookSessionEvent,
  PluginHookSubagentSpawningEvent,
  PluginLegacyHookName,
  PluginLegacyHookHandlerMap,
} from "../contract/hook-types.js";
export type {
  ChatType,
  ChannelMessageActionName,
  ChannelThreadingToolContext,
  ChannelMessageActionContext,
  ChannelMessageToolSchemaContribution,
  ChannelAgentToolFactory,
  ChannelOutboundSessionRoute,
  OutboundIdentity,
  ChannelStatusIssue,
  ChannelGroupContext,
  ChannelLogSink,
  ChannelRuntimeSurface,
  ChannelConversationBindingSupport,
  ChannelSetupStatus,
  ChannelSetupWizardContext,
  ChannelSetupWizardAdapter,
} from "../contract/channel-messaging.js";
export type {
  ChannelSetupWizardCredentialValues,
  ChannelSetupWizardCredentialState,
  ChannelSetupWizardCredential,
  ChannelSetupWizardInputParams,
  ChannelSetupWizardTextInput,
  ChannelSetupWizardNote,
} from "../contract/channel-setup-wizard.js";
// </generated>
