/**
 * The contract examples compile against the **packed** package (npm-installed tarball, skipLibCheck false, NodeNext)
 * and the compiled tool plugin exposes its metadata to the package's `getToolPluginMetadata`, as
 * `openclaw plugins build` reads it.
 */
import { execFileSync } from "node:child_process";
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConsumerProject } from "../../scripts/lib/consumer-project.js";
import { repoRoot } from "../../scripts/lib/entrypoints.js";
import { packPackage } from "../../scripts/lib/pack.js";

const EXAMPLES = ["tool-plugin", "channel-plugin", "provider-plugin", "hook-only-plugin", "memory-plugin"];
const workDir = join(repoRoot, "test", ".tmp", `examples-packed-${process.pid}`);
const projectDir = join(workDir, "project");

beforeAll(() => {
  rmSync(workDir, { recursive: true, force: true });
  createConsumerProject(projectDir, packPackage(join(workDir, "pack")));
  for (const name of EXAMPLES) {
    cpSync(join(repoRoot, "examples", name, "src"), join(projectDir, "examples", name, "src"), { recursive: true });
    cpSync(join(repoRoot, "examples", name, "openclaw.plugin.json"), join(projectDir, "examples", name, "openclaw.plugin.json"));
  }
  writeFileSync(
    join(projectDir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        skipLibCheck: false,
        module: "NodeNext",
        moduleResolution: "NodeNext",
        target: "ES2022",
        lib: ["ES2023"],
        types: ["node"],
        typeRoots: [join(repoRoot, "node_modules", "@types")],
        verbatimModuleSyntax: true,
        outDir: "out",
        rootDir: "examples",
      },
      include: ["examples"],
    }),
  );
}, 300_000);

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

describe("examples against the packed package", () => {
  it("compile with skipLibCheck false", () => {
    let output = "";
    let status = 0;
    try {
      output = execFileSync(process.execPath, [join(repoRoot, "node_modules", "typescript", "lib", "tsc.js"), "-p", "tsconfig.json"], {
        cwd: projectDir,
        encoding: "utf8",
      });
    } catch (error) {
      const failure = error as { status: number; stdout: string; stderr: string };
      status = failure.status;
      output = `${failure.stdout}${failure.stderr}`;
    }
    expect(output).toBe("");
    expect(status).toBe(0);
  });

  it("the compiled tool plugin's metadata matches its manifest", () => {
    const script = [
      'import { getToolPluginMetadata } from "openclaw/plugin-sdk/tool-plugin";',
      'const mod = await import("./out/tool-plugin/src/index.js");',
      "const meta = getToolPluginMetadata(mod);",
      "console.log(JSON.stringify({ tools: meta.tools.map((t) => t.name), activation: meta.activation, configSchema: meta.configSchema }));",
    ].join("\n");
    writeFileSync(join(projectDir, "read-meta.mjs"), script);
    const printed = JSON.parse(execFileSync(process.execPath, ["read-meta.mjs"], { cwd: projectDir, encoding: "utf8" }));
    const manifest = JSON.parse(readFileSync(join(repoRoot, "examples", "tool-plugin", "openclaw.plugin.json"), "utf8"));
    expect(printed.tools).toEqual(manifest.contracts.tools);
    expect(printed.activation).toEqual(manifest.activation);
    expect(printed.configSchema).toEqual(manifest.configSchema);
  });
});
