/**
 * The git source: `git:<repo>[@ref|#ref]`. The repository is cloned into the operation's scratch folder with the
 * `git` binary (no prompts), the ref checked out, and the work tree (without `.git`) staged through the directory
 * installer. Repo forms: `owner/repo` and `host/owner/repo` (https), `https://`, `ssh://`, `git://`, `file://` URLs
 * and `user@host:owner/repo.git`. The record keeps URL, requested ref and the resolved commit.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { installError } from "../failure.js";
import type { InstallSourceResolver, SourceContext, StagedSource } from "../installer-api.js";
import { copyPluginFolder } from "./local.js";

const execFileAsync = promisify(execFile);

/**
 * A parsed git spec.
 *
 * @example
 * ```ts
 * parseGitSpec("git:acme/weather@v1.2.0"); // { url: "https://github.com/acme/weather.git", ref: "v1.2.0" }
 * ```
 */
export function parseGitSpec(spec: string): { url: string; ref?: string } {
  let body = spec.replace(/^git:/, "").trim();
  let ref: string | undefined;
  const hash = body.lastIndexOf("#");
  if (hash >= 0) {
    ref = body.slice(hash + 1);
    body = body.slice(0, hash);
  } else {
    const at = body.lastIndexOf("@");
    if (at > body.lastIndexOf("/") && at > body.lastIndexOf(":")) {
      ref = body.slice(at + 1);
      body = body.slice(0, at);
    }
  }
  const bad = (why: string) =>
    installError("invalid-spec", `"${spec}" is not a usable git spec: ${why}.`, {
      source: spec,
      rule: "git specs are git:<repo>[@ref|#ref] with repo = owner/repo, host/owner/repo, an https/ssh/git/file URL or user@host:path",
      fix: "openclaw plugins install git:github.com/<owner>/<repo>@<tag>",
    });
  if (ref !== undefined && (ref === "" || ref.startsWith("-") || /[\s~^:?*[\\]/.test(ref))) throw bad(`the ref "${ref}" is not a valid git ref`);
  if (body === "" || body.startsWith("-")) throw bad("no repository");
  let url: string;
  if (/^(https?|ssh|git|file):\/\//.test(body)) url = body;
  else if (/^[\w.-]+@[\w.-]+:/.test(body)) url = body;
  else if (/^[\w.-]+\/[\w.-]+$/.test(body)) url = `https://github.com/${body.replace(/\.git$/, "")}.git`;
  else if (/^[\w.-]+\.[\w.-]+(:\d+)?\/[\w./-]+$/.test(body)) url = `https://${body.endsWith(".git") ? body : `${body}.git`}`;
  else throw bad("unrecognised repository form");
  return ref !== undefined ? { url, ref } : { url };
}

async function git(sctx: SourceContext, args: string[], cwd: string | undefined, spec: string): Promise<string> {
  try {
    const { stdout } = await execFileAsync(sctx.gitCommand, args, {
      ...(cwd ? { cwd } : {}),
      env: { ...sctx.env, GIT_TERMINAL_PROMPT: "0", GIT_ASKPASS: "", SSH_ASKPASS: "", GCM_INTERACTIVE: "never" },
      timeout: 300_000,
      maxBuffer: 4 * 1024 * 1024,
      ...(sctx.signal ? { signal: sctx.signal } : {}),
    });
    return stdout.trim();
  } catch (error) {
    const err = error as { code?: string; stderr?: string; message: string };
    if (err.code === "ENOENT") {
      throw installError("download-failed", `Cannot run ${sctx.gitCommand}: it is not installed or not on PATH.`, {
        source: spec,
        rule: "git installs clone with the git binary",
        fix: "install git, or install the plugin from npm or an archive",
      });
    }
    const detail = (err.stderr ?? err.message).trim().split("\n").slice(-3).join(" | ");
    const isRef = args[0] === "checkout";
    throw installError(isRef ? "source-not-found" : "download-failed", `git ${args[0]} failed for ${spec}: ${detail}`, {
      source: spec,
      rule: isRef ? "the requested ref must exist in the repository" : "git installs clone the repository without prompting",
      fix: isRef ? "check the branch, tag or commit name (git ls-remote <url>)" : "check the URL and your access (ssh keys / credentials helper)",
    });
  }
}

/**
 * Built-in resolver for `git:` specs.
 *
 * @example
 * ```ts
 * const staged = await gitSource().stage("git:file:///srv/repos/demo.git#v1", sctx);
 * staged.record.gitCommit; // "3f2c…"
 * ```
 */
export function gitSource(): InstallSourceResolver {
  return {
    kind: "git",
    matches: (spec) => spec.startsWith("git:"),
    async stage(spec, sctx): Promise<StagedSource> {
      if (sctx.request.pin) {
        throw installError("option-conflict", "--pin applies to npm installs only.", {
          source: spec,
          rule: "git installs are pinned by their ref",
          fix: `openclaw plugins install ${spec.replace(/[@#][^@#/]*$/, "")}@<tag-or-commit>`,
        });
      }
      if (sctx.request.link) {
        throw installError("option-conflict", "--link needs a local plugin folder, not a git repository.", {
          source: spec,
          rule: "--link adds an existing folder to plugins.load.paths",
          fix: `openclaw plugins install ${spec} (without --link)`,
        });
      }
      const { url, ref } = parseGitSpec(spec);
      const clone = join(sctx.scratchDir, "repo");
      sctx.progress({ phase: "download", status: "start", message: `git clone ${url}` });
      const started = performance.now();
      await git(sctx, ["clone", "--quiet", "--no-tags", "--", url, clone], undefined, spec);
      if (ref !== undefined) {
        await git(sctx, ["fetch", "--quiet", "--tags", "origin"], clone, spec);
        await git(sctx, ["checkout", "--quiet", "--detach", ref, "--"], clone, spec);
      }
      const commit = await git(sctx, ["rev-parse", "HEAD"], clone, spec);
      sctx.progress({ phase: "download", status: "end", elapsedMs: performance.now() - started });
      const dest = join(sctx.stagingDir, "plugin");
      await copyPluginFolder(clone, dest);
      const record: StagedSource["record"] = { spec: `git:${url}${ref !== undefined ? `#${ref}` : ""}`, gitUrl: url, gitCommit: commit };
      if (ref !== undefined) record.gitRef = ref;
      return { pluginDir: dest, source: "git", managedNpm: true, record };
    },
    async checkUpdate(record, spec, sctx) {
      const { url, ref } = parseGitSpec(spec);
      const out = await git(sctx, ["ls-remote", "--", url, ref ?? "HEAD"], undefined, spec);
      const lines = out.split("\n").filter(Boolean);
      // an annotated tag lists `<tag>^{}` with the commit it points to
      const peeled = lines.find((l) => l.endsWith("^{}")) ?? lines[0];
      const commit = peeled?.split(/\s+/)[0];
      if (!commit) return { upToDate: /^[0-9a-f]{7,40}$/i.test(ref ?? "") && record.gitCommit?.startsWith(ref ?? "") === true };
      return { upToDate: commit === record.gitCommit, targetVersion: commit };
    },
    updateSpec: (record) => record.spec ?? (record.gitUrl ? `git:${record.gitUrl}${record.gitRef ? `#${record.gitRef}` : ""}` : undefined),
  };
}
