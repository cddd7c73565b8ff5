/**
 * Read access to the gateway's session store from a plugin: one session's entry (`getSessionEntry`), when it was
 * last updated, every entry, and the default store path of an agent. Node-only (reads the store file).
 *
 * @packageDocumentation
 */

export { getSessionEntry, listSessionEntries, loadSessionStore, readSessionUpdatedAt, resolveDefaultSessionStorePath } from "../session-store/session-store.js";
export type { SessionStoreEntry, SessionStoreReadParams } from "../session-store/session-store.js";
