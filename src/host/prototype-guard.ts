/**
 * Prototype-pollution guard around a plugin's import and `register`: the own properties of the shared built-in
 * prototypes are snapshotted before, compared after, and any change (a key added, removed or redefined, or the
 * prototype made non-extensible) is undone and reported, so the next plugin — and the host's own validation — run
 * on clean prototypes.
 *
 * What it cannot undo: a change the plugin makes later (from a timer, or a promise that settles after the check),
 * and a prototype frozen or made non-extensible (reported, but that cannot be reversed in-process).
 */
import type { PluginLoadError } from "./load-types.js";

/** The built-in prototypes the guard watches. */
const WATCHED: ReadonlyArray<readonly [string, object]> = [
  ["Object.prototype", Object.prototype],
  ["Array.prototype", Array.prototype],
  ["Function.prototype", Function.prototype],
  ["String.prototype", String.prototype],
  ["Number.prototype", Number.prototype],
  ["Boolean.prototype", Boolean.prototype],
  ["Promise.prototype", Promise.prototype],
  ["RegExp.prototype", RegExp.prototype],
];

// Captured once at module load: a plugin that replaces `Reflect.ownKeys` or `Object.getOwnPropertyDescriptor`
// cannot blind the guard. The restore path below uses only these, index loops and plain assignments, because
// `Array.prototype[Symbol.iterator]` or `Array.prototype.push` may be exactly what was polluted.
const { ownKeys, deleteProperty, defineProperty } = Reflect;
const { getOwnPropertyDescriptor, isExtensible } = Object;
const objectIs = Object.is;

interface PrototypeSnapshot {
  name: string;
  target: object;
  extensible: boolean;
  keys: PropertyKey[];
  descriptors: PropertyDescriptor[];
}

/** A snapshot of the watched prototypes, taken by {@link snapshotPrototypes}. */
export interface PrototypesSnapshot {
  readonly entries: readonly PrototypeSnapshot[];
}

/** What changed on one prototype, and whether it could be undone. */
export interface PrototypeChange {
  /** `Object.prototype.pwned`, `Array.prototype[Symbol(x)]`, `Object.prototype (made non-extensible or frozen)`. */
  property: string;
  kind: "added" | "removed" | "changed" | "non-extensible";
  restored: boolean;
}

function describeKey(key: PropertyKey): string {
  return typeof key === "symbol" ? `[${key.description === undefined ? "Symbol()" : `Symbol(${key.description})`}]` : `.${String(key)}`;
}

/**
 * Records the own property descriptors of the watched built-in prototypes.
 *
 * @example
 * ```ts
 * const before = snapshotPrototypes();
 * await import(entry);
 * const changes = restorePrototypes(before); // [] when nothing was touched
 * ```
 */
export function snapshotPrototypes(): PrototypesSnapshot {
  const entries: PrototypeSnapshot[] = [];
  for (let i = 0; i < WATCHED.length; i++) {
    const [name, target] = WATCHED[i]!;
    const keys = ownKeys(target);
    const descriptors: PropertyDescriptor[] = [];
    for (let k = 0; k < keys.length; k++) descriptors[k] = getOwnPropertyDescriptor(target, keys[k]!)!;
    entries[i] = { name, target, extensible: isExtensible(target), keys, descriptors };
  }
  return { entries };
}

function sameDescriptor(a: PropertyDescriptor, b: PropertyDescriptor): boolean {
  return (
    a.configurable === b.configurable &&
    a.enumerable === b.enumerable &&
    a.writable === b.writable &&
    objectIs(a.value, b.value) &&
    a.get === b.get &&
    a.set === b.set
  );
}

function indexOfKey(keys: readonly PropertyKey[], key: PropertyKey): number {
  for (let i = 0; i < keys.length; i++) if (keys[i] === key) return i;
  return -1;
}

/**
 * Compares the watched prototypes with `snapshot`, undoes every difference it can (deletes added keys, redefines
 * removed or changed ones) and returns what changed; empty when nothing did. Never throws.
 *
 * @example
 * ```ts
 * const changes = restorePrototypes(before);
 * if (changes.length > 0) console.error(changes.map((c) => `${c.property} ${c.kind}`).join(", "));
 * ```
 */
export function restorePrototypes(snapshot: PrototypesSnapshot): PrototypeChange[] {
  const changes: PrototypeChange[] = [];
  const note = (change: PrototypeChange): void => {
    changes[changes.length] = change;
  };
  for (let e = 0; e < snapshot.entries.length; e++) {
    const entry = snapshot.entries[e]!;
    const { target, keys, descriptors } = entry;
    const now = ownKeys(target);
    for (let i = 0; i < now.length; i++) {
      const key = now[i]!;
      if (indexOfKey(keys, key) !== -1) continue;
      let restored: boolean;
      try {
        restored = deleteProperty(target, key);
      } catch {
        restored = false;
      }
      note({ property: entry.name + describeKey(key), kind: "added", restored });
    }
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const before = descriptors[i]!;
      const current = getOwnPropertyDescriptor(target, key);
      if (current && sameDescriptor(current, before)) continue;
      let restored: boolean;
      try {
        restored = defineProperty(target, key, before);
      } catch {
        restored = false;
      }
      note({ property: entry.name + describeKey(key), kind: current ? "changed" : "removed", restored });
    }
    if (entry.extensible && !isExtensible(target)) {
      note({ property: `${entry.name} (made non-extensible or frozen)`, kind: "non-extensible", restored: false });
    }
  }
  return changes;
}

/**
 * Restores the prototypes to `snapshot` and, when anything had changed, returns the `prototype-pollution` load
 * error for plugin `id` (what changed, whether it was undone, and the fix).
 *
 * @example
 * ```ts
 * const polluted = prototypePollutionError(snapshot, "demo", "register(api) in full mode");
 * if (polluted) return fail(polluted);
 * ```
 */
export function prototypePollutionError(snapshot: PrototypesSnapshot, id: string, during: string): PluginLoadError | undefined {
  const changes = restorePrototypes(snapshot);
  if (changes.length === 0) return undefined;
  const listed = changes
    .slice(0, 8)
    .map((c) => `${c.property} (${c.kind})`)
    .join(", ");
  const unrestored = changes.filter((c) => !c.restored);
  return {
    code: "prototype-pollution",
    message: `plugin "${id || "?"}" changed built-in prototypes during ${during}: ${listed}${changes.length > 8 ? `, … ${changes.length - 8} more` : ""}. ${
      unrestored.length === 0
        ? "The host restored them; the plugin is not loaded. Remove the code (often a polyfill or a global patch) that modifies shared prototypes."
        : `The host could not undo ${unrestored.map((c) => c.property).join(", ")}; restart the host after removing the plugin.`
    }`,
  };
}
