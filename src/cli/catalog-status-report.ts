/** The catalog CLI's `sync-status` and `attention` output. Pure string building. */
import type { AttentionItem } from '../domain/catalog/person-identity';
import type { SyncReport } from '../domain/catalog/sync-report';
import { STATE_LABELS } from './catalog-report';

export function formatSyncStatus(report: SyncReport | undefined): string {
  if (!report) return 'No catalog sync has run yet (set CATALOG_SYNC_SOURCE to sync on a schedule).\n';
  const out = [
    `Last catalog sync: ${report.startedAt} (finished ${report.finishedAt}, instance ${report.instance})`,
    `Source: ${report.source}`,
    `Outcome: ${report.outcome === 'ok' ? 'ok' : `failed: ${report.error ?? 'unknown error'}`}`,
  ];
  if (report.outcome === 'ok') {
    const c = report.counts;
    out.push(
      ...[
        ['added', c.added],
        ['updated', c.updated],
        ['unchanged', c.unchanged],
        ['rejected', c.rejected],
        ['attention', c.attention],
      ].map(([label, n]) => `  ${String(label).padEnd(10)}${n}`),
    );
  }
  if (report.rejected.length > 0) {
    out.push('', 'Rejected rows:');
    for (const r of report.rejected) out.push(`  line ${r.line}${r.id ? ` (id "${r.id}")` : ''}: ${r.reasons.join('; ')}`);
  }
  if (report.attention.length > 0) {
    out.push('', 'People to look at:');
    for (const a of report.attention)
      out.push(`  line ${a.line} (id "${a.solutionId}"): ${a.role} ${a.email || a.displayName}: ${STATE_LABELS[a.state] ?? a.state}`);
  }
  if (report.warnings.length > 0) {
    out.push('', 'Warnings:');
    for (const w of report.warnings) out.push(`  line ${w.line} (id "${w.id}"): ${w.messages.join('; ')}`);
  }
  return `${out.join('\n')}\n`;
}

export function formatAttention(items: readonly AttentionItem[]): string {
  if (items.length === 0) return 'Everyone the catalog names can be reached.\n';
  const lines = items.map(
    (a) => `  ${a.solutionId} (${a.solutionName}): ${a.role} ${a.email || a.displayName}: ${STATE_LABELS[a.state] ?? a.state}`,
  );
  return `${items.length} ${items.length === 1 ? 'person needs' : 'people need'} attention:\n${lines.join('\n')}\n`;
}
