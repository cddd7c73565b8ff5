import { useRef, useState } from "preact/hooks";
import type { ApiClient } from "../api.js";
import { errorMessage, TIMEOUTS } from "../api.js";
import type { InstallProgressEventView, SearchResultView } from "../api-shapes.js";
import { newInstallId, phaseProgress } from "../plugin-view.js";

export interface RegistryPanelProps {
  api: ApiClient;
  /** Called after an install finished (the list reloads). */
  onInstalled: (message: string) => void;
}

interface InstallState {
  name: string;
  phase: string;
  message: string;
  events: InstallProgressEventView[];
  done: boolean;
  failed: boolean;
}

/** Registry search with install buttons and live install progress. */
export function RegistryPanel({ api, onInstalled }: RegistryPanelProps) {
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<SearchResultView[] | undefined>(undefined);
  const [searchError, setSearchError] = useState("");
  const [searching, setSearching] = useState(false);
  const [install, setInstall] = useState<InstallState | undefined>(undefined);
  const pollTimer = useRef<number | undefined>(undefined);

  async function search(event: Event) {
    event.preventDefault();
    const q = query.trim();
    if (q === "") {
      setSearchError("Type a word to search for, e.g. a plugin name.");
      return;
    }
    setSearching(true);
    setSearchError("");
    const result = await api.get<{ results?: SearchResultView[] }>(`/api/registry/search?q=${encodeURIComponent(q)}&limit=20`);
    setSearching(false);
    if (result.status === 200) setResults(result.body.results ?? []);
    else if (result.status !== 401) {
      setResults(undefined);
      setSearchError(errorMessage(result));
    }
  }

  async function poll(installId: string, name: string) {
    const result = await api.get<{ events?: InstallProgressEventView[]; done?: boolean }>(`/api/plugins/install/${encodeURIComponent(installId)}/progress`);
    if (result.status === 200) {
      const events = result.body.events ?? [];
      const last = events[events.length - 1];
      setInstall((current) =>
        current && current.name === name && !current.done
          ? { ...current, events, phase: last?.phase ?? current.phase, message: last?.message ?? current.message }
          : current,
      );
    }
  }

  async function startInstall(item: SearchResultView) {
    const name = item.npmPackage ?? item.name;
    const installId = newInstallId();
    setInstall({ name, phase: "queued", message: `Installing ${name}…`, events: [], done: false, failed: false });
    window.clearInterval(pollTimer.current);
    pollTimer.current = window.setInterval(() => void poll(installId, name), 250);
    const body: Record<string, unknown> = { name, installId, autoRestart: true };
    if (item.version) body.version = item.version;
    const result = await api.send<{ ok?: boolean; pluginId?: string; version?: string | null; restarted?: boolean; error?: string }>(
      "POST",
      "/api/plugins/install",
      body,
      { timeoutMs: TIMEOUTS.install },
    );
    window.clearInterval(pollTimer.current);
    await poll(installId, name);
    if (result.status === 200 && result.body.ok) {
      const message = `Installed ${name}${result.body.version ? `@${result.body.version}` : ""} as plugin "${result.body.pluginId ?? name}"${result.body.restarted ? "; the plugin runtime restarted" : ""}.`;
      setInstall((current) => ({ ...(current ?? { name, events: [] }), phase: "complete", message, done: true, failed: false }));
      setResults((list) => list?.map((r) => (r.name === item.name ? { ...r, installed: true } : r)));
      onInstalled(message);
    } else {
      const message = `Install of ${name} failed: ${errorMessage(result)}`;
      setInstall((current) => ({ ...(current ?? { name, events: [] }), phase: "failed", message, done: true, failed: true }));
    }
  }

  const progress = install ? (install.done && !install.failed ? 1 : phaseProgress(install.phase)) : undefined;

  return (
    <section class="card registry" aria-labelledby="registry-title">
      <h2 id="registry-title">Install from the registry</h2>
      <form class="inline search" role="search" onSubmit={search}>
        <label for="registry-query" class="visually-hidden">
          Search the plugin registry
        </label>
        <input
          id="registry-query"
          type="search"
          placeholder="Search plugins, e.g. voice"
          value={query}
          aria-describedby={searchError ? "registry-error" : undefined}
          aria-invalid={searchError ? true : undefined}
          onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit" disabled={searching}>
          {searching ? "Searching…" : "Search"}
        </button>
      </form>
      {searchError && (
        <p class="field-error" id="registry-error" role="alert">
          {searchError}
        </p>
      )}
      {install && (
        <div class={`install-progress${install.failed ? " failed" : ""}`} aria-live="polite" data-phase={install.phase}>
          <label for="install-progress-bar">
            {install.done ? (install.failed ? "Install failed" : "Install complete") : `Installing ${install.name}: ${install.phase}`}
          </label>
          <progress id="install-progress-bar" max={1} value={progress} aria-valuetext={install.phase} />
          <p class={install.failed ? "field-error" : "muted small"} role={install.failed ? "alert" : undefined}>
            {install.message}
          </p>
          {install.events.length > 0 && (
            <ol class="install-phases small">
              {install.events.map((event, i) => (
                <li key={`${i}-${event.phase}`} data-phase={event.phase}>
                  <strong>{event.phase}</strong> {event.message}
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
      {results !== undefined && (
        <div>
          <p class="muted small" role="status">
            {results.length === 0 ? `No plugins match "${query.trim()}".` : `${results.length} result${results.length === 1 ? "" : "s"}`}
          </p>
          <ul class="results" aria-label="Search results">
            {results.map((item) => (
              <li key={item.name} class="result" data-package={item.npmPackage ?? item.name}>
                <div>
                  <strong>{item.displayName ?? item.name}</strong> <code>{item.npmPackage ?? item.name}</code>
                  {item.version && <span class="version">v{item.version}</span>}
                  {item.description && <p class="plugin-description">{item.description}</p>}
                </div>
                <button
                  type="button"
                  class="primary"
                  disabled={item.installed || (install !== undefined && !install.done)}
                  onClick={() => void startInstall(item)}
                >
                  {item.installed ? "Installed" : "Install"}
                  <span class="visually-hidden"> {item.displayName ?? item.name}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
