/**
 * The contract examples compile against the **packed** package (npm-installed tarball, skipLibCheck false, NodeNext)
 * and the compiled tool plugin exposes its metadata to the package's `getToolPluginMetadata`, as
 * `openclaw plugins build` reads it.
 */
import { execFileSync } from "node:child_process";
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConsumerProject } from "../../scripts/lib/consumer-project.js";
import { repoRoot } from "../../scripts/lib/entrypoints.js";
import { packPackage } from "../../scripts/lib/pack.js";

const EXAMPLES = ["tool-plugin", "channel-plugin", "provider-plugin", "hook-only-plugin", "memory-plugin", "ping-channel"];
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

  it("the compiled ping-channel passes the packed binary's plugins validate; without its setup entry it fails, naming the field", () => {
    // The compiled example as an installed plugin folder: built JS entries, the manifest, package.json#openclaw.
    const plugin = join(projectDir, "plugins", "ping-channel");
    cpSync(join(projectDir, "out", "ping-channel", "src"), join(plugin, "dist"), { recursive: true });
    cpSync(join(repoRoot, "examples", "ping-channel", "openclaw.plugin.json"), join(plugin, "openclaw.plugin.json"));
    writeFileSync(
      join(plugin, "package.json"),
      JSON.stringify({ name: "ping-channel", version: "1.0.0", type: "module", openclaw: { extensions: ["./dist/index.js"], setupEntry: "./dist/setup-entry.js" } }),
    );
    const state = join(workDir, "state");
    mkdirSync(state, { recursive: true });
    const validate = () =>
      spawnSync(join(projectDir, "node_modules", ".bin", "openclaw"), ["plugins", "validate", "--json"], {
        cwd: plugin,
        encoding: "utf8",
        env: { ...process.env, OPENCLAW_STATE_DIR: state, OPENCLAW_CONFIG_PATH: join(state, "openclaw.json"), NO_COLOR: "1" },
      });
    const ok = validate();
    expect(JSON.parse(ok.stdout).diagnostics.filter((d: { level: string }) => d.level !== "info"), ok.stderr).toEqual([]);
    expect(ok.status).toBe(0);
    rmSync(join(plugin, "dist", "setup-entry.js"));
    const missing = validate();
    expect(missing.status).toBe(1);
    const error = (JSON.parse(missing.stdout).diagnostics as Array<{ code: string; path: string; message: string }>).find((d) => d.path === "openclaw.setupEntry");
    expect(error).toMatchObject({ code: "entry-not-found" });
    expect(error?.message).toContain('"./dist/setup-entry.js" does not exist');
  });
});
