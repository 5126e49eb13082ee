/** One parsed pino line. */
export interface LogEntry {
  readonly level: string;
  readonly msg: string;
  readonly [field: string]: unknown;
}

/**
 * A pino destination that keeps every line in memory, so tests can read what the bot logged (and
 * what it must not have logged). pino writes one JSON line per call, synchronously.
 */
export class LogCapture {
  readonly lines: string[] = [];

  write(line: string): void {
    this.lines.push(line);
  }

  get entries(): LogEntry[] {
    return this.lines.map((line) => JSON.parse(line) as LogEntry);
  }

  /** Entries with this message (and, when given, this level). */
  find(msg: string, level?: string): LogEntry[] {
    return this.entries.filter((entry) => entry.msg === msg && (level === undefined || entry.level === level));
  }

  clear(): void {
    this.lines.length = 0;
  }
}
