/**
 * One line of the benchmark table. A target is a bound the value must stay within; a row without one is
 * information (shown, never failing).
 */
export interface BenchTarget {
  max?: number;
  min?: number;
}

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  target?: BenchTarget;
  /** Words that go with the target (a condition, an alternative), shown after it. */
  targetNote?: string;
  /** Why a row could not be measured; its value is then meaningless. */
  error?: string;
}

export function verdict(row: BenchRow): 'pass' | 'FAIL' | '—' {
  if (row.error) return 'FAIL';
  if (!row.target) return '—';
  if (row.target.max !== undefined && row.value > row.target.max) return 'FAIL';
  if (row.target.min !== undefined && row.value < row.target.min) return 'FAIL';
  return 'pass';
}

function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function formatTarget(target: BenchTarget | undefined, unit: string): string {
  if (!target) return '';
  const parts: string[] = [];
  if (target.min !== undefined) parts.push(`≥ ${formatValue(target.min)}`);
  if (target.max !== undefined) parts.push(`≤ ${formatValue(target.max)}`);
  return `${parts.join(' and ')} ${unit}`.trim();
}

/** A plain-text table, one row a line, readable in a terminal and in a CI log. */
export function renderTable(rows: readonly BenchRow[]): string {
  const lines = rows.map((row) => [
    row.name,
    row.error ? `error: ${row.error}` : `${formatValue(row.value)} ${row.unit}`.trim(),
    [formatTarget(row.target, row.unit), row.targetNote].filter(Boolean).join(' '),
    verdict(row),
  ]);
  const header = ['benchmark', 'value', 'target', 'result'];
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => (line[column] ?? '').length)));
  const format = (cells: readonly string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
  return [format(header), widths.map((width) => '-'.repeat(width)).join('  '), ...lines.map(format)].join('\n');
}

/** Percentile by nearest rank, on a sorted copy. */
export function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** The middle value; with an even count, the mean of the two middle ones. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
