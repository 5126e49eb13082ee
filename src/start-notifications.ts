/**
 * Composition of notifications (issue 6): the request-handling service behind the maker's and
 * co-owners' cards, the outbox worker and the timer scheduler (leased per shard, so any number of
 * instances can run them), and the admin view. Called by the composition root (start-bot.ts).
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { AppConfig } from './config/app-config';
import { DEFAULT_RETRY_POLICY, type RetryPolicyOptions } from './domain/delivery/delivery-outcome';
import { TeamsRateLimiter } from './domain/delivery/rate-limiter';
import type { TimerDurations } from './domain/notifications/request-timers';
import type { Logger } from './logging/logger';
import { RequestHandlingService, type RequestHandlingDeps } from './services/notifications/request-handling-service';
import { NotFixedService } from './services/notifications/not-fixed-service';
import { BackgroundJob } from './services/jobs/background-job';
import { OutboxAdmin, type OutboxHealth } from './services/outbox/outbox-admin';
import type { MessageSender } from './domain/ports/outbox';
import { OutboxWorker, type OutboxRunSummary } from './services/outbox/outbox-worker';
import { TimerScheduler } from './services/outbox/timer-scheduler';
import type { Clock } from './domain/ports/clock';
import { SHARD_COUNT } from './storage/cases/case-partitions';
import { TableConversationStore } from './storage/conversations/table-conversation-store';
import { TableEndpointStore } from './storage/conversations/table-endpoint-store';
import { TableLeaseStore } from './storage/leases/table-lease-store';
import { TableTenantBudget } from './storage/budget/table-tenant-budget';
import { TenantAllowance } from './services/outbox/tenant-allowance';
import { TableOutboxStore } from './storage/outbox/table-outbox-store';
import { TableRequestChanges } from './storage/outbox/table-request-changes';
import type { TableService } from './storage/table-service';

export interface NotificationOptions {
  /** 'manual': no background loops; tests drive `runOutbox()` / `runTimers()` (see onJobs). Default 'auto'. */
  readonly background?: 'auto' | 'manual';
  /** Receives the jobs, so tests can run them deterministically with a controllable clock. */
  readonly onJobs?: (jobs: NotificationJobs) => void;
  readonly retry?: Partial<RetryPolicyOptions>;
  /** Jitter source in [0, 1) (tests make it deterministic). */
  readonly random?: () => number;
  /** The hard limit on one connector call; past it the outcome counts as uncertain (default CALL_LIMIT_MS, 45 s). */
  readonly senderTimeoutMs?: number;
  /** Replaces the Teams sender (benchmarks, tests of the worker alone). */
  readonly sender?: MessageSender;
  /** This process's name on leases and claims (default host-pid-random: see below). */
  readonly instanceId?: string;
  /** Shard lease length (default DEFAULT_LEASE_TTL_MS, 10 s). */
  readonly leaseTtlMs?: number;
}

export interface NotificationJobs {
  runOutbox(): Promise<OutboxRunSummary>;
  runTimers(): Promise<{ fired: number; movedOn: number }>;
  readonly handling: RequestHandlingService;
  readonly admin: OutboxAdmin;
  readonly store: TableOutboxStore;
}

/** One tenant per deployment: the worker's limiter key and the shared budget's row. */
const TENANT_KEY = 'tenant';

const ALL_SHARDS = Array.from({ length: SHARD_COUNT }, (_, i) => i);

export function createNotificationServices(tables: TableService, config: AppConfig, clock: Clock, tickets: RequestHandlingDeps['tickets']) {
  const cases = tables.client('cases');
  const outboxStore = new TableOutboxStore(cases);
  const changes = new TableRequestChanges(cases);
  const n = config.notifications;
  const timers: TimerDurations = { makerAckMs: n.makerAckMinutes * 60_000, coOwnerClaimMs: n.coOwnerClaimMinutes * 60_000 };
  const handling = new RequestHandlingService({ changes, outbox: outboxStore, clock, timers, tickets });
  const notFixed = new NotFixedService({ changes, outbox: outboxStore, clock, tickets });
  const admin = new OutboxAdmin(outboxStore, clock, ALL_SHARDS, config.adminIds, n.outboxStuckMinutes * 60_000);
  const conversations = new TableConversationStore(tables.client('conversations'));
  const endpoints = new TableEndpointStore(tables.client('conversations'));
  return { outboxStore, changes, handling, notFixed, admin, conversations, endpoints, timers };
}

