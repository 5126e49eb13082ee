/**
 * The README's configuration table, written from ENV_SPEC (`npm run docs:config`) and checked against
 * it by test/unit/infra/readme-config-table.test.ts, so the two never drift apart again.
 */
import { ENV_SPEC, type EnvVariableSpec } from './env-spec';

/** The table sits between these lines in README.md. */
export const TABLE_START = '<!-- configuration table: written from src/config/env-spec.ts by `npm run docs:config` -->';
export const TABLE_END = '<!-- end of configuration table -->';

/** A Markdown table cell: a `|` would end the cell (also inside a code span). */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function row(cells: readonly string[]): string {
  return `|${cells.map((c) => (c === '' ? ' ' : ` ${c} `)).join('|')}|`;
}

export function configurationTable(spec: readonly EnvVariableSpec[] = ENV_SPEC): string {
  const rows = spec.map((v) =>
    row([`\`${v.name}\``, cell(v.default ?? ''), cell(v.optional ? v.description : `${v.description}; required in production`)]),
  );
  return [row(['variable', 'default', 'meaning']), row(['---', '---', '---']), ...rows].join('\n');
}

/** `readme` with the text between the markers replaced by the table; an error when a marker is missing. */
export function withConfigurationTable(readme: string, table: string = configurationTable()): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start === -1 || end === -1 || end < start)
    throw new Error(`README.md has no "${TABLE_START}" … "${TABLE_END}" section for the configuration table`);
  return `${readme.slice(0, start + TABLE_START.length)}\n${table}\n${readme.slice(end)}`;
}

/** The table as README.md has it now (between the markers), or undefined. */
export function tableIn(readme: string): string | undefined {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start === -1 || end === -1 || end < start) return undefined;
  return readme.slice(start + TABLE_START.length, end).trim();
}
