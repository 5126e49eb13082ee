/**
 * The report as CSV for Power BI (RFC 4180: comma-separated, CRLF, every cell quoted, quotes
 * doubled), with the columns of REPORT_COLUMNS. Cells that a spreadsheet would run as a formula
 * (a solution name starting with `=`, …) are neutralised the way the catalog export does it.
 */
import { REPORT_COLUMNS, type ReportRow } from '../../domain/reports/report-rows';
import { neutraliseCell } from '../catalog/files/formula-cells';

const cell = (value: string | number): string =>
  `"${(typeof value === 'number' ? String(value) : neutraliseCell(value)).replace(/"/g, '""')}"`;

export function reportCsv(rows: readonly ReportRow[]): string {
  const lines = [REPORT_COLUMNS.map(cell).join(',')];
  for (const r of rows) lines.push([r.periodStart, r.periodEnd, r.measure, r.dimension, r.member, r.label, r.value].map(cell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
