/**
 * Secret config values: literal strings or references to a secret provider.
 *
 * @packageDocumentation
 */

export { hasConfiguredSecretInput, isSecretRef } from "../infra/secret-ref.js";
export type { SecretInput, SecretRef, SecretRefSource } from "../infra/secret-ref.js";
