/**
 * Test harness, part 2: load a plugin exactly as the gateway does and drive what it registered, in-process.
 *
 * - `loadPluginForTest(rootOrEntry, options)` (options: mode, config, pluginConfig, origin, …) returns the loaded
 *   plugin: id, shape, capabilities, registrations, diagnostics and loadError, plus summaries, timings and the
 *   validated config.
 * - `createHookRunner(loaded[])` → `run(hookName, event, context)` returns the merged decision exactly as the host
 *   would (priority order, merge rules, claims, trusted tool policies, timeouts, fail-open / fail-closed).
 * - `invokeTool`, `invokeCommand`, `invokeGatewayMethod`, `invokeHttpRoute` call registrations in-process.
 * - `startPluginServices(loaded, options)` starts what `api.registerService` registered (full mode only) and returns
 *   a handle whose `stop()` stops them in reverse order; `runInternalHook(loaded, eventName, event)` dispatches
 *   `api.registerHook` handlers.
 * - `createSessionWorkflowHost()` shares session workflow state between plugins and lets a test drive it
 *   (drain next-turn injections, end runs, reset/delete sessions, start/stop the gateway).
 *
 * Free of test-runner dependencies.
 *
 * @example
 * ```ts
 * import { createHookRunner, invokeTool, loadPluginForTest } from "openclaw/plugin-sdk/plugin-test-runtime";
 *
 * const plugin = await loadPluginForTest(new URL("..", import.meta.url), { mode: "full" });
 * const runner = createHookRunner([plugin]);
 * const out = await invokeTool(plugin, "weather_lookup", { city: "Oslo" }, { hooks: runner });
 * ```
 *
 * @packageDocumentation
 */

export { createHookRunner, loadPluginForTest } from "../host/test-runtime.js";
export type { LoadPluginForTestOptions } from "../host/test-runtime.js";
export type { TestPluginApi, TestPluginApiOptions, TestPluginRecording, RecordedLogLine } from "../host/test-api.js";
export { loadPlugin, loadPlugins } from "../host/loader.js";
export { classifyPluginShape, CAPABILITY_METHODS } from "../host/shapes.js";
export { shapeOf } from "../host/classify.js";
export type { ShapeClassification, ShapeInput } from "../host/shapes.js";
export type {
  LoadPluginOptions,
  LoadPluginsInput,
  LoadedPlugin,
  LoadedPluginSummary,
  PluginLoadError,
  PluginLoadErrorCode,
} from "../host/loader.js";
export { invokeCommand, invokeGatewayMethod, invokeHttpRoute, invokeTool } from "../host/invoke.js";
export type {
  GatewayMethodResponse,
  InvokeCommandOptions,
  InvokeToolOptions,
  InvokeToolResult,
  RegistrationSource,
  TestHttpRequest,
  TestHttpResponse,
} from "../host/invoke.js";
export { startPluginServices } from "../host/services.js";
export type {
  PluginServiceFailure,
  PluginServicesHandle,
  PluginServicesStopResult,
  ServicePluginSource,
  StartPluginServicesOptions,
} from "../host/services.js";
export { runInternalHook } from "../host/internal-hooks.js";
export type { InternalHookFailure, InternalHookRunResult, InternalHookSource } from "../host/internal-hooks.js";
export { HOOK_SEMANTICS, KNOWN_HOOK_NAMES, isKnownHookName } from "../hooks/hook-semantics.js";
export type { HookExecutionKind, HookFailurePolicy, HookSemantics } from "../hooks/hook-semantics.js";
export type { HookMergeRule, HookResultRecord } from "../hooks/merge-rules.js";
export type {
  BeforeAgentRunDecision,
  BeforeInstallDecision,
  BeforeToolCallDecision,
  EvaluateOutcome,
  HookDecision,
  HookDispatcher,
  HookHandlerCall,
  HookHandlerEntry,
  HookHandlerFailure,
  HookRunOutcome,
  HookRunnerLogger,
  TrustedToolPolicyEntry,
} from "../hooks/hook-runner.js";
export type {
  PluginRegistrations,
  RegisteredTool,
  RegisteredHook,
  RegisteredInternalHook,
  RegisteredCommand,
  RegisteredGatewayMethod,
  RegisteredHttpRoute,
  RegisteredCli,
  RegisteredService,
  RegisteredChannel,
  RegisteredCapability,
  RegisteredDiscoveryService,
  RegisteredTrustedToolPolicy,
  RegisteredToolResultMiddleware,
  RegistrationLogEntry,
} from "../host/registry.js";
export type { PluginOrigin } from "../host/contract-gates.js";
export type { PluginCapabilityKind, PluginShape } from "../host/shapes.js";
export type { WorkflowOutbox } from "../host/registration-api.js";
export type { HostRuntimeRecorder } from "../host/host-runtime.js";
export { createSessionWorkflowHost, createFileInjectionStore, createMemoryInjectionStore } from "../host/session-workflow.js";
export type {
  SessionWorkflowHost,
  SessionWorkflowHostOptions,
  StoredNextTurnInjection,
  NextTurnInjectionStore,
  LifecycleRunReport,
} from "../host/session-workflow.js";
export type {
  ActivationCapability,
  GatewayOwnedManifestFields,
  GatewayOwnedManifestKey,
  JsonSchemaObject,
  PluginChannelConfig,
  PluginContractKey,
  PluginKind,
  PluginManifest,
  PluginManifestActivation,
  PluginManifestContracts,
  PluginUiHint,
  PluginUiHints,
} from "../manifest/plugin-manifest-schema.js";
export type { PluginDiagnostic, PluginDiagnosticLevel } from "../manifest/diagnostics.js";
export type { ToolApprovalOutcome, ToolApprovalRequest } from "../host/invoke.js";
export type { EmittedPluginDiagnostic } from "../host/services.js";
export { createHostRuntime } from "../host/host-runtime.js";
export type { HostRuntimeOptions, RecordedSystemEvent, RuntimeLogLine } from "../host/host-runtime.js";
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