export type NotificationServices = ReturnType<typeof createNotificationServices>;

/** Starts (or, in manual mode, only builds) the outbox worker and the timer scheduler. */
export function startNotificationJobs(
  services: NotificationServices,
  sender: MessageSender,
  tables: TableService,
  config: AppConfig,
  clock: Clock,
  logger: Logger,
  options: NotificationOptions = {},
) {
  // One owner per process, never reused by a restart: two processes sharing an owner id would both
  // believe they hold its leases (an overlapping restart, a hung process that wakes up), so a restarted
  // process waits for its predecessor's short leases to run out instead (see RenewedLeases).
  const owner = options.instanceId ?? `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const leases = new TableLeaseStore(tables.client('leases'));
  const n = config.notifications;
  const worker = new OutboxWorker(
    {
      store: services.outboxStore,
      leases,
      sender: options.sender ?? sender,
      // 100 ms on the conversation windows. The tenant's rate is not counted here: its calls are
      // scheduled for every instance through one row of the Leases table (issue 19, tenant-allowance.ts).
      limiter: new TeamsRateLimiter({ tenantPerSecond: 'shared', marginMs: 100 }),
      tenantAllowance: new TenantAllowance(new TableTenantBudget(tables.client('leases'), n.tenantRatePerSecond), {
        tenant: TENANT_KEY,
      }),
      clock,
      undeliverable: services.handling,
      log: logger,
    },
    {
      owner,
      shards: ALL_SHARDS,
      retry: { ...DEFAULT_RETRY_POLICY, ...(options.retry ?? {}) },
      timers: services.timers,
      random: options.random,
      tenantKey: TENANT_KEY,
      leaseTtlMs: options.leaseTtlMs,
      callLimitMs: options.senderTimeoutMs,
      // In the background loop the worker waits out short limiter holds; driven by hand it never sleeps.
      maxLimiterWaitMs: (options.background ?? 'auto') === 'auto' ? 2_000 : 0,
    },
  );
  const scheduler = new TimerScheduler(
    { timers: services.outboxStore, leases, clock, firer: services.handling, log: logger },
    { owner, shards: ALL_SHARDS, leaseTtlMs: options.leaseTtlMs },
  );

  let lastOutboxRun = Date.now();
  const runOutbox = async () => {
    const summary = await worker.runOnce();
    lastOutboxRun = Date.now();
    return summary;
  };
  const jobs: NotificationJobs = {
    runOutbox,
    runTimers: () => scheduler.runOnce(),
    handling: services.handling,
    admin: services.admin,
    store: services.outboxStore,
  };
  options.onJobs?.(jobs);

  const auto = (options.background ?? 'auto') === 'auto';
  // Leases are renewed on timers of their own, never starved by a long delivery run.
  const outboxJob = new BackgroundJob({
    name: 'outbox',
    leases: worker.leases,
    run: async () => (await runOutbox()).nextRunInMs,
    reporter: logger,
  });
  const timerJob = new BackgroundJob({
    name: 'timers',
    leases: scheduler.leases,
    run: async () => (await scheduler.runOnce(), scheduler.pollMs),
    reporter: logger,
  });
  if (auto) {
    outboxJob.start();
    timerJob.start();
  }

  return {
    jobs,
    /**
     * Readiness (cheap, probed often): this instance's outbox loop completed a run recently. A loop that
     * stalls or keeps failing (storage down) makes the instance not ready; a backlog does not (that is
     * Teams throttling, which restarting cannot fix: see `outboxHealth` and the admin view).
     */
    async ready(): Promise<void> {
      const idle = Date.now() - lastOutboxRun;
      if (auto && idle > 5 * 60_000) throw new Error(`the outbox worker has not completed a run for ${Math.round(idle / 60_000)} minutes`);
    },
    outboxHealth: (): Promise<OutboxHealth> => services.admin.health(),
    async stop(): Promise<void> {
      worker.halt();
      // Each job waits for its run in progress, then gives its leases up (also in manual mode).
      await Promise.all([outboxJob.stop(), timerJob.stop()]);
    },
  };
}
