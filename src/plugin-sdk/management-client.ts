/**
 * Typed client for the plugin-management REST API served by `openclaw gateway run`: list and configure plugins,
 * install/uninstall/eject, core plugins, the plugin registry catalog and the agent registry. Uses the global `fetch`
 * and loads no third-party code; its request and response types are checked against the server's zod schemas.
 *
 * @packageDocumentation
 */

export { createManagementClient, ManagementApiError, MANAGEMENT_CLIENT_TIMEOUTS } from "../management-client/client.js";
export type { ManagementClient, ManagementClientOptions, ManagementResponse } from "../management-client/client.js";
export type {
  AgentRegistrationRequest,
  AgentRegistryStatus,
  AgentUpdateUriRequest,
  ApiErrorBody,
  CorePluginStatus,
  CorePluginsResponse,
  CoreStatusResponse,
  CoreToggleRequest,
  CoreToggleResponse,
  EjectActionResponse,
  EjectedPlugin,
  EjectedPluginsResponse,
  InstalledPluginPackage,
  InstalledPluginsResponse,
  InstallPhase,
  InstallProgressEvent,
  InstallProgressResponse,
  InstallRequest,
  InstallResponse,
  ManagedPlugin,
  OkResponse,
  OptionalCorePluginStatus,
  PendingRestart,
  PluginListResponse,
  PluginParameter,
  PluginTestResponse,
  PluginTestResult,
  PluginUpdateRequest,
  PluginUpdateResponse,
  PluginValidationFailure,
  RegistryPlugin,
  RegistryPluginResponse,
  RegistryPluginsResponse,
  RegistryRefreshResponse,
  RegistrySearchResponse,
  RegistrySearchResult,
  RestartResponse,
  RuntimeStatus,
  ServiceFailureBody,
  UninstallRequest,
  UninstallResponse,
  ValidationIssue,
} from "../management-client/api-types.js";
