/** Human-readable import reports for the catalog CLI. Pure string building. */
import type { FileSource } from '../domain/catalog/header-mapping';
import type { ImportPlan } from '../domain/catalog/import-plan';
import type { RecordField } from '../domain/catalog/solution-record';
import type { ImportReport } from '../services/catalog/catalog-service';

const SOURCE_LABELS: Readonly<Record<FileSource, string>> = {
  canonical: 'canonical catalog',
  'coe-apps': 'CoE Starter Kit app inventory',
  'coe-flows': 'CoE Starter Kit flow inventory',
  'coe-bots': 'CoE Starter Kit chatbot inventory',
};

const FIELD_LABELS: Readonly<Record<RecordField, string>> = {
  name: 'name',
  kind: 'kind',
  environment: 'environment',
  tier: 'tier',
  maker: 'maker',
  coOwners: 'co-owners',
  supportChannel: 'support channel',
  businessUnit: 'business unit',
  dataSources: 'data sources',
  workarounds: 'workarounds',
  status: 'status',
  manager: 'manager',
  usage: 'usage figures',
};

const ROLE_LABELS = { maker: 'maker', 'co-owner': 'co-owner', manager: 'manager' } as const;

export const STATE_LABELS: Readonly<Record<string, string>> = {
  pending: 'not looked up in Microsoft Graph yet (no directory configured, or it did not answer)',
  'not-found': 'not found in Microsoft Entra ID (check the email or UPN)',
  disabled: 'account disabled in Microsoft Entra ID (has the person left?)',
};

/** Changes listed one by one in a real import; a dry run lists them all. */
const LISTED_CHANGES = 20;

export interface ReportContext {
  readonly file: string;
  readonly source: FileSource;
  readonly ignoredColumns: readonly string[];
  readonly partial: boolean;
  readonly dryRun: boolean;
}

export function formatImportReport(report: ImportReport, context: ReportContext): string {
  const { plan } = report;
  const total = plan.added.length + plan.updated.length + plan.unchanged.length + plan.rejected.length;
  const out: string[] = [`${context.dryRun ? 'Dry run: ' : ''}${context.file} (${SOURCE_LABELS[context.source]}, ${total} rows)`];
  if (context.ignoredColumns.length > 0) {
    const shown = context.ignoredColumns.slice(0, 8).join(', ');
    const more = context.ignoredColumns.length > 8 ? ` and ${context.ignoredColumns.length - 8} more` : '';
    out.push(`Ignored columns: ${shown}${more}`);
  }
  out.push(...counts(plan));

  if (plan.rejected.length > 0) {
    out.push('', 'Rejected rows:');
    for (const row of plan.rejected) {
      out.push(`  line ${row.line}${row.id ? ` (id "${row.id}")` : ''}: ${row.reasons.join('; ')}`);
    }
  }
  if (report.attention.length > 0) {
    out.push('', `People to look at (imported, but the bot cannot reach them; ${report.attention.length}):`);
    for (const item of report.attention.slice(0, context.dryRun ? Infinity : 50)) {
      out.push(
        `  line ${item.line} (id "${item.solutionId}"): ${ROLE_LABELS[item.role]} ${item.email || item.displayName}: ${STATE_LABELS[item.state] ?? item.state}`,
      );
    }
    if (!context.dryRun && report.attention.length > 50)
      out.push(`  … and ${report.attention.length - 50} more (npm run catalog -- attention lists them all)`);
  }
  if (report.warnings.length > 0) {
    out.push('', 'Warnings (the rows were imported without these values):');
    for (const w of report.warnings) out.push(`  line ${w.line} (id "${w.id}"): ${w.messages.join('; ')}`);
  }
  const limit = context.dryRun ? Infinity : LISTED_CHANGES;
  out.push(
    ...listed(
      context.dryRun ? 'Would add:' : 'Added:',
      plan.added.map((r) => `  line ${r.line}: ${r.record.id} "${r.record.name}"`),
      limit,
    ),
  );
  out.push(
    ...listed(
      context.dryRun ? 'Would update:' : 'Updated:',
      plan.updated.map((r) => `  line ${r.line}: ${r.record.id} (${r.changed.map((f) => FIELD_LABELS[f]).join(', ')})`),
      limit,
    ),
  );
  out.push('', conclusion(report, context));
  return `${out.join('\n')}\n`;
}

function counts(plan: ImportPlan): string[] {
  const rows: [string, number][] = [
    ['added', plan.added.length],
    ['updated', plan.updated.length],
    ['unchanged', plan.unchanged.length],
    ['rejected', plan.rejected.length],
  ];
  const width = Math.max(...rows.map(([, n]) => String(n).length));
  return rows.map(([label, n]) => `  ${label.padEnd(10)}${String(n).padStart(width)}`);
}

function listed(title: string, lines: string[], limit: number): string[] {
  if (lines.length === 0) return [];
  const shown = lines.slice(0, limit);
  const rest = lines.length - shown.length;
  return ['', title, ...shown, ...(rest > 0 ? [`  … and ${rest} more (--dry-run lists them all)`] : [])];
}

function conclusion(report: ImportReport, context: ReportContext): string {
  const { plan } = report;
  const changes = plan.added.length + plan.updated.length;
  const rejected = plan.rejected.length;
  if (rejected > 0 && !context.partial) {
    return `${context.dryRun ? 'Nothing would be written' : 'Nothing was written'}: ${rejected} row${rejected > 1 ? 's were' : ' was'} rejected. Fix ${rejected > 1 ? 'them' : 'it'}, or import the valid rows with --partial.`;
  }
  if (context.dryRun)
    return changes === 0
      ? 'Nothing would change.'
      : `${changes} solution${changes > 1 ? 's' : ''} would change (dry run: nothing was written).`;
  if (!report.applied) return 'Nothing to change: the catalog already matches the file.';
  const written = report.result.added.length + report.result.updated.length;
  return `Done: ${written} solution${written === 1 ? '' : 's'} written${rejected > 0 ? `, ${rejected} rejected row${rejected > 1 ? 's' : ''} skipped (--partial)` : ''}.`;
}
