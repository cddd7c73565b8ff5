/**
 * A linear pre-pass over the parsed manifest that removes the bulk-garbage shapes before the zod schema sees them:
 * unknown keys (top level, `contracts`, `activation`, hint fields, channel config entries), list entries that are not
 * non-blank strings (`contracts.*`, `channels`, `providers`, `skills`, the `activation` lists) and hint fields of the
 * wrong type. Each finding gets exactly the diagnostic the zod round would give (same code, path and message, built
 * by the same helpers in `manifest-issues.ts`), and the value is dropped (or fixed) the same way; only the first
 * findings of a code are spelled out (the reader's per-code cap), the rest are counted. zod then sees a clean object
 * and produces few or no issues: each zod issue costs an error object and a round of edits, which made manifests
 * with tens of thousands of bad values take hundreds of milliseconds.
 *
 * Anything the pre-pass does not recognise is left exactly as it was, for zod to check.
 */
import type { PluginDiagnostic } from "./diagnostics.js";
import {
  contractEntryMessage,
  describeIssue,
  EMPTY_SCHEMA_HINT,
  KNOWN_TOP_LEVEL_KEYS,
  reportUnknownKey,
  sensitiveHintMessage,
  UI_HINT_FIELDS,
  type Report,
  type ZodIssueLike,
} from "./manifest-issues.js";
import { formatPath } from "./paths.js";
import { ACTIVATION_CAPABILITIES, PLUGIN_CONTRACT_KEYS } from "./plugin-manifest-schema.js";

/** Where the pre-pass reports: `report` spells a finding out, `listing` says whether one more of a code would be. */
export interface PrepassFindings {
  report: Report;
  /** False once the code's cap of listed diagnostics is reached: the finding is then only counted. */
  listing(code: string): boolean;
  /** Counts a finding that is not spelled out (past the cap). */
  count(code: string, level: PluginDiagnostic["level"]): void;
}

type Level = PluginDiagnostic["level"];
type Record_ = Record<string, unknown>;

