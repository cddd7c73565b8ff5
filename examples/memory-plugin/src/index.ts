/**
 * Example memory plugin: one exclusive memory capability (runtime search/read, prompt section, flush plan and
 * public artifacts other plugins can list through `openclaw/plugin-sdk/memory-host`).
 */
import { buildJsonPluginConfigSchema, definePluginEntry } from "openclaw/plugin-sdk/plugin-entry";
import type { MemoryPluginCapability, MemorySearchResult } from "openclaw/plugin-sdk/memory-host";

export interface Note {
  path: string;
  text: string;
}

export function createNotesCapability(notes: Note[], maxResults: number): MemoryPluginCapability {
  return {
    runtime: {
      async search({ query, maxResults: limit }): Promise<MemorySearchResult[]> {
        const needle = query.toLowerCase();
        return notes
          .filter((note) => note.text.toLowerCase().includes(needle))
          .slice(0, limit ?? maxResults)
          .map((note) => ({ path: note.path, snippet: note.text.slice(0, 80), score: 1 }));
      },
      async readFile({ path }) {
        const note = notes.find((candidate) => candidate.path === path);
        if (!note) throw new Error(`notes-memory: no note at ${path}`);
        return { text: note.text, path };
      },
    },
    promptBuilder: ({ availableTools }) =>
      availableTools.has("memory_search") ? ["Search notes with memory_search before answering about past work."] : [],
    flushPlanResolver: () => ({ softThresholdTokens: 4000, prompt: "Write durable notes.", model: "ollama/qwen3:8b" }),
    publicArtifacts: {
      listArtifacts: async () => notes.map((note) => ({ id: note.path, kind: "markdown", path: note.path })),
    },
  };
}

export default definePluginEntry({
  id: "notes-memory",
  name: "Notes Memory",
  description: "Keeps notes in memory and answers memory searches from them.",
  configSchema: buildJsonPluginConfigSchema<{ maxResults: number }>({
    type: "object",
    properties: { maxResults: { type: "integer", minimum: 1, default: 5 } },
    additionalProperties: false,
  }),
  register(api) {
    const notes: Note[] = [{ path: "notes/welcome.md", text: "Welcome to notes memory. Deploys happen on Fridays." }];
    api.registerMemoryCapability(createNotesCapability(notes, api.pluginConfig.maxResults ?? 5));
  },
});
