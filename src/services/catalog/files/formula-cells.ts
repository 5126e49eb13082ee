/**
 * CSV injection (OWASP "CSV Injection"): a spreadsheet opening the exported catalog runs a cell that
 * starts with `=`, `+`, `-` or `@` (or a tab or carriage return) as a formula. Export prefixes such a
 * cell with a single quote, which spreadsheets show as text; import removes exactly that quote again,
 * so import(export(x)) is x.
 *
 * To stay reversible for every value, a value that already starts with quotes before one of those
 * characters (`'=x`) also gets one more quote on export, and import always removes exactly one.
 */
const NEEDS_QUOTE = /^'*[=+\-@\t\r]/;
const QUOTED = /^'+[=+\-@\t\r]/;

/** The cell to write for `value`: the value, or the value behind one single quote. */
export function neutraliseCell(value: string): string {
  return NEEDS_QUOTE.test(value) ? `'${value}` : value;
}

/** The value a written cell stands for (the inverse of neutraliseCell). */
export function restoreCell(cell: string): string {
  return QUOTED.test(cell) ? cell.slice(1) : cell;
}
