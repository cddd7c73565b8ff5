/**
 * Vendor-neutral memory host helpers: reading what memory plugins export, without depending on one memory
 * plugin's private layout.
 */
import type { MemoryPluginCapability, MemoryPromptSectionBuilder, MemoryPublicArtifact } from "../contract/plugin-api.js";

/**
 * Lists public artifacts of the given memory capabilities (in order, deduplicated by `id`; capabilities without
 * `publicArtifacts` are skipped). A throwing capability rejects with its plugin index in the message.
 *
 * @example
 * ```ts
 * const artifacts = await listMemoryPublicArtifacts([capability], { agentId: "main" });
 * ```
 */
export async function listMemoryPublicArtifacts(
  capabilities: readonly MemoryPluginCapability[],
  params: { agentId?: string } = {},
): Promise<MemoryPublicArtifact[]> {
  const out: MemoryPublicArtifact[] = [];
  const seen = new Set<string>();
  for (const [index, capability] of capabilities.entries()) {
    if (!capability.publicArtifacts) continue;
    let artifacts: MemoryPublicArtifact[];
    try {
      artifacts = await capability.publicArtifacts.listArtifacts(params);
    } catch (error) {
      throw new Error(`memory capability #${index}: listArtifacts failed: ${(error as Error).message}`);
    }
    for (const artifact of artifacts) {
      if (seen.has(artifact.id)) continue;
      seen.add(artifact.id);
      out.push(artifact);
    }
  }
  return out;
}

/**
 * Runs a memory prompt section builder and returns its non-empty lines.
 *
 * @example
 * ```ts
 * buildMemoryPromptSection(builder, { availableTools: new Set(["memory_search"]) });
 * ```
 */
export function buildMemoryPromptSection(
  builder: MemoryPromptSectionBuilder | undefined,
  params: { availableTools: ReadonlySet<string>; citationsMode?: string },
): string[] {
  if (!builder) return [];
  return builder(params).filter((line) => typeof line === "string" && line.trim() !== "");
}
