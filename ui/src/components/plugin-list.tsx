import type { PluginView, RuntimeView } from "../api-shapes.js";
import { pluginShape, pluginStatus, sortPlugins } from "../plugin-view.js";

export interface PluginListProps {
  plugins: PluginView[];
  runtime?: RuntimeView;
  selectedId: string | undefined;
  busyIds: ReadonlySet<string>;
  onSelect: (id: string) => void;
  onToggle: (plugin: PluginView, enabled: boolean) => void;
}

/** The plugin list: name, status, shape, load error, an enable switch and a "Configure" button per plugin. */
export function PluginList({ plugins, runtime, selectedId, busyIds, onSelect, onToggle }: PluginListProps) {
  if (plugins.length === 0) {
    return <p class="muted">No plugins found. Install one from the registry below, or add a folder to plugins.load.paths.</p>;
  }
  return (
    <ul class="plugin-list" aria-label="Plugins">
      {sortPlugins(plugins).map((plugin) => {
        const status = pluginStatus(plugin, runtime);
        const titleId = `plugin-${plugin.id}-name`;
        const selected = plugin.id === selectedId;
        return (
          <li key={plugin.id} class={`plugin-row${selected ? " selected" : ""}`} data-plugin-id={plugin.id} aria-labelledby={titleId}>
            <div class="plugin-main">
              <h3 class="plugin-name" id={titleId}>
                {plugin.name ?? plugin.id}
                {plugin.version && <span class="version">v{plugin.version}</span>}
              </h3>
              <div class="plugin-meta">
                <span class={`badge tone-${status.tone}`} title={status.detail} data-status={status.label}>
                  <span class="visually-hidden">Status: </span>
                  {status.label}
                </span>
                <span class="chip" data-shape>
                  <span class="visually-hidden">Shape: </span>
                  {pluginShape(plugin)}
                </span>
                <code class="plugin-id">{plugin.id}</code>
                {plugin.installSource && <span class="muted small">from {plugin.installSource}</span>}
              </div>
              {plugin.description && <p class="plugin-description">{plugin.description}</p>}
              {plugin.loadError && (
                <p class="load-error" role="note">
                  <strong>Load error:</strong> <span class="mono">{plugin.loadError}</span>
                </p>
              )}
            </div>
            <div class="plugin-actions">
              <label class="switch">
                <input
                  type="checkbox"
                  role="switch"
                  checked={plugin.enabled}
                  disabled={busyIds.has(plugin.id)}
                  aria-describedby={`plugin-${plugin.id}-name`}
                  onChange={(e) => onToggle(plugin, (e.currentTarget as HTMLInputElement).checked)}
                />
                <span class="switch-track" aria-hidden="true" />
                <span class="label-text">Enabled</span>
              </label>
              <button
                type="button"
                aria-expanded={selected}
                aria-controls="plugin-detail"
                onClick={() => onSelect(plugin.id)}
              >
                {selected ? "Configuring" : "Configure"}
                <span class="visually-hidden"> {plugin.name ?? plugin.id}</span>
              </button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
