/**
 * Directory adapters (who and which groups a channel can reach): the entry shape, an empty adapter for channels
 * without a directory, and query/limit helpers.
 */
import type { OpenClawConfig } from "../contract/config.js";

/**
 * One user, group or channel in a channel directory.
 *
 * @example
 * ```ts
 * const entry: ChannelDirectoryEntry = { kind: "user", id: "42", name: "Ada" };
 * ```
 */
export interface ChannelDirectoryEntry {
  kind: "user" | "group" | "channel";
  id: string;
  name?: string;
  handle?: string;
  avatarUrl?: string;
  rank?: number;
  raw?: unknown;
}

/**
 * Parameters of a directory listing.
 *
 * @example
 * ```ts
 * const params: ChannelDirectoryListParams = { cfg, accountId: "default", query: "ad", limit: 10 };
 * ```
 */
export interface ChannelDirectoryListParams {
  cfg: OpenClawConfig;
  accountId?: string | null;
  query?: string | null;
  limit?: number | null;
  [key: string]: unknown;
}

/**
 * A channel's directory adapter (`ChannelPlugin.directory`).
 *
 * @example
 * ```ts
 * const directory: ChannelDirectoryAdapter = { listPeers: async () => [{ kind: "user", id: "42" }] };
 * ```
 */
export interface ChannelDirectoryAdapter {
  self?: (params: ChannelDirectoryListParams) => Promise<ChannelDirectoryEntry | null>;
  listPeers?: (params: ChannelDirectoryListParams) => Promise<ChannelDirectoryEntry[]>;
  listPeersLive?: (params: ChannelDirectoryListParams) => Promise<ChannelDirectoryEntry[]>;
  listGroups?: (params: ChannelDirectoryListParams) => Promise<ChannelDirectoryEntry[]>;
  listGroupsLive?: (params: ChannelDirectoryListParams) => Promise<ChannelDirectoryEntry[]>;
  listGroupMembers?: (params: ChannelDirectoryListParams & { groupId: string }) => Promise<ChannelDirectoryEntry[]>;
}

/**
 * A directory adapter that knows nobody: `self` is `null`, every list is empty.
 *
 * @example
 * ```ts
 * const plugin = { …, directory: createEmptyChannelDirectoryAdapter() };
 * ```
 */
export function createEmptyChannelDirectoryAdapter(): ChannelDirectoryAdapter {
  return {
    self: async () => null,
    listPeers: async () => [],
    listGroups: async () => [],
  };
}

/**
 * Ids filtered case-insensitively by `query` (substring) and cut to a positive `limit`.
 *
 * @example
 * ```ts
 * applyDirectoryQueryAndLimit(["ada", "bob"], { query: "A", limit: 5 }); // ["ada"]
 * ```
 */
export function applyDirectoryQueryAndLimit(ids: string[], params: { query?: string | null; limit?: number | null }): string[] {
  const query = params.query?.trim().toLowerCase();
  const filtered = query ? ids.filter((id) => id.toLowerCase().includes(query)) : ids;
  const limit = params.limit;
  return typeof limit === "number" && Number.isFinite(limit) && limit > 0 ? filtered.slice(0, Math.floor(limit)) : filtered;
}

/**
 * Ids as directory entries of one kind.
 *
 * @example
 * ```ts
 * toDirectoryEntries("group", ["g1"]); // [{ kind: "group", id: "g1" }]
 * ```
 */
export function toDirectoryEntries(kind: "user" | "group", ids: string[]): ChannelDirectoryEntry[] {
  return ids.map((id) => ({ kind, id }));
}
