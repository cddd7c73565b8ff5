/**
 * Plain-text tables for human output. Cells are padded by their visible width (ANSI colour codes do not count).
 */

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

function width(text: string): number {
  return text.replace(ANSI, "").length;
}

/**
 * Renders `rows` under `headers`, columns separated by two spaces, a dashed rule under the header.
 *
 * @example
 * ```ts
 * renderTable(["id", "shape"], [["demo", "non-capability"]]);
 * // "id    shape\n----  --------------\ndemo  non-capability"
 * ```
 */
export function renderTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = headers.map((header, column) =>
    Math.max(width(header), ...rows.map((row) => width(row[column] ?? ""))),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell + " ".repeat((widths[column] ?? 0) - width(cell))))
      .join("  ")
      .trimEnd();
  return [line(headers), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
