"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.verdict = verdict;
exports.renderTable = renderTable;
exports.percentile = percentile;
exports.median = median;
function verdict(row) {
    if (row.error)
        return 'FAIL';
    if (!row.target)
        return '—';
    if (row.target.max !== undefined && row.value > row.target.max)
        return 'FAIL';
    if (row.target.min !== undefined && row.value < row.target.min)
        return 'FAIL';
    return 'pass';
}
function formatValue(value) {
    if (!Number.isFinite(value))
        return String(value);
    if (Math.abs(value) >= 100)
        return value.toFixed(0);
    if (Math.abs(value) >= 10)
        return value.toFixed(1);
    return value.toFixed(2);
}
function formatTarget(target, unit) {
    if (!target)
        return '';
    const parts = [];
    if (target.min !== undefined)
        parts.push(`≥ ${formatValue(target.min)}`);
    if (target.max !== undefined)
        parts.push(`≤ ${formatValue(target.max)}`);
    return `${parts.join(' and ')} ${unit}`.trim();
}
/** A plain-text table, one row a line, readable in a terminal and in a CI log. */
function renderTable(rows) {
    const lines = rows.map((row) => [
        row.name,
        row.error ? `error: ${row.error}` : `${formatValue(row.value)} ${row.unit}`.trim(),
        [formatTarget(row.target, row.unit), row.targetNote].filter(Boolean).join(' '),
        verdict(row),
    ]);
    const header = ['benchmark', 'value', 'target', 'result'];
    const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => (line[column] ?? '').length)));
    const format = (cells) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
    return [format(header), widths.map((width) => '-'.repeat(width)).join('  '), ...lines.map(format)].join('\n');
}
/** Percentile by nearest rank, on a sorted copy. */
function percentile(values, fraction) {
    if (values.length === 0)
        return Number.NaN;
    const sorted = [...values].sort((a, b) => a - b);
    const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
    return sorted[rank] ?? Number.NaN;
}
/** The middle value; with an even count, the mean of the two middle ones. */
function median(values) {
    if (values.length === 0)
        return Number.NaN;
    const sorted = [...values].sort((a, b) => a - b);
    const middle = sorted.length >> 1;
    return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
//# sourceMappingURL=table.js.map