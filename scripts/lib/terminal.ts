/** Tiny ANSI helpers for the dev scripts: colour only on a terminal and never when NO_COLOR is set. */

export type Colour = 'cyan' | 'magenta' | 'yellow' | 'green' | 'blue' | 'red' | 'gray' | 'bold';

const CODES: Record<Colour, [number, number]> = {
  cyan: [36, 39],
  magenta: [35, 39],
  yellow: [33, 39],
  green: [32, 39],
  blue: [34, 39],
  red: [31, 39],
  gray: [90, 39],
  bold: [1, 22],
};

export function colourEnabled(stream: NodeJS.WriteStream = process.stdout): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}

export function paint(colour: Colour, text: string, enabled = colourEnabled()): string {
  if (!enabled) return text;
  const [open, close] = CODES[colour];
  return `\u001b[${open}m${text}\u001b[${close}m`;
}

/** Text without ANSI escape sequences (for measuring and for log files). */
export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;?]*[A-Za-z]|\u001b\][^\u0007]*\u0007/g, '');
}

/** Draws lines inside a box made of Unicode line characters. */
export function box(lines: readonly string[]): string {
  const width = Math.max(...lines.map((line) => stripAnsi(line).length));
  const top = `┌${'─'.repeat(width + 2)}┐`;
  const bottom = `└${'─'.repeat(width + 2)}┘`;
  const body = lines.map((line) => `│ ${line}${' '.repeat(width - stripAnsi(line).length)} │`);
  return [top, ...body, bottom].join('\n');
}
