/** Plain-text rendering of the report: the table, the per-round figures, the machine. */
import type { Collected, Row, Side } from './summary.js';

export function formatNumber(v: number | string | null): string {
  if (v === null) return '—';
  if (typeof v === 'string') return v;
  if (Math.abs(v) >= 1000) return Math.round(v).toLocaleString('en-US');
  return String(Number(v.toPrecision(3)));
}

export function renderTable(rows: readonly Row[]): string {
  const head = ['metric', 'ceiling (median)', 'gateway (median)', 'gateway ÷ ceiling', 'target', 'pass'];
  const cells = rows.map((r) => [
    r.metric,
    formatNumber(r.ceiling),
    formatNumber(r.gateway),
    r.ratio === null ? '—' : r.ratio.toFixed(3),
    r.target,
    r.pass === null ? (r.target.startsWith('≥') || r.target.startsWith('≤') ? 'n/a' : '') : r.pass ? 'yes' : 'NO',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]): string => `| ${c.map((x, i) => (i === 0 || i >= 4 ? x.padEnd(widths[i]!) : x.padStart(widths[i]!))).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}

/** Every metric of every scenario, per round, both sides: the figures behind the medians. */
export function renderRounds(c: Collected): string {
  const out: string[] = [];
  const labels = [...new Set([...Object.keys(c.runs.ceiling), ...Object.keys(c.runs.gateway)])];
  for (const label of labels) {
    const metrics = new Set<string>();
    for (const side of ['ceiling', 'gateway'] as Side[]) for (const r of c.runs[side][label] ?? []) for (const m of Object.keys(r.metrics)) metrics.add(m);
    for (const m of metrics) {
      const per = (side: Side): string => (c.runs[side][label] ?? []).map((r) => formatNumber(r.metrics[m] ?? null)).join(' ');
      out.push(`  ${`${label}.${m}`.padEnd(40)} ceiling: ${per('ceiling').padEnd(34)} gateway: ${per('gateway')}`);
    }
  }
  return out.join('\n');
}
