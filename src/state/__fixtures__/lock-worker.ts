/**
 * A separate process for the state-lock tests. Modes:
 * - `count <stateDir> <n>`: n times, under the lock: log enter, read counter, wait, write counter + 1, log exit.
 * - `hold <stateDir> <staleMs>`: take the lock, print "locked", then hang until killed.
 */
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { withStateLock } from "../state-lock.js";

const [mode, stateDir, arg] = process.argv.slice(2);
if (mode === "count") {
  const counter = join(stateDir!, "counter.txt");
  const log = join(stateDir!, "log.txt");
  for (let i = 0; i < Number(arg); i += 1) {
    await withStateLock(stateDir!, async () => {
      appendFileSync(log, `enter ${process.pid}\n`);
      const value = Number(readFileSync(counter, "utf8"));
      await new Promise((done) => setTimeout(done, 3));
      writeFileSync(counter, String(value + 1));
      appendFileSync(log, `exit ${process.pid}\n`);
    }, { command: `count ${process.pid}` });
  }
} else if (mode === "hold") {
  await withStateLock(stateDir!, async () => {
    process.stdout.write("locked\n");
    await new Promise(() => setInterval(() => {}, 1000));
  }, { staleMs: Number(arg), command: "plugins install held" });
}
