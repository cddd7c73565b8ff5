import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { JSX } from "preact";
import type { PluginView } from "../api-shapes.js";
import { splitAdvanced, listFields, type FieldNode, type FormNode } from "../form/schema-form.js";
import { buildConfig, initialFormState, placeErrors, type FieldInput, type FormState, type PlacedErrors } from "../form/form-values.js";
import { configPatch, formModelOf, isStored, storedConfigOf } from "../plugin-view.js";

export interface SaveOutcome {
  /** Errors to show (a 422, or the browser's own JSON check); `undefined` when the save went through. */
  errors?: PlacedErrors;
  /** A message for the status line (success or a non-validation failure). */
  message?: string;
}

export interface ConfigFormProps {
  plugin: PluginView;
  onSave: (patch: Record<string, unknown>) => Promise<SaveOutcome>;
}

/** An element id from a plugin id and a config path (ids must be unique on the page and valid in selectors). */
export function fieldId(pluginId: string, path: string): string {
  return `cfg-${pluginId}-${path}`.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}_`);
}

/** The configuration form of one plugin, generated from its schema and hints. */
export function ConfigForm({ plugin, onSave }: ConfigFormProps) {
  // The list is reloaded often (after saves, toggles, while the runtime loads): the form starts over only when what it
  // is built from changed, so a reload never wipes what the user is typing.
  const sourceKey = JSON.stringify([plugin.configSchema ?? null, plugin.uiHints ?? null, plugin.parameters ?? [], plugin.config ?? null]);
  const model = useMemo(() => formModelOf(plugin), [sourceKey]);
  const stored = useMemo(() => storedConfigOf(plugin), [sourceKey]);
  const initial = useMemo(() => initialFormState(model, stored), [model, stored]);
  const storedErrorsKey = JSON.stringify(plugin.validationErrors ?? []);
  const [state, setState] = useState<FormState>(initial);
  const [errors, setErrors] = useState<PlacedErrors>({ byPath: {}, general: [] });
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState("");
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    setState(initial);
  }, [initial]);

  // Errors the plugin already has in its stored config (GET /api/plugins validationErrors) show until the next save.
  useEffect(() => {
    if (plugin.validationErrors && plugin.validationErrors.length > 0) setErrors(placeErrors(plugin.validationErrors, model, plugin.id));
    else setErrors({ byPath: {}, general: [] });
  }, [storedErrorsKey, model]);

  const errorCount = Object.values(errors.byPath).reduce((n, list) => n + list.length, 0) + errors.general.length;

  async function submit(event: Event) {
    event.preventDefault();
    setStatus("");
    const built = buildConfig(model, state, initial, stored);
    if (!built.ok) {
      setErrors({ byPath: built.errors, general: [] });
      queueMicrotask(() => summaryRef.current?.focus());
      return;
    }
    if (built.changed.length === 0) {
      setStatus("Nothing changed.");
      return;
    }
    setSaving(true);
    const outcome = await onSave(configPatch(built.config, built.changed));
    setSaving(false);
    if (outcome.errors) {
      setErrors(outcome.errors);
      queueMicrotask(() => summaryRef.current?.focus());
    } else {
      setErrors({ byPath: {}, general: [] });
    }
    setStatus(outcome.message ?? "");
  }

  function update(path: string, value: FieldInput) {
    setState((previous) => ({ ...previous, [path]: value }));
  }

  const fields = listFields(model.nodes);
  const context: RenderContext = { plugin, state, errors, update };
  const { basic, advanced } = splitAdvanced(model.nodes);
  const advancedHasError = hasErrorIn(advanced, errors);

  return (
    <form class="config-form" noValidate onSubmit={submit} aria-labelledby={`cfg-title-${plugin.id}`}>
      <h3 id={`cfg-title-${plugin.id}`}>Configuration</h3>
      {errorCount > 0 && (
        <div class="error-summary" role="alert" tabIndex={-1} ref={summaryRef} aria-labelledby={`cfg-errors-${plugin.id}`}>
          <h4 id={`cfg-errors-${plugin.id}`}>
            {errorCount === 1 ? "1 setting needs attention" : `${errorCount} settings need attention`}
          </h4>
          <ul>
            {errors.general.map((message) => (
              <li key={message}>{message}</li>
            ))}
            {Object.entries(errors.byPath).map(([path, messages]) => {
              const target = fields.find((f) => f.path === path);
              const label = target?.label ?? path;
              return messages.map((message) => (
                <li key={`${path}:${message}`}>
                  <a href={`#${fieldId(plugin.id, path)}`} onClick={(e) => focusField(e, fieldId(plugin.id, path))}>
                    {label}
                  </a>
                  : {message}
                </li>
              ));
            })}
          </ul>
        </div>
      )}
      {fields.length === 0 && <p class="muted">This plugin has no settings.</p>}
      {basic.map((node) => renderNode(node, context))}
      {advanced.length > 0 && (
        <details class="advanced" open={advancedHasError || undefined}>
          <summary>Advanced ({advanced.length})</summary>
          {advanced.map((node) => renderNode(node, context))}
        </details>
      )}
      {model.notes.length > 0 && (
        <p class="muted small">Some settings are edited as JSON text: {model.notes.map((n) => n.split(":")[0]).join(", ")}.</p>
      )}
      {fields.length > 0 && (
        <div class="form-actions">
          <button type="submit" class="primary" disabled={saving}>
            {saving ? "Saving…" : "Save settings"}
          </button>
          <button
            type="button"
            onClick={() => {
              setState(initial);
              setErrors({ byPath: {}, general: [] });
              setStatus("Changes discarded.");
            }}
            disabled={saving}
          >
            Discard changes
          </button>
          <span class="form-status" role="status" aria-live="polite">
            {status}
          </span>
        </div>
      )}
    </form>
  );
}

