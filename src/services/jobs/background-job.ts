/**
 * The one mechanism every background job runs on: a loop of runs, and the leases that give the work
 * to one instance at a time (RenewedLeases, or ShardLeases for a lease per shard), started and stopped
 * together. The outbox worker, the request timers, the SLA scheduler and the sweep of activity
 * records are each a BackgroundJob built by the composition root.
 *
 * Each run says how long to wait before the next. A failed run is reported and the loop carries on
 * after `errorDelayMs`. `stop` waits for the run in progress, then gives the leases up, so another
 * instance takes the work over at its next try instead of when the leases would have run out.
 */
import type { Ticker } from './renewed-leases';

/** The leases a job's runs work under (the run itself checks that it holds them). */
export interface JobLeases {
  /** Renews them on a timer of their own from now on, so a long run never starves the renewal. */
  start(ticker?: Ticker): void;
  /** Stops renewing and gives every lease up. */
  releaseAll(): Promise<void>;
}

export interface JobReporter {
  error(details: object, message: string): void;
}

export interface BackgroundJobOptions {
  readonly name: string;
  /** One run; resolves to how long to wait before the next (ms). */
  readonly run: () => Promise<number>;
  readonly leases: JobLeases;
  readonly reporter: JobReporter;
  /** The wait before the first run (default 0). */
  readonly firstRunInMs?: number;
  /** The wait after a failed run (default 5 s). */
  readonly errorDelayMs?: number;
  /** How a failed run is reported. */
  readonly failureMessage?: string;
  /**
   * Whether the leases are renewed between runs (default true: short leases, a dead instance's work
   * taken over within seconds). A job that runs seldom takes its lease at each run instead, for
   * longer than a run takes.
   */
  readonly renewBetweenRuns?: boolean;
}

export class BackgroundJob {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = true;

  constructor(private readonly options: BackgroundJobOptions) {}

  get name(): string {
    return this.options.name;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    if (this.options.renewBetweenRuns ?? true) this.options.leases.start();
    this.schedule(this.options.firstRunInMs ?? 0);
  }

  /** No new run; the one in progress finishes; the leases are given up (also when never started). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
    await this.options.leases.releaseAll();
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick();
    }, delayMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    let next = this.options.errorDelayMs ?? 5_000;
    try {
      next = await this.options.run();
    } catch (error) {
      this.options.reporter.error({ err: error, job: this.options.name }, this.options.failureMessage ?? 'background job failed; retrying');
    }
    this.schedule(Math.max(0, next));
  }
}
