/**
 * Build entry for `dist/cli/operator-deps.cjs`: the third-party packages only the operator commands use (install,
 * update, uninstall, the state lock), bundled by tsup into one CommonJS file with their own dependencies. They are
 * devDependencies, so a plugin author's `npm install openclaw` does not install them (≈ 7 MB of packages for ≈ 0.3 MB
 * of bundled code); `loadOperatorDependency` (./load-operator-dependency.ts) reads them from this file. Never
 * imported by source code: only tsup builds it (see tsup.config.ts).
 */
/* eslint-disable @typescript-eslint/no-require-imports */
export const tar = require("tar") as typeof import("tar");
export const yauzl = require("yauzl") as typeof import("yauzl");
export const npmPackageArg = require("npm-package-arg") as unknown;
export const semver = require("semver") as typeof import("semver");
export const properLockfile = require("proper-lockfile") as typeof import("proper-lockfile");
