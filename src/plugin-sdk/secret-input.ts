/**
 * Secret config values: literal strings or references to a secret provider.
 *
 * @packageDocumentation
 */

export { hasConfiguredSecretInput, isSecretRef } from "../infra/secret-ref.js";
export type { SecretDefaults, SecretInput, SecretRef, SecretRefSource } from "../infra/secret-ref.js";
