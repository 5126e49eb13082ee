/**
 * Runs a job again and again in the background: each run says how long to wait before the next.
 * Errors are reported and the loop carries on; `stop` waits for the run in progress.
 */
export interface LoopReporter {
  error(details: object, message: string): void;
}

export class BackgroundLoop {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = true;

  constructor(
    private readonly name: string,
    private readonly run: () => Promise<number>,
    private readonly reporter: LoopReporter,
    private readonly errorDelayMs = 5_000,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick();
    }, delayMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    let next = this.errorDelayMs;
    try {
      next = await this.run();
    } catch (error) {
      this.reporter.error({ err: error, job: this.name }, 'background job failed; retrying');
    }
    this.schedule(Math.max(0, next));
  }
}