function isRecord(value: unknown): value is Record_ {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const TOP_LEVEL_KEYS = new Set(KNOWN_TOP_LEVEL_KEYS);
const CONTRACT_KEYS = new Set<string>(PLUGIN_CONTRACT_KEYS);
const HINT_FIELDS = new Set(UI_HINT_FIELDS);
const ACTIVATION_NAME_LISTS = new Set(["onProviders", "onAgentHarnesses", "onCommands", "onChannels", "onRoutes", "onConfigPaths"]);
const ACTIVATION_KEYS = new Set(["onStartup", "onCapabilities", ...ACTIVATION_NAME_LISTS]);
const CHANNEL_CONFIG_KEYS = new Set(["schema", "uiHints", "label", "description", "preferOver", "commands"]);
const CAPABILITIES = new Set<unknown>(ACTIVATION_CAPABILITIES);

const DROP = Symbol("drop");
const HINT_NOT_OBJECT: ZodIssueLike = { code: "invalid_type", expected: "object", path: [], message: "" };
const MISSING_CHANNEL_SCHEMA = `is required: the channel's config JSON Schema (e.g. ${EMPTY_SCHEMA_HINT}). The channel config entry is ignored.`;
const UNKNOWN_FIELD = Symbol("unknown-field");

/** A shallow null-prototype copy (the pre-pass never mutates a container it did not create). */
function copyRecord(node: Record_): Record_ {
  return Object.assign(Object.create(null) as Record_, node);
}

/**
 * Runs the pre-pass on `working` (the reader's own null-prototype copy of the top level), replacing what it cleans.
 *
 * @example
 * ```ts
 * const working = Object.assign(Object.create(null), { id: "demo", configSchema: {}, contracts: { tools: [1, "a"] } });
 * prepassManifest(working, { report, listing: () => true, count: () => undefined });
 * // working.contracts.tools is ["a"]; report got contracts-invalid-entry for contracts.tools[0]
 * ```
 */
export function prepassManifest(working: Record_, findings: PrepassFindings): void {
  const emit = (level: Level, code: string, path: () => PropertyKey[], message: () => string): void => {
    if (findings.listing(code)) findings.report(level, code, formatPath(path()), message());
    else findings.count(code, level);
  };
  /**
   * `node` without its keys outside `known` (each reported as `code`): `node` itself when it has none, else a new
   * object built from the kept keys (deleting from a large object would be slower than building the small one).
   */
  const unknownKeys = (node: Record_, path: PropertyKey[], known: ReadonlySet<string>, code: string): Record_ => {
    const keys = Object.keys(node);
    let out: Record_ | undefined;
    for (let index = 0; index < keys.length; index++) {
      const key = keys[index]!;
      if (known.has(key)) {
        if (out) out[key] = node[key];
        continue;
      }
      if (findings.listing(code)) reportUnknownKey(path, key, findings.report);
      else findings.count(code, "warning");
      if (!out) {
        out = Object.create(null) as Record_;
        for (let before = 0; before < index; before++) out[keys[before]!] = node[keys[before]!];
      }
    }
    return out ?? node;
  };
  /** Keeps the entries `ok` accepts; reports each other one through `bad`. Returns the list itself when all pass. */
  const filterList = (list: unknown[], ok: (item: unknown) => boolean, bad: (item: unknown, index: number) => void): unknown[] => {
    let kept: unknown[] | undefined;
    for (let index = 0; index < list.length; index++) {
      const item = list[index];
      if (ok(item)) {
        kept?.push(item);
        continue;
      }
      kept ??= list.slice(0, index);
      bad(item, index);
    }
    return kept ?? list;
  };
  const isName = (item: unknown): boolean => typeof item === "string" && item.trim() !== "";
  const nameIssue = (item: unknown): ZodIssueLike =>
    typeof item === "string"
      ? { code: "too_small", origin: "string", path: [], message: "" }
      : { code: "invalid_type", expected: "string", path: [], message: "" };
  /** A name list whose bad entries are reported as `code` with "The value is ignored." (zod's own wording). */
  const nameList = (list: unknown[], path: PropertyKey[], code: string): unknown[] =>
    filterList(list, isName, (item, index) =>
      emit("error", code, () => [...path, index], () => `${describeIssue(nameIssue(item), item)} The value is ignored.`),
    );

  for (const key of Object.keys(working)) {
    if (TOP_LEVEL_KEYS.has(key)) continue;
    if (findings.listing("unknown-key")) reportUnknownKey([], key, findings.report);
    else findings.count("unknown-key", "warning");
    delete working[key];
  }

  const contracts = working.contracts;
  if (isRecord(contracts)) {
    const cleaned = unknownKeys(contracts, ["contracts"], CONTRACT_KEYS, "contracts-unknown-key");
    let out = cleaned;
    for (const key of Object.keys(cleaned)) {
      const list = cleaned[key];
      if (!Array.isArray(list)) continue;
      const kept = filterList(list, isName, (item, index) =>
        emit("error", "contracts-invalid-entry", () => ["contracts", key, index], () => contractEntryMessage(item)),
      );
      if (kept === list) continue;
      if (out === contracts) out = copyRecord(contracts);
      out[key] = kept;
    }
    working.contracts = out;
  }

  for (const key of ["channels", "providers", "skills"] as const) {
    const list = working[key];
    if (Array.isArray(list)) working[key] = nameList(list, [key], `${key}-invalid`);
  }

  const activation = working.activation;
  if (isRecord(activation)) {
    let out = unknownKeys(activation, ["activation"], ACTIVATION_KEYS, "activation-unknown-key");
    for (const key of Object.keys(out)) {
      const list = out[key];
      if (!Array.isArray(list)) continue;
      let kept: unknown[];
      if (ACTIVATION_NAME_LISTS.has(key)) kept = nameList(list, ["activation", key], "activation-invalid");
      else if (key === "onCapabilities") {
        kept = filterList(
          list,
          (item) => CAPABILITIES.has(item),
          (item, index) =>
            emit(
              "error",
              "activation-invalid",
              () => ["activation", key, index],
              () => `${describeIssue({ code: "invalid_value", values: [...ACTIVATION_CAPABILITIES], path: [], message: "" }, item)} The value is ignored.`,
            ),
        );
      } else continue;
      if (kept === list) continue;
      if (out === activation) out = copyRecord(activation);
      out[key] = kept;
    }
    working.activation = out;
  }

  const hints = (node: unknown, path: PropertyKey[]): unknown => (isRecord(node) ? cleanHints(node, path) : node);
  const cleanHints = (node: Record_, path: PropertyKey[]): Record_ => {
    const keys = Object.keys(node);
    let out: Record_ | undefined;
    for (let index = 0; index < keys.length; index++) {
      const hintPath = keys[index]!;
      const hint = node[hintPath];
      let cleaned: unknown;
      if (isRecord(hint)) cleaned = cleanHint(hint, path, hintPath);
      else {
        emit("error", "ui-hint-invalid", () => [...path, hintPath], () => `${describeIssue(HINT_NOT_OBJECT, hint)} The hint field is ignored.`);
        cleaned = DROP;
      }
      if (cleaned !== hint && !out) {
        out = Object.create(null) as Record_;
        for (let before = 0; before < index; before++) out[keys[before]!] = node[keys[before]!];
      }
      if (out && cleaned !== DROP) out[hintPath] = cleaned;
    }
    return out ?? node;
  };
  /** One hint without unknown fields and with invalid fields dropped (`sensitive` set to true), as zod's rounds would. */
  const cleanHint = (hint: Record_, hintsPath: PropertyKey[], hintPath: string): Record_ => {
    const keys = Object.keys(hint);
    let out: Record_ | undefined;
    for (let index = 0; index < keys.length; index++) {
      const field = keys[index]!;
      const value = hint[field];
      const kept = HINT_FIELDS.has(field) ? checkHintField(field, value, hintsPath, hintPath) : UNKNOWN_FIELD;
      if (kept === UNKNOWN_FIELD) {
        if (findings.listing("ui-hint-unknown-key")) reportUnknownKey([...hintsPath, hintPath], field, findings.report);
        else findings.count("ui-hint-unknown-key", "warning");
      }
      if (kept !== value && !out) {
        out = Object.create(null) as Record_;
        for (let before = 0; before < index; before++) out[keys[before]!] = hint[keys[before]!];
      }
      if (out && kept !== DROP && kept !== UNKNOWN_FIELD) out[field] = kept;
    }
    return out ?? hint;
  };
  /** The value a known hint field keeps: itself, a fixed value, or {@link DROP} (each change is reported). */
  const checkHintField = (field: string, value: unknown, hintsPath: PropertyKey[], hintPath: string): unknown => {
    if (value === undefined) return value; // every hint field is optional
    const invalid = (issue: ZodIssueLike): typeof DROP => {
      emit("error", "ui-hint-invalid", () => [...hintsPath, hintPath, field], () => `${describeIssue(issue, value)} The hint field is ignored.`);
      return DROP;
    };
    switch (field) {
      case "label":
      case "help":
      case "placeholder":
        return typeof value === "string" ? value : invalid({ code: "invalid_type", expected: "string", path: [], message: "" });
      case "advanced":
        return typeof value === "boolean" ? value : invalid({ code: "invalid_type", expected: "boolean", path: [], message: "" });
      case "sensitive":
        if (typeof value === "boolean") return value;
        emit("error", "ui-hint-invalid", () => [...hintsPath, hintPath, field], () => sensitiveHintMessage(value));
        return true;
      case "presentation":
        return value === "phone-number" ? value : invalid({ code: "invalid_value", values: ["phone-number"], path: [], message: "" });
      case "tags":
        if (!Array.isArray(value)) return invalid({ code: "invalid_type", expected: "array", path: [], message: "" });
        return filterList(
          value,
          (item) => typeof item === "string",
          (item, index) =>
            emit(
              "error",
              "ui-hint-invalid",
              () => [...hintsPath, hintPath, field, index],
              () => `${describeIssue({ code: "invalid_type", expected: "string", path: [], message: "" }, item)} The hint field is ignored.`,
            ),
        );
      default:
        return value;
    }
  };

  if (Object.hasOwn(working, "uiHints")) working.uiHints = hints(working.uiHints, ["uiHints"]);

  const channelConfigs = working.channelConfigs;
  if (isRecord(channelConfigs)) {
    const channelIds = Object.keys(channelConfigs);
    let out: Record_ | undefined; // built only once an entry changes (from the entries kept so far)
    for (let index = 0; index < channelIds.length; index++) {
      const channelId = channelIds[index]!;
      const entry = channelConfigs[channelId];
      let cleaned: unknown = entry;
      // Not an object, or a blank id: zod reports these (and drops the whole entry).
      if (isRecord(entry) && channelId !== "") cleaned = cleanChannelConfig(entry, channelId);
      if (cleaned !== entry && !out) {
        out = Object.create(null) as Record_;
        for (let before = 0; before < index; before++) out[channelIds[before]!] = channelConfigs[channelIds[before]!];
      }
      if (out && cleaned !== DROP) out[channelId] = cleaned;
    }
    if (out) working.channelConfigs = out;
  }

  /** One channel config entry, cleaned; {@link DROP} when it has no schema (the entry is then ignored). */
  function cleanChannelConfig(entry: Record_, channelId: string): Record_ | typeof DROP {
    let cleaned = unknownKeys(entry, ["channelConfigs", channelId], CHANNEL_CONFIG_KEYS, "unknown-key");
    if (Object.hasOwn(cleaned, "uiHints")) {
      const cleanedHints = hints(cleaned.uiHints, ["channelConfigs", channelId, "uiHints"]);
      if (cleanedHints !== cleaned.uiHints) {
        if (cleaned === entry) cleaned = copyRecord(entry);
        cleaned.uiHints = cleanedHints;
      }
    }
    const preferOver = cleaned.preferOver;
    if (Array.isArray(preferOver)) {
      const kept = nameList(preferOver, ["channelConfigs", channelId, "preferOver"], "channel-config-invalid");
      if (kept !== preferOver) {
        if (cleaned === entry) cleaned = copyRecord(entry);
        cleaned.preferOver = kept;
      }
    }
    if (!Object.hasOwn(cleaned, "schema")) {
      // Without its schema the entry is ignored: said once, here, instead of one zod issue per entry.
      emit("error", "channel-config-invalid", () => ["channelConfigs", channelId, "schema"], () => MISSING_CHANNEL_SCHEMA);
      return DROP;
    }
    return cleaned;
  }
}
