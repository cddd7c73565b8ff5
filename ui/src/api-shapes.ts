/**
 * The parts of the management API's responses the page reads (the server's types live in src/management-client/api-types.ts;
 * the page keeps its own narrow view so it can tolerate fields it does not know yet).
 */
import type { ValidationErrorEntry } from "./form/form-values.js";
import type { InstallProgressEvent, ManagedPlugin, PluginListResponse, RegistrySearchResult } from "../../src/management-client/api-types.js";

export interface PluginParameterView {
  key: string;
  type?: string | null;
  label?: string | null;
  description?: string | null;
  required?: boolean;
  sensitive?: boolean;
  isSet?: boolean;
  currentValue?: unknown;
  defaultValue?: unknown;
}

export interface PluginView {
  id: string;
  name?: string;
  description?: string | null;
  version?: string | null;
  category?: string | null;
  shape?: string | null;
  origin?: string;
  installSource?: string | null;
  enabled: boolean;
  isActive: boolean;
  configured?: boolean;
  loadError?: string | null;
  parameters?: PluginParameterView[];
  /** The manifest's JSON Schema (read through {@link JsonSchema} by the form). */
  configSchema?: Record<string, unknown> | null;
  /** The manifest's `uiHints`, as sent (entries are read field by field: see `toUiHints`). */
  uiHints?: Record<string, unknown> | null;
  /** The plugin's stored config with sensitive values masked, when the server sends it whole. */
  config?: Record<string, unknown> | null;
  validationErrors?: ValidationErrorEntry[];
  validationWarnings?: ValidationErrorEntry[];
}

export interface RuntimeView {
  state: "loading" | "ready";
  generation?: number;
  loadedAt?: string | null;
}

export interface PluginListView {
  plugins: PluginView[];
  pendingRestart?: { required: boolean; reasons: string[] };
  runtime?: RuntimeView;
}

export interface SearchResultView {
  name: string;
  displayName?: string;
  description?: string;
  npmPackage?: string;
  version?: string;
  installed?: boolean;
}

export interface InstallProgressEventView {
  installId: string;
  phase: string;
  message: string;
  at?: string;
}

// ---- the page's view must accept what the server sends (checked at compile time) --------------------------------
type Accepts<View, Sent extends View> = Sent;
/** Fails to compile when a server type no longer fits the page's view of it. */
export type ServerShapesFitTheView = [
  Accepts<PluginView, ManagedPlugin>,
  Accepts<PluginListView, PluginListResponse>,
  Accepts<SearchResultView, RegistrySearchResult>,
  Accepts<InstallProgressEventView, InstallProgressEvent>,
];
