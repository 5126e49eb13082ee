/**
 * How a benchmark states its figures: each figure next to its goal with PASS or FAIL, or as a plain
 * figure (no goal). When run by `npm run bench` (run-all.ts) every line is also appended, as JSON, to
 * the file named by BENCH_RESULTS, so the runner can print one summary of every goal at the end.
 */
import { appendFileSync } from 'node:fs';

export type Comparison = '<=' | '>=' | '==';

export interface Goal {
  readonly op: Comparison;
  readonly target: number;
}

export interface Figure {
  readonly bench: string;
  readonly label: string;
  readonly value: number;
  readonly unit: string;
  readonly goal?: Goal;
  readonly pass?: boolean;
}

const SYMBOL: Record<Comparison, string> = { '<=': '≤', '>=': '≥', '==': '=' };

export function meets(value: number, goal: Goal): boolean {
  if (!Number.isFinite(value)) return false;
  if (goal.op === '<=') return value <= goal.target;
  if (goal.op === '>=') return value >= goal.target;
  return value === goal.target;
}

export function formatValue(value: number, unit: string): string {
  if (!Number.isFinite(value)) return 'n/a';
  const digits = Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  const text = value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return unit === '%' ? `${text} %` : unit ? `${text} ${unit}` : text;
}

export function formatGoal(goal: Goal, unit: string): string {
  return `goal ${SYMBOL[goal.op]} ${formatValue(goal.target, unit)}`;
}

/** The figures of one benchmark, printed as they come. */
export class Results {
  readonly figures: Figure[] = [];

  constructor(readonly bench: string) {}

  /** A figure with a goal: printed with PASS / FAIL. */
  goal(label: string, value: number, unit: string, goal: Goal): boolean {
    const pass = meets(value, goal);
    this.record({ bench: this.bench, label, value, unit, goal, pass });
    return pass;
  }

  /** A figure without a goal (context for the goals). */
  info(label: string, value: number, unit = ''): void {
    this.record({ bench: this.bench, label, value, unit });
  }

  /** A line of text (headings, explanations). */
  note(text: string): void {
    process.stdout.write(`${text}\n`);
  }

  get failed(): Figure[] {
    return this.figures.filter((f) => f.pass === false);
  }

  private record(figure: Figure): void {
    this.figures.push(figure);
    process.stdout.write(`${line(figure)}\n`);
    const file = process.env.BENCH_RESULTS;
    if (file) appendFileSync(file, `${JSON.stringify(figure)}\n`);
  }
}

export function line(figure: Figure, width = 64): string {
  const value = formatValue(figure.value, figure.unit).padStart(14);
  if (!figure.goal) return `  ${figure.label.padEnd(width)}${value}`;
  return `  ${figure.label.padEnd(width)}${value}   ${formatGoal(figure.goal, figure.unit).padEnd(20)} ${figure.pass ? 'PASS' : 'FAIL'}`;
}