function focusField(event: Event, id: string) {
  event.preventDefault();
  const element = document.getElementById(id);
  if (!element) return;
  const details = element.closest("details");
  if (details && !details.open) details.open = true;
  element.focus();
}

function hasErrorIn(nodes: readonly FormNode[], errors: PlacedErrors): boolean {
  return nodes.some((node) => (errors.byPath[node.path]?.length ?? 0) > 0 || (node.kind === "group" && hasErrorIn(node.children, errors)));
}

interface RenderContext {
  plugin: PluginView;
  state: FormState;
  errors: PlacedErrors;
  update: (path: string, value: FieldInput) => void;
}

function renderNode(node: FormNode, context: RenderContext): JSX.Element {
  if (node.kind === "field") return <Field key={node.path} field={node} context={context} />;
  const id = fieldId(context.plugin.id, node.path);
  const { basic, advanced } = splitAdvanced(node.children);
  const groupErrors = context.errors.byPath[node.path] ?? [];
  return (
    <fieldset key={node.path} class="group" id={id} tabIndex={-1} aria-describedby={describedBy(id, node.help, groupErrors)}>
      <legend>{node.label}</legend>
      {node.help && (
        <p class="help" id={`${id}-help`}>
          {node.help}
        </p>
      )}
      {groupErrors.length > 0 && <ErrorText id={`${id}-error`} messages={groupErrors} />}
      {basic.map((child) => renderNode(child, context))}
      {advanced.length > 0 && (
        <details class="advanced" open={hasErrorIn(advanced, context.errors) || undefined}>
          <summary>Advanced ({advanced.length})</summary>
          {advanced.map((child) => renderNode(child, context))}
        </details>
      )}
    </fieldset>
  );
}

function describedBy(id: string, help: string | undefined, errors: readonly string[], extra?: string): string | undefined {
  const ids = [help ? `${id}-help` : "", extra ?? "", errors.length > 0 ? `${id}-error` : ""].filter((x) => x !== "");
  return ids.length > 0 ? ids.join(" ") : undefined;
}

function ErrorText({ id, messages }: { id: string; messages: readonly string[] }) {
  return (
    <p class="field-error" id={id}>
      {messages.join(" · ")}
    </p>
  );
}

