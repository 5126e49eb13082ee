import { describeExit, ManagedProcess } from './processes';

export interface WaitForHttpOptions {
  /** Give up after this long (default 60 s). */
  readonly timeoutMs?: number;
  readonly intervalMs?: number;
  /** Which status codes count as "up" (default: any answer below 500). */
  readonly accept?: (status: number) => boolean;
  /** Fail at once, naming the process, if one of these exits while we wait. */
  readonly failIfExited?: readonly ManagedProcess[];
  /** Added to the timeout message, e.g. where to look for the cause. */
  readonly hint?: string;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `url` with GET until it answers with an accepted status. */
export async function waitForHttp(url: string, options: WaitForHttpOptions = {}): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const intervalMs = options.intervalMs ?? 200;
  const accept = options.accept ?? ((status: number) => status < 500);
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  for (;;) {
    for (const proc of options.failIfExited ?? []) {
      const info = proc.exitInfo();
      if (info) throw new Error(`${proc.name} ${describeExit(info)} before ${url} answered`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(Math.min(5_000, timeoutMs)) });
      await response.arrayBuffer().catch(() => undefined);
      if (accept(response.status)) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause;
      last = cause?.code ?? (error instanceof Error ? error.message : String(error));
    }
    if (Date.now() >= deadline) {
      const hint = options.hint ? ` ${options.hint}` : '';
      throw new Error(`${url} did not answer within ${Math.round(timeoutMs / 1000)} s (last: ${last}).${hint}`);
    }
    await sleep(intervalMs);
  }
}
