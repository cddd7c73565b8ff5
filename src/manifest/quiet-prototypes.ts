/**
 * Runs a synchronous check with enumerable properties on `Object.prototype` and `Array.prototype` (prototype
 * pollution left by earlier code, e.g. a plugin that set `Object.prototype.pwned`) made non-enumerable for the
 * duration of the call, and restored exactly afterwards. Libraries the checks use (zod, ajv) walk their own objects
 * with `for … in`, and a polluted key would otherwise show up as a schema member or an unknown manifest key.
 * Nothing else runs during the window (the call is synchronous); a clean prototype costs one key scan.
 *
 * @example
 * ```ts
 * const result = withQuietPrototypes(() => schema.safeParse(value));
 * ```
 */
export function withQuietPrototypes<T>(fn: () => T): T {
  const hidden: Array<[object, PropertyKey]> = [];
  for (const proto of [Object.prototype, Array.prototype]) {
    for (const key of Reflect.ownKeys(proto)) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, key);
      if (descriptor?.enumerable && descriptor.configurable) hidden.push([proto, key]);
    }
  }
  if (hidden.length === 0) return fn();
  for (const [proto, key] of hidden) Object.defineProperty(proto, key, { enumerable: false });
  try {
    return fn();
  } finally {
    for (const [proto, key] of hidden) Object.defineProperty(proto, key, { enumerable: true });
  }
}
