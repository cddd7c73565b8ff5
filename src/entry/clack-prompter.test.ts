import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { WizardCancelledError, createClackPrompter } from "./clack-prompter.js";

function terminal(answers: string[]) {
  const input = new PassThrough();
  const output = new PassThrough();
  let written = "";
  output.on("data", (chunk: Buffer) => (written += chunk.toString()));
  input.end(answers.map((a) => `${a}\n`).join(""));
  return { input, output, written: () => written };
}

describe("createClackPrompter", () => {
  it("asks text (re-asking while invalid), confirm, select and multiselect from input lines", async () => {
    const t = terminal(["", "tok", "maybe", "y", "3", "2", "1,3"]);
    const prompter = createClackPrompter(t.output, undefined, t.input);
    await prompter.intro("Setup");
    const token = await prompter.text({ message: "Token", validate: (v) => (v ? undefined : "required") });
    const ok = await prompter.confirm({ message: "Continue?" });
    const options = [{ value: "a", label: "A" }, { value: "b", label: "B", hint: "second" }];
    const one = await prompter.select({ message: "Pick", options });
    const many = await prompter.multiselect({ message: "Pick many", options: [...options, { value: "c", label: "C" }] });
    await prompter.outro("done");
    expect([token, ok, one, many]).toEqual(["tok", true, "b", ["a", "c"]]);
    expect(t.written()).toContain("required");
    expect(t.written()).toContain("Answer y or n.");
    expect(t.written()).toContain("Enter a number from 1 to 2.");
    expect(t.written()).toContain("2) B — second");
  });

  it("uses initial values on an empty answer", async () => {
    const t = terminal(["", "", ""]);
    const prompter = createClackPrompter(t.output, undefined, t.input);
    expect(await prompter.text({ message: "Name", initialValue: "bot" })).toBe("bot");
    expect(await prompter.confirm({ message: "Ok?", initialValue: false })).toBe(false);
    expect(await prompter.select({ message: "Pick", options: [{ value: 1, label: "one" }, { value: 2, label: "two" }], initialValue: 2 })).toBe(2);
  });

  it("ends with WizardCancelledError when input ends or the signal aborts", async () => {
    const t = terminal([]);
    await expect(createClackPrompter(t.output, undefined, t.input).text({ message: "Token" })).rejects.toBeInstanceOf(WizardCancelledError);
    const input = new PassThrough();
    const controller = new AbortController();
    const pending = createClackPrompter(new PassThrough(), controller.signal, input).text({ message: "Token" });
    setTimeout(() => controller.abort(), 10);
    await expect(pending).rejects.toThrow("setup cancelled");
    input.end();
  });
});
