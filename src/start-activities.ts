/**
 * Composition of the activity records (issue 10): the gate that handles a redelivered message once,
 * and the leased sweep that deletes expired records (the gate's, and the ones ticket and request
 * changes write in their shard partitions). Called by the composition root (start-bot.ts).
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from './logging/logger';
import { ActivityGate } from './services/activities/activity-gate';
import { ActivitySweeper } from './services/activities/activity-sweeper';
import { BackgroundJob } from './services/jobs/background-job';
import type { Clock } from './domain/ports/clock';
import { TableActivityLog } from './storage/activities/table-activity-log';
import { TableActivityMarkers } from './storage/cases/activity-rows';
import { TableLeaseStore } from './storage/leases/table-lease-store';
import type { TableService } from './storage/table-service';

export interface ActivityOptions {
  /** How often expired records are swept (default 10 minutes); 0 = never (tests call `runOnce`). */
  readonly sweepIntervalMs?: number;
  readonly onSweeper?: (sweeper: ActivitySweeper) => void;
}

const DEFAULT_SWEEP_MS = 10 * 60_000;

export function createActivityRecords(tables: TableService, clock: Clock, logger: Logger, options: ActivityOptions = {}) {
  const log = new TableActivityLog(tables.client('activities'));
  const gate = new ActivityGate(log, clock);
  const intervalMs = options.sweepIntervalMs ?? DEFAULT_SWEEP_MS;
  const sweeper = new ActivitySweeper({
    stores: [log, new TableActivityMarkers(tables.client('cases'))],
    lease: new TableLeaseStore(tables.client('leases')),
    clock,
    owner: `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`,
    leaseTtlMs: Math.max(60_000, intervalMs / 2),
  });
  options.onSweeper?.(sweeper);
  // The first sweep waits one interval: records live an hour, and a starting (or soon stopping) instance
  // has better things to do with storage. The lease is taken at each sweep (see ActivitySweeper).
  const job = new BackgroundJob({
    name: 'activity-sweep',
    leases: sweeper.leases,
    run: async () => (await sweeper.runOnce(), intervalMs),
    reporter: logger,
    firstRunInMs: intervalMs,
    errorDelayMs: intervalMs,
    renewBetweenRuns: false,
  });
  if (intervalMs > 0) job.start();
  return { gate, sweeper, stop: () => job.stop() };
}