function Field({ field, context }: { field: FieldNode; context: RenderContext }) {
  const { plugin, state, errors, update } = context;
  const id = fieldId(plugin.id, field.path);
  const value = state[field.path];
  const fieldErrors = errors.byPath[field.path] ?? [];
  const invalid = fieldErrors.length > 0 || undefined;
  const common = {
    id,
    name: field.path,
    "aria-invalid": invalid,
    "aria-required": field.required || undefined,
  };
  const requiredMark = field.required ? (
    <span class="required" aria-hidden="true">
      {" "}
      *
    </span>
  ) : null;

  if (field.control === "switch") {
    return (
      <div class={`field switch-field${invalid ? " has-error" : ""}`} data-path={field.path}>
        <label class="switch" for={id}>
          <input
            {...common}
            type="checkbox"
            role="switch"
            checked={value === true}
            aria-describedby={describedBy(id, field.help, fieldErrors)}
            onChange={(e) => update(field.path, (e.currentTarget as HTMLInputElement).checked)}
          />
          <span class="switch-track" aria-hidden="true" />
          <span class="label-text">
            {field.label}
            {requiredMark}
          </span>
        </label>
        {field.help && (
          <p class="help" id={`${id}-help`}>
            {field.help}
          </p>
        )}
        {fieldErrors.length > 0 && <ErrorText id={`${id}-error`} messages={fieldErrors} />}
      </div>
    );
  }

  let control: JSX.Element;
  let storedNote: JSX.Element | null = null;
  const textValue = typeof value === "string" ? value : "";
  const onInput = (e: Event) => update(field.path, (e.currentTarget as HTMLInputElement).value);

  switch (field.control) {
    case "password": {
      const stored = isStored(plugin, field.path);
      const removing = value === null;
      storedNote = (
        <p class="help secret-note" id={`${id}-stored`}>
          {removing
            ? "The stored value will be removed when you save."
            : stored
              ? "A value is stored and hidden. Leave this empty to keep it, or type a new one to replace it."
              : "No value stored."}
          {stored && (
            <button type="button" class="link" onClick={() => update(field.path, removing ? "" : null)}>
              {removing ? "Keep the stored value" : "Remove stored value"}
            </button>
          )}
        </p>
      );
      control = (
        <input
          {...common}
          type="password"
          autoComplete="new-password"
          spellcheck={false}
          value={removing ? "" : textValue}
          disabled={removing}
          placeholder={stored && !removing ? "•••••••• (stored)" : ""}
          aria-describedby={describedBy(id, field.help, fieldErrors, `${id}-stored`)}
          onInput={onInput}
        />
      );
      break;
    }
    case "select":
      control = (
        <select {...common} value={textValue} aria-describedby={describedBy(id, field.help, fieldErrors)} onChange={onInput}>
          <option value="">{field.required ? "Choose…" : "(not set)"}</option>
          {field.options?.map((option) => (
            <option key={option.key} value={option.key}>
              {option.label}
            </option>
          ))}
          {textValue !== "" && !field.options?.some((o) => o.key === textValue) && <option value={textValue}>{textValue} (not allowed)</option>}
        </select>
      );
      break;
    case "number":
      control = (
        <input
          {...common}
          type="number"
          inputMode={field.integer ? "numeric" : "decimal"}
          step={field.integer ? 1 : "any"}
          min={field.min}
          max={field.max}
          value={textValue}
          placeholder={field.placeholder}
          aria-describedby={describedBy(id, field.help, fieldErrors)}
          onInput={onInput}
        />
      );
      break;
    case "list":
    case "json":
      control = (
        <textarea
          {...common}
          rows={field.control === "json" ? 4 : 3}
          spellcheck={false}
          class={field.control === "json" ? "mono" : undefined}
          value={textValue}
          placeholder={field.placeholder ?? (field.control === "list" ? "One value per line" : "JSON")}
          aria-describedby={describedBy(id, field.help, fieldErrors)}
          onInput={onInput}
        />
      );
      break;
    case "text":
      control = (
        <input
          {...common}
          type={(field.inputType ?? "text") as "text"}
          value={textValue}
          placeholder={field.placeholder}
          spellcheck={false}
          aria-describedby={describedBy(id, field.help, fieldErrors)}
          onInput={onInput}
        />
      );
      break;
  }

  return (
    <div class={`field${invalid ? " has-error" : ""}`} data-path={field.path}>
      <label for={id}>
        {field.label}
        {requiredMark}
        {field.control === "list" && <span class="muted small"> (one per line)</span>}
      </label>
      {field.help && (
        <p class="help" id={`${id}-help`}>
          {field.help}
        </p>
      )}
      {control}
      {storedNote}
      {fieldErrors.length > 0 && <ErrorText id={`${id}-error`} messages={fieldErrors} />}
    </div>
  );
}
