/** Minimal entry definition; the full contract replaces this type. */
export interface OpenClawPluginDefinition {
  id: string;
  name: string;
  description: string;
  register(api: unknown): void;
}

/**
 * Defines a plugin entry object.
 *
 * @example
 * ```ts
 * export default definePluginEntry({ id: "demo", name: "Demo", description: "Demo", register() {} });
 * ```
 */
export function definePluginEntry(definition: OpenClawPluginDefinition): OpenClawPluginDefinition {
  return { ...definition };
}
