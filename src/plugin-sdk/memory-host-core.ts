/**
 * Deprecated name of the vendor-neutral memory host helpers.
 *
 * @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30.
 *
 * @packageDocumentation
 */

export {
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  buildMemoryPromptSection,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  listMemoryPublicArtifacts,
} from "../entry/memory-host.js";
// <generated group="contract-types">
// Written by pnpm plugin-sdk:sync-exports from scripts/lib/plugin-sdk-entrypoints.json#exportGroups.
export type {
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginLogger,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ProviderAuthMethod,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ProviderModelDefinition,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ProviderPlugin,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  CapabilityProvider,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  SpeechProviderPlugin,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  RealtimeTranscriptionProviderPlugin,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  RealtimeVoiceProviderPlugin,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  MediaUnderstandingProviderPlugin,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ImageGenerationProviderPlugin,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  MusicGenerationProviderPlugin,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  VideoGenerationProviderPlugin,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  WebFetchProviderPlugin,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  WebSearchProviderPlugin,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  AgentHarness,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  CliBackendPlugin,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  AgentPromptSurface,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  AgentPromptGuidanceEntry,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginCommandContext,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginCommandResult,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  OpenClawPluginCommandDefinition,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  InternalHookEventName,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  InternalHookEvent,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  InternalHookHandler,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  RegisterHookOptions,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHttpRouteAuth,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHttpRouteParams,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  OperatorScope,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  GatewayRequestHandlerOptions,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  GatewayRequestHandler,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  GatewayMethodOptions,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  GatewayDiscoveryContext,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  GatewayDiscoveryService,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginCliProgram,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginCliContext,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginCliRegistrar,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginCliCommandDescriptor,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginCliOptions,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  OpenClawPluginServiceContext,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  OpenClawPluginService,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginInteractiveHandlerRegistration,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  AgentToolResultMiddleware,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  AgentToolResultMiddlewareOptions,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  TrustedToolPolicy,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ContextEngineAssembleParams,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ContextEngineAssembleResult,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ContextEngineCompactResult,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ContextEngine,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ContextEngineFactory,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  MemoryPublicArtifact,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  MemorySearchResult,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  MemoryRuntime,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  MemoryPromptSectionBuilder,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  MemoryFlushPlan,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  MemoryFlushPlanResolver,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  MemoryPluginCapability,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  MemoryEmbeddingProviderAdapter,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  MemoryPromptSupplementBuilder,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  MemoryCorpusSupplement,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginSessionExtension,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginNextTurnInjection,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginSessionSchedulerJob,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginSessionAttachment,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginScheduledSessionTurn,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginSessionAction,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginControlUiDescriptor,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginAgentEventSubscription,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginAgentEventEmission,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginRuntimeLifecycle,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ConversationBindingResolvedEvent,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginSessionApi,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginAgentApi,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginRunContextApi,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginLifecycleApi,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  OpenClawPluginChannelRegistration,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  OpenClawPluginApiBase,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  OpenClawPluginApiWithRuntime,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  OpenClawPluginApiWithoutRuntime,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  OpenClawPluginApi,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  GatewayRequestContext,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginDiagnosticEvent,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginInternalDiagnostics,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginTrustedToolPolicyRegistration,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ContextEngineInfo,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginConfigOf,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginConnectivityCheck,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginConnectivityCheckContext,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginConnectivityCheckResult,
} from "../contract/plugin-api.js";
export type {
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginRegistrationMode,
} from "../contract/registration-mode.js";
export type {
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  RuntimeLogger,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  CommandRunResult,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  SessionEntry,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  AgentEvent,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  RuntimeEnv,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginRuntime,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  RuntimeAvailableRegistrationMode,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  RuntimeUnavailableRegistrationMode,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  RuntimeLogLevel,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  RuntimeCommandOptions,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  SystemEventOptions,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  HeartbeatRequestOptions,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  SessionEntrySummary,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  AgentEventPayload,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  SessionTranscriptUpdate,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ChannelRuntimeContextKey,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ChannelRuntimeContextEvent,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ChannelRuntimeContextRegistry,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  RuntimeReplaceConfigFileParams,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  RuntimeMutateConfigFileParams,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  RuntimeConfigWriteResult,
} from "../contract/runtime.js";
export type {
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginEntryHooksConfig,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginEntryConfig,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginsConfig,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  CliBackendConfig,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  AgentsConfig,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ChannelConfigSection,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  CommandsConfig,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  OpenClawConfig,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  DmPolicy,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  SessionConfig,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ToolsConfig,
} from "../contract/config.js";
export type {
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginConfigIssue,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginConfigSafeParseResult,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginConfigUiHint,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  OpenClawPluginConfigSchema,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginConfigValidation,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ResolvedPluginConfigSchema,
} from "../contract/config-schema.js";
export type {
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ChannelId,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ChannelMeta,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ChannelCapabilities,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ChannelConfigSchema,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ChannelAccountSnapshot,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ChannelConfigAdapter,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ChannelSetupInput,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ChannelSetupAdapter,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  WizardPrompter,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ChannelSetupDmPolicy,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ChannelSetupWizard,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ChannelOutboundContext,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ChannelOutboundResult,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ChannelOutboundAdapter,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ChannelStatusAdapter,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ChannelGatewayContext,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ChannelGatewayAdapter,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ChannelMessageActionAdapter,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ChannelSecurityAdapter,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ChannelPairingAdapter,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ChannelOpenAdapter,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ChannelPlugin,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ChannelSetupWizardStatus,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ChannelSetupWizardStepParams,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ChannelSetupWizardStepResult,
} from "../contract/channel.js";
export type {
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ToolParametersSchema,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  AgentToolContent,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  AgentToolResult,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  AgentToolUpdateCallback,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  AgentTool,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  AnyAgentTool,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  OpenClawPluginToolContext,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  OpenClawPluginToolFactory,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  OpenClawPluginToolOptions,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginToolMetadata,
} from "../contract/tools.js";
export type {
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookName,
} from "../contract/hook-names.js";
export type {
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginJsonValue,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ReplyPayload,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookAgentContext,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookAgentTrigger,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookToolContext,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookToolRequesterContext,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookMessageContext,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookInboundClaimContext,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookChannelPairingContext,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookBeforeDispatchContext,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookReplyDispatchKind,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookReplyDispatchContext,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookReplyPayloadSendingContext,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookToolResultPersistContext,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookMessageWriteContext,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookSessionContext,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookSubagentContext,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookGatewayCronService,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookCronJob,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookGatewayContext,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookCronReconciledContext,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookSkillContext,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookBeforeInstallContext,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookResolveExecEnvContext,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookBeforeModelResolveEvent,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookBeforeModelResolveResult,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginAgentTurnPrepareEvent,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginAgentTurnPrepareResult,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookBeforePromptBuildEvent,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookBeforePromptBuildResult,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookBeforeAgentReplyEvent,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookBeforeAgentReplyResult,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookModelCallStartedEvent,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookModelCallEndedEvent,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookUsage,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookLlmInputEvent,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookLlmOutputEvent,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookBeforeAgentFinalizeEvent,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookBeforeAgentFinalizeResult,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookAgentEndEvent,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookBeforeCompactionEvent,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookAfterCompactionEvent,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookBeforeResetEvent,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookInboundClaimEvent,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookInboundClaimResult,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookChannelPairingRequestedEvent,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookMessageReceivedEvent,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookMessageSendingEvent,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookMessageSendingResult,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookReplyPayloadSendingEvent,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookReplyPayloadSendingResult,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookMessageSentEvent,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookBeforeToolCallEvent,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginApprovalResolution,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookBeforeToolCallResult,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookAfterToolCallEvent,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookToolResultPersistEvent,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookToolResultPersistResult,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookBeforeMessageWriteEvent,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookBeforeMessageWriteResult,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookSessionStartEvent,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookSessionEndEvent,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookSubagentDeliveryTargetEvent,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookSubagentDeliveryTargetResult,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookSubagentSpawnedEvent,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookSubagentProgressEvent,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookSubagentEndedEvent,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookGatewayStartEvent,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookGatewayStopEvent,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHeartbeatPromptContributionEvent,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHeartbeatPromptContributionResult,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookCronReconciledEvent,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookCronChangedEvent,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookSkillProposalEvaluateEvent,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookSkillProposalEvaluateResult,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookSkillProposalChangedEvent,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookSkillChangedEvent,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookBeforeDispatchEvent,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookBeforeDispatchResult,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookReplyDispatchEvent,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookReplyDispatchResult,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginInstallFinding,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookBeforeInstallEvent,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookBeforeInstallResult,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookBeforeAgentRunEvent,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookBeforeAgentRunResult,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookResolveExecEnvEvent,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookSignature,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookHandlerMap,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookEvent,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookContext,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookResult,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginSyncHookName,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookHandler,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginToolMatcher,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookOptions,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookSessionEndReason,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookSessionEvent,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginHookSubagentSpawningEvent,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginLegacyHookName,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  PluginLegacyHookHandlerMap,
} from "../contract/hook-types.js";
export type {
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ChatType,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ChannelMessageActionName,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ChannelThreadingToolContext,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ChannelMessageActionContext,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ChannelMessageToolSchemaContribution,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ChannelAgentToolFactory,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ChannelOutboundSessionRoute,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  OutboundIdentity,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ChannelStatusIssue,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ChannelGroupContext,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ChannelLogSink,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ChannelRuntimeSurface,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ChannelConversationBindingSupport,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ChannelSetupStatus,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ChannelSetupWizardContext,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ChannelSetupWizardAdapter,
} from "../contract/channel-messaging.js";
export type {
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ChannelSetupWizardCredentialValues,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ChannelSetupWizardCredentialState,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ChannelSetupWizardCredential,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ChannelSetupWizardInputParams,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ChannelSetupWizardTextInput,
  /** @deprecated Import from `openclaw/plugin-sdk/memory-host` instead. Removal not before 2027-06-30. */
  ChannelSetupWizardNote,
} from "../contract/channel-setup-wizard.js";
// </generated>
