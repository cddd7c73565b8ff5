/**
 * API reports: runs @microsoft/api-extractor once per public subpath of the manifest over the tsc declarations in
 * dist/, producing api-reports/<subpath>.api.md. One TypeScript program is shared by every run.
 *
 * Usage: tsx scripts/api-report.ts --check   (CI: fail when a report would change, is missing or is stale)
 *        tsx scripts/api-report.ts --update  (rewrite the reports after a deliberate API change)
 * Needs a build first (pnpm build).
 */
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import {
  CompilerState,
  Extractor,
  ExtractorConfig,
  ExtractorLogLevel,
  type ExtractorMessage,
  type IConfigFile,
} from "@microsoft/api-extractor";
import { builtFilesOf, publicSubpaths, repoRoot } from "./lib/entrypoints.js";

const baseConfigFile = join(repoRoot, "etc/api-extractor.base.json");
const reportFolder = join(repoRoot, "api-reports");

/** Report file name of a subpath (the root barrel `index` gives index.api.md). */
export function reportFileOf(subpath: string): string {
  return `${subpath}.api.md`;
}

function configFor(base: IConfigFile, subpath: string): ExtractorConfig {
  const configObject: IConfigFile = {
    ...base,
    mainEntryPointFilePath: join(repoRoot, builtFilesOf(subpath).dts),
    apiReport: { ...base.apiReport, enabled: true, reportFileName: subpath },
  };
  return ExtractorConfig.prepare({
    configObject,
    configObjectFullPath: baseConfigFile,
    packageJsonFullPath: join(repoRoot, "package.json"),
  });
}

function main(): void {
  const update = process.argv.includes("--update");
  if (!update && !process.argv.includes("--check")) {
    console.error("Usage: tsx scripts/api-report.ts --check | --update");
    process.exit(2);
  }
  const subpaths = publicSubpaths();
  const missing = subpaths.filter((subpath) => !existsSync(join(repoRoot, builtFilesOf(subpath).dts)));
  if (missing.length > 0) {
    console.error(`No declarations for ${missing.map((s) => builtFilesOf(s).dts).join(", ")}. Run pnpm build first.`);
    process.exit(1);
  }

  const base = ExtractorConfig.loadFile(baseConfigFile);
  const configs = subpaths.map((subpath) => ({ subpath, config: configFor(base, subpath) }));
  const first = configs[0];
  if (!first) {
    console.error("scripts/lib/plugin-sdk-entrypoints.json lists no public subpath.");
    process.exit(1);
  }
  const compilerState = CompilerState.create(first.config, {
    additionalEntryPoints: configs.map(({ config }) => config.mainEntryPointFilePath),
  });

  const failures: string[] = [];
  for (const { subpath, config } of configs) {
    const problems: string[] = [];
    const result = Extractor.invoke(config, {
      localBuild: update,
      compilerState,
      showVerboseMessages: false,
      messageCallback(message: ExtractorMessage) {
        const serious = message.logLevel === ExtractorLogLevel.Error || message.logLevel === ExtractorLogLevel.Warning;
        // console-* messages only narrate the report copy (missing/changed/created); `apiReportChanged` covers them.
        if (serious && !String(message.messageId).startsWith("console-")) {
          problems.push(`  ${message.logLevel} ${message.messageId}: ${message.formatMessageWithLocation(repoRoot)}`);
        }
        // Printed below, grouped per subpath.
        message.handled = true;
      },
    });
    const changed = result.apiReportChanged && !update;
    const ok = problems.length === 0 && !changed;
    console.log(`${ok ? "ok  " : "FAIL"} ${subpath} → api-reports/${reportFileOf(subpath)}${update && result.apiReportChanged ? " (updated)" : ""}`);
    for (const problem of problems) console.log(problem);
    if (changed) failures.push(`${subpath}: api-reports/${reportFileOf(subpath)} is out of date (or missing)`);
    if (problems.length > 0) {
      failures.push(
        `${subpath}: ${problems.length} api-extractor problem(s) — an ae-forgotten-export means a type in a ` +
          `public signature is not exported from src/plugin-sdk/${subpath}.ts: export it there`,
      );
    }
  }

  const expected = new Set(subpaths.map(reportFileOf));
  const stale = existsSync(reportFolder)
    ? readdirSync(reportFolder).filter((file) => file.endsWith(".api.md") && !expected.has(file))
    : [];
  for (const file of stale) {
    if (update) {
      rmSync(join(reportFolder, file));
      console.log(`removed stale api-reports/${file}`);
    } else {
      failures.push(`api-reports/${file} belongs to no public subpath`);
    }
  }

  if (failures.length > 0) {
    console.error(`\n${failures.join("\n")}`);
    console.error(update ? "\nFix the errors above and run pnpm api:update again." : "\nrun pnpm api:update and commit api-reports/ (after fixing any error above).");
    process.exit(1);
  }
  console.log(`\n${subpaths.length} API report(s) ${update ? "written" : "match"}.`);
}

main();
