import { useCallback, useEffect, useMemo, useState } from "preact/hooks";
import { createApiClient, errorMessage, TIMEOUTS } from "./api.js";
import type { PluginListView, PluginView } from "./api-shapes.js";
import { ConfigForm, type SaveOutcome } from "./components/config-form.js";
import { PluginList } from "./components/plugin-list.js";
import { RegistryPanel } from "./components/registry-panel.js";
import { TokenPrompt } from "./components/token-prompt.js";
import { placeErrors } from "./form/form-values.js";
import { formModelOf } from "./plugin-view.js";

type AuthState = "ok" | "needed" | "rejected";

function selectedFromHash(): string | undefined {
  const match = /^#plugin=(.+)$/.exec(window.location.hash);
  return match ? decodeURIComponent(match[1]!) : undefined;
}

/** The control page. */
export function App() {
  const [auth, setAuth] = useState<AuthState>("ok");
  const api = useMemo(
    () => createApiClient({ onUnauthorized: (hadToken) => setAuth(hadToken ? "rejected" : "needed") }),
    [],
  );
  const [list, setList] = useState<PluginListView | undefined>(undefined);
  const [loadError, setLoadError] = useState("");
  const [selectedId, setSelectedId] = useState<string | undefined>(selectedFromHash());
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState("");
  const [restarting, setRestarting] = useState(false);

  const reload = useCallback(async () => {
    const result = await api.get<PluginListView>("/api/plugins");
    if (result.status === 200) {
      setList(result.body);
      setLoadError("");
      setAuth("ok");
    } else if (result.status !== 401) {
      setLoadError(`Could not load the plugin list: ${errorMessage(result)}`);
    }
  }, [api]);

  useEffect(() => {
    void reload();
  }, [reload]);

  // While the plugin runtime loads (after a start, restart or install), refresh until it is ready.
  useEffect(() => {
    if (list?.runtime?.state !== "loading") return;
    const timer = window.setTimeout(() => void reload(), 500);
    return () => window.clearTimeout(timer);
  }, [list, reload]);

  useEffect(() => {
    const onHash = () => setSelectedId(selectedFromHash());
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);

  function select(id: string) {
    const next = id === selectedId ? undefined : id;
    window.history.replaceState(null, "", next ? `#plugin=${encodeURIComponent(next)}` : window.location.pathname);
    setSelectedId(next);
    if (next) queueMicrotask(() => document.getElementById("plugin-detail")?.focus());
  }

  async function toggle(plugin: PluginView, enabled: boolean) {
    setBusy((s) => new Set(s).add(plugin.id));
    const result = await api.send<{ ok?: boolean; requiresRestart?: boolean; plugin?: PluginView }>("PUT", `/api/plugins/${encodeURIComponent(plugin.id)}`, { enabled });
    setBusy((s) => {
      const next = new Set(s);
      next.delete(plugin.id);
      return next;
    });
    const name = plugin.name ?? plugin.id;
    if (result.status === 200) {
      setNotice(`${name} ${enabled ? "enabled" : "disabled"}${result.body.requiresRestart ? "; takes effect when the plugin runtime restarts" : ""}.`);
    } else if (result.status !== 401) {
      setNotice(`Could not ${enabled ? "enable" : "disable"} ${name}: ${errorMessage(result)}`);
    }
    await reload();
  }

  async function restartRuntime() {
    setRestarting(true);
    setNotice("Restarting the plugin runtime…");
    const result = await api.send<{ ok?: boolean }>("POST", "/api/restart", undefined, { timeoutMs: TIMEOUTS.install });
    setRestarting(false);
    if (result.status === 200) setNotice("The plugin runtime restarted; every enabled plugin was loaded again.");
    else if (result.status !== 401) setNotice(`Could not restart the plugin runtime: ${errorMessage(result)}`);
    await reload();
  }

  async function save(plugin: PluginView, patch: Record<string, unknown>): Promise<SaveOutcome> {
    const result = await api.send<{ ok?: boolean; requiresRestart?: boolean; validationErrors?: { field?: string; message: string }[]; error?: string }>(
      "PUT",
      `/api/plugins/${encodeURIComponent(plugin.id)}`,
      { config: patch },
    );
    if (result.status === 200) {
      await reload();
      return { message: `Saved${result.body.requiresRestart ? "; takes effect when the plugin runtime restarts" : ""}.` };
    }
    if (result.status === 422 && Array.isArray(result.body.validationErrors)) {
      return { errors: placeErrors(result.body.validationErrors, formModelOf(plugin), plugin.id), message: "Not saved: the server rejected these settings." };
    }
    if (result.status === 401) return { message: "Not saved: the server needs an API token (see above)." };
    return { message: `Not saved: ${errorMessage(result)}` };
  }

  const plugins = list?.plugins ?? [];
  const selected = plugins.find((p) => p.id === selectedId);

  return (
    <div class="page">
      <header class="page-header">
        <h1>OpenClaw plugins</h1>
        {list?.runtime && (
          <p class="muted small" data-runtime={list.runtime.state}>
            Plugin runtime: {list.runtime.state === "loading" ? "loading…" : "ready"}
          </p>
        )}
      </header>
      <main>
        {auth !== "ok" && (
          <TokenPrompt
            rejected={auth === "rejected"}
            onSubmit={(token) => {
              api.setToken(token);
              setAuth("ok");
              void reload();
            }}
          />
        )}
        <p class="notice" role="status" aria-live="polite">
          {notice}
        </p>
        {list?.pendingRestart?.required && (
          <div class="card restart-banner" role="note">
            <strong>Restart pending.</strong> These changes take effect when the plugin runtime restarts:
            <ul class="small">
              {list.pendingRestart.reasons.slice(-5).map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
            <button type="button" onClick={() => void restartRuntime()} disabled={restarting}>
              {restarting ? "Restarting…" : "Restart plugin runtime now"}
            </button>
          </div>
        )}
        {loadError && (
          <p class="field-error" role="alert">
            {loadError}
          </p>
        )}
        <div class="layout">
          <section class="card" aria-labelledby="plugins-title">
            <h2 id="plugins-title">
              Plugins {list && <span class="muted small">({plugins.length})</span>}
            </h2>
            {list ? (
              <PluginList
                plugins={plugins}
                runtime={list.runtime}
                selectedId={selectedId}
                busyIds={busy}
                onSelect={select}
                onToggle={(plugin, enabled) => void toggle(plugin, enabled)}
              />
            ) : (
              auth === "ok" && !loadError && <p class="muted">Loading…</p>
            )}
          </section>
          <section id="plugin-detail" class="card detail" tabIndex={-1} aria-label={selected ? `Settings of ${selected.name ?? selected.id}` : "Plugin settings"}>
            {selected ? (
              <>
                <h2>{selected.name ?? selected.id}</h2>
                {selected.description && <p class="muted">{selected.description}</p>}
                <ConfigForm key={selected.id} plugin={selected} onSave={(patch) => save(selected, patch)} />
              </>
            ) : (
              <p class="muted">Choose “Configure” on a plugin to see its settings.</p>
            )}
          </section>
        </div>
        {auth === "ok" && <RegistryPanel api={api} onInstalled={(message) => { setNotice(message); void reload(); }} />}
      </main>
    </div>
  );
}
