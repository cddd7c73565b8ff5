/** Rewrites the config through updateOpenClawConfig forever (generation n: 2000 entries all with value n); prints "ready" after 3. */
import { updateOpenClawConfig } from "../config-writer.js";

const [configPath] = process.argv.slice(2);
for (let generation = 1; ; generation += 1) {
  await updateOpenClawConfig({ configPath: configPath! }, (draft) => {
    const entries: Record<string, unknown> = {};
    for (let i = 0; i < 2000; i += 1) entries[`plugin-${i}`] = { enabled: true, config: { generation, pad: "x".repeat(40) } };
    draft.plugins = { entries };
  }, { env: {} });
  if (generation === 3) process.stdout.write("ready\n");
}
