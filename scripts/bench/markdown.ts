/** Shared pieces of the benchmarks: markdown tables and medians. */

/** A markdown table with right-aligned numeric-looking cells. */
export function markdownTable(header: string[], rows: string[][]): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => (row[i] ?? "").length)));
  const numeric = (cell: string) => /^[-+]?[\d.,]+( ?[a-zA-Z%/]+)?$/.test(cell);
  const line = (row: string[]) =>
    `| ${row.map((cell, i) => (numeric(cell) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join(" | ")} |`;
  return [line(header), `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`, ...rows.map(line)].join("\n");
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}

/** "yes"/"NO" against a target, for the target-vs-measured column. */
export function verdict(ok: boolean): string {
  return ok ? "yes" : "NO";
}
