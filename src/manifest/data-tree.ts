/**
 * The manifest checks work on a null-prototype copy of the parsed value (own keys only, prototype names as ordinary
 * keys, immune to `Object.prototype` pollution) and hand callers ordinary objects back. Every walk is iterative.
 */

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * A copy of parsed JSON made of null-prototype objects (arrays stay arrays), built without recursion. Checks then
 * see own keys only: an enumerable `Object.prototype.pwned` set by earlier code is not a manifest key, and keys such
 * as `__proto__`, `constructor` or `toString` are ordinary keys. Shared and cyclic references are preserved (the
 * schema checks bound depth and cycles themselves).
 *
 * @example
 * ```ts
 * Object.getPrototypeOf(toDataTree({ a: {} }) as object); // null
 * ```
 */
export function toDataTree(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (parsedTrees.has(value)) {
    parsedTrees.delete(value);
    return treeCopy(value);
  }
  const copies = new Map<object, Record<string, unknown> | unknown[]>();
  const work: Array<{ source: object; target: Record<string, unknown> | unknown[] }> = [];
  const copyOf = (node: unknown): unknown => {
    if (typeof node !== "object" || node === null) return node;
    let copy = copies.get(node);
    if (!copy) {
      copy = Array.isArray(node) ? new Array<unknown>(node.length) : (Object.create(null) as Record<string, unknown>);
      copies.set(node, copy);
      work.push({ source: node, target: copy });
    }
    return copy;
  };
  const root = copyOf(value);
  while (work.length > 0) {
    const { source, target } = work.pop()!;
    if (Array.isArray(target)) {
      const array = source as unknown[];
      for (let index = 0; index < array.length; index++) target[index] = copyOf(array[index]);
    } else {
      for (const key of Object.keys(source)) target[key] = copyOf((source as Record<string, unknown>)[key]);
    }
  }
  return root;
}

/** Values fresh from `JSON.parse`/JSON5 (see {@link markParsedTree}): no shared or cyclic references. */
const parsedTrees = new WeakSet<object>();

/**
 * Marks a value that was just parsed from text: {@link toDataTree} then copies it as a tree, without tracking shared
 * references (parsed JSON has none), which is a third of its cost on a large manifest.
 *
 * @example
 * ```ts
 * const raw = markParsedTree(JSON.parse(text));
 * ```
 */
export function markParsedTree<T>(value: T): T {
  if (typeof value === "object" && value !== null) parsedTrees.add(value);
  return value;
}

/** {@link toDataTree} for a tree (every object reached once). */
function treeCopy(value: object): unknown {
  const copyOf = (node: object): Record<string, unknown> | unknown[] =>
    Array.isArray(node) ? new Array<unknown>(node.length) : (Object.create(null) as Record<string, unknown>);
  const root = copyOf(value);
  const work: Array<{ source: object; target: Record<string, unknown> | unknown[] }> = [{ source: value, target: root }];
  while (work.length > 0) {
    const { source, target } = work.pop()!;
    if (Array.isArray(target)) {
      const array = source as unknown[];
      for (let index = 0; index < array.length; index++) {
        const item = array[index];
        if (typeof item === "object" && item !== null) {
          const copy = copyOf(item);
          work.push({ source: item, target: copy });
          target[index] = copy;
        } else target[index] = item;
      }
    } else {
      const record = source as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        const item = record[key];
        if (typeof item === "object" && item !== null) {
          const copy = copyOf(item);
          work.push({ source: item, target: copy });
          target[key] = copy;
        } else target[key] = item;
      }
    }
  }
  return root;
}

/**
 * The checked manifest as ordinary objects for callers (the checks ran on null-prototype copies). Own `__proto__`
 * keys stay own data properties; built without recursion, shared references preserved.
 *
 * @example
 * ```ts
 * Object.getPrototypeOf(toPlainTree(Object.create(null)) as object) === Object.prototype; // true
 * ```
 */
export function toPlainTree(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  const copies = new Map<object, Record<string, unknown> | unknown[]>();
  const work: Array<{ source: object; target: Record<string, unknown> | unknown[] }> = [];
  const copyOf = (node: unknown): unknown => {
    if (typeof node !== "object" || node === null) return node;
    let copy = copies.get(node);
    if (!copy) {
      copy = Array.isArray(node) ? new Array<unknown>(node.length) : {};
      copies.set(node, copy);
      work.push({ source: node, target: copy });
    }
    return copy;
  };
  const root = copyOf(value);
  while (work.length > 0) {
    const { source, target } = work.pop()!;
    if (Array.isArray(target)) {
      const array = source as unknown[];
      for (let index = 0; index < array.length; index++) target[index] = copyOf(array[index]);
    } else {
      for (const key of Object.keys(source)) {
        const item = copyOf((source as Record<string, unknown>)[key]);
        if (key === "__proto__") Object.defineProperty(target, key, { value: item, enumerable: true, writable: true, configurable: true });
        else target[key] = item;
      }
    }
  }
  return root;
}

/** Own property or undefined (never an inherited one). */
export function own(node: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(node, key) ? node[key] : undefined;
}

/**
 * zod builds record outputs by assignment, so an own `__proto__` key (a hint path or channel id) would set the
 * output object's prototype instead of becoming a key. The few records zod copies get that key back as an own
 * property, with its checked value.
 */
export function restoreProtoKeys(output: Record<string, unknown>, working: Record<string, unknown>): void {
  const fix = (outputParent: unknown, workingParent: unknown, key: string): void => {
    if (!isRecord(outputParent) || !isRecord(workingParent)) return;
    const out = own(outputParent, key);
    const source = own(workingParent, key);
    if (!isRecord(out) || !isRecord(source)) return;
    if (Object.getPrototypeOf(out) !== Object.prototype && Object.getPrototypeOf(out) !== null) Object.setPrototypeOf(out, Object.prototype);
    if (!Object.hasOwn(source, "__proto__")) return;
    // Rebuild in the source's key order, with `__proto__` as an own data property.
    const entries = Object.keys(source)
      .filter((name) => name === "__proto__" || Object.hasOwn(out, name))
      .map((name) => [name, name === "__proto__" ? source[name] : out[name]] as const);
    for (const name of Object.keys(out)) delete out[name];
    for (const [name, item] of entries) Object.defineProperty(out, name, { value: item, enumerable: true, writable: true, configurable: true });
  };
  for (const key of ["uiHints", "configSchema", "channelConfigs"]) fix(output, working, key);
  const channelConfigs = own(output, "channelConfigs");
  const workingChannels = own(working, "channelConfigs");
  if (isRecord(channelConfigs) && isRecord(workingChannels)) {
    for (const channelId of Object.keys(channelConfigs)) {
      for (const key of ["schema", "uiHints"]) fix(own(channelConfigs, channelId), own(workingChannels, channelId), key);
    }
  }
}
