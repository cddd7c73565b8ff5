/**
 * Looks up executables on PATH (setup tooling). Node built-ins only.
 */
import { accessSync, constants, statSync } from "node:fs";
import { delimiter, isAbsolute, join } from "node:path";

/**
 * The absolute path of executable `name` on `PATH` (Windows: with `PATHEXT` extensions), or `undefined`.
 * A name containing a path separator is checked as given.
 *
 * @example
 * ```ts
 * if (!detectBinary("ffmpeg")) console.warn("install ffmpeg for voice notes");
 * ```
 */
export function detectBinary(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (typeof name !== "string" || name.trim() === "") return undefined;
  const isWindows = process.platform === "win32";
  const extensions = isWindows ? (env.PATHEXT ?? ".EXE;.CMD;.BAT;.COM").split(";").filter(Boolean) : [""];
  const candidates = (dir: string) => extensions.map((ext) => join(dir, `${name}${ext}`));
  const paths = isAbsolute(name) || name.includes("/") || name.includes("\\")
    ? [name]
    : (env.PATH ?? env.Path ?? "").split(delimiter).filter(Boolean).flatMap(candidates);
  for (const candidate of paths) {
    try {
      if (!statSync(candidate).isFile()) continue;
      accessSync(candidate, isWindows ? constants.F_OK : constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}
