/**
 * A terminal `WizardPrompter` for setup wizards (`createClackPrompter`), on Node's own `readline`: line-based
 * prompts that work in any terminal and in piped input. `node:readline` loads on the first prompt, not at import.
 */
import type { WizardPrompter } from "../contract/channel.js";

/**
 * Raised when the user cancels a prompt (Ctrl-C / Ctrl-D, end of input, or the abort signal).
 *
 * @example
 * ```ts
 * try { await prompter.text({ message: "Token" }); } catch (error) { if (error instanceof WizardCancelledError) process.exit(1); }
 * ```
 */
export class WizardCancelledError extends Error {
  constructor(message = "setup cancelled") {
    super(message);
    this.name = "WizardCancelledError";
  }
}

interface LineSource {
  ask(question: string): Promise<string>;
  close(): void;
}

/**
 * Creates a terminal prompter. `output` defaults to `process.stdout` (input is `process.stdin`); `signal` aborts a
 * pending prompt with `WizardCancelledError`. Choices of `select` / `multiselect` are answered by number
 * (`multiselect`: comma-separated numbers, empty keeps `initialValues`); `confirm` takes y/n; `text` re-asks
 * while `validate` returns a message.
 *
 * @example
 * ```ts
 * const prompter = createClackPrompter();
 * const token = await prompter.text({ message: "Bot token", validate: (v) => (v ? undefined : "required") });
 * ```
 */
export function createClackPrompter(
  output: NodeJS.WritableStream = process.stdout,
  signal?: AbortSignal,
  input: NodeJS.ReadableStream = process.stdin,
): WizardPrompter {
  let source: Promise<LineSource> | undefined;
  const lines = (): Promise<LineSource> =>
    (source ??= import("node:readline").then(({ createInterface }) => {
      const rl = createInterface({ input, output, terminal: false });
      const queued: string[] = [];
      const waiting: Array<{ resolve: (line: string) => void; reject: (error: Error) => void }> = [];
      let ended = false;
      rl.on("line", (line) => {
        const next = waiting.shift();
        if (next) next.resolve(line);
        else queued.push(line);
      });
      rl.on("close", () => {
        ended = true;
        for (const next of waiting.splice(0)) next.reject(new WizardCancelledError("setup cancelled (input ended)"));
      });
      return {
        ask(question: string): Promise<string> {
          output.write(question);
          if (signal?.aborted) return Promise.reject(new WizardCancelledError());
          const line = queued.shift();
          if (line !== undefined) return Promise.resolve(line);
          if (ended) return Promise.reject(new WizardCancelledError("setup cancelled (input ended)"));
          return new Promise((resolve, reject) => {
            const onAbort = () => reject(new WizardCancelledError());
            signal?.addEventListener("abort", onAbort, { once: true });
            waiting.push({
              resolve: (value) => {
                signal?.removeEventListener("abort", onAbort);
                resolve(value);
              },
              reject,
            });
          });
        },
        close: () => rl.close(),
      };
    }));
  const ask = async (question: string) => (await lines()).ask(question);
  const write = (text: string) => {
    output.write(`${text}\n`);
  };
  const choose = async <T>(message: string, options: Array<{ value: T; label: string; hint?: string }>, multiple: boolean, initial: T[]) => {
    if (options.length === 0) throw new TypeError(`prompt "${message}": no options to choose from.`);
    write(message);
    options.forEach((option, index) => {
      const mark = initial.includes(option.value) ? "*" : " ";
      write(` ${mark}${index + 1}) ${option.label}${option.hint ? ` — ${option.hint}` : ""}`);
    });
    for (;;) {
      const answer = (await ask(multiple ? "Numbers (comma-separated): " : "Number: ")).trim();
      if (answer === "" && initial.length > 0) return initial;
      const picks = answer.split(",").map((part) => Number(part.trim()));
      if (picks.length > 0 && picks.every((n) => Number.isInteger(n) && n >= 1 && n <= options.length) && (multiple || picks.length === 1)) {
        return picks.map((n) => options[n - 1]!.value);
      }
      write(`Enter ${multiple ? "numbers" : "a number"} from 1 to ${options.length}.`);
    }
  };
  return {
    intro: async (title) => write(`┌ ${title}`),
    outro: async (message) => {
      write(`└ ${message}`);
      if (source) (await source).close();
    },
    note: async (message, title) => write(title ? `│ ${title}\n│ ${message.split("\n").join("\n│ ")}` : `│ ${message}`),
    text: async ({ message, initialValue, placeholder, validate }) => {
      for (;;) {
        const hint = initialValue ? ` (${initialValue})` : placeholder ? ` (e.g. ${placeholder})` : "";
        const raw = await ask(`${message}${hint}: `);
        const value = raw === "" && initialValue !== undefined ? initialValue : raw;
        const problem = validate?.(value);
        if (!problem) return value;
        write(problem);
      }
    },
    confirm: async ({ message, initialValue }) => {
      for (;;) {
        const answer = (await ask(`${message} ${initialValue === false ? "(y/N)" : initialValue === true ? "(Y/n)" : "(y/n)"}: `)).trim().toLowerCase();
        if (answer === "" && initialValue !== undefined) return initialValue;
        if (answer === "y" || answer === "yes") return true;
        if (answer === "n" || answer === "no") return false;
        write("Answer y or n.");
      }
    },
    select: async ({ message, options, initialValue }) =>
      (await choose(message, options, false, initialValue === undefined ? [] : [initialValue]))[0]!,
    multiselect: async ({ message, options, initialValues }) => choose(message, options, true, initialValues ?? []),
    progress: (label) => {
      write(`◇ ${label}`);
      return { update: (message) => write(`│ ${message}`), stop: (message) => write(`◆ ${message ?? label}`) };
    },
  };
}
