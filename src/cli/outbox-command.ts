/**
 * `npx tsx src/cli/outbox.ts stuck|failed|health [--minutes N] [--json]`: the outbox's admin view
 * from a shell. Reads only the storage variables (and OUTBOX_STUCK_MINUTES) through the bot's rules.
 */
import { ConfigError } from '../config/config-error';
import { loadConfig, type Environment } from '../config/load-config';
import { OutboxAdmin } from '../services/outbox/outbox-admin';
import { systemClock } from '../services/ports';
import { SHARD_COUNT } from '../storage/cases/case-partitions';
import { TableOutboxStore } from '../storage/outbox/table-outbox-store';
import { TableService } from '../storage/table-service';

const VARIABLES = ['STORAGE_CONNECTION_STRING', 'STORAGE_ACCOUNT_URL', 'TABLE_PREFIX', 'AZURE_CLIENT_ID', 'OUTBOX_STUCK_MINUTES'] as const;

export const OUTBOX_USAGE = `usage: outbox <command> [--minutes N] [--json]

  stuck    deliveries still pending after N minutes (default OUTBOX_STUCK_MINUTES, 15)
  failed   deliveries that failed for good (unreachable, rejected, gave up)
  health   pending count, age of the oldest pending delivery, failed count
`;

interface Streams {
  readonly out: { write(text: string): unknown };
  readonly err: { write(text: string): unknown };
}

export async function runOutboxCli(args: readonly string[], env: Environment, io: Streams): Promise<number> {
  const command = args[0];
  if (command === undefined || command === '--help' || command === '-h' || !['stuck', 'failed', 'health'].includes(command)) {
    (command === undefined || command.startsWith('-') ? io.out : io.err).write(OUTBOX_USAGE);
    return command === undefined || command === '--help' || command === '-h' ? 0 : 64;
  }
  const json = args.includes('--json');
  const minutesAt = args.indexOf('--minutes');
  const minutesArg = minutesAt >= 0 ? Number(args[minutesAt + 1]) : undefined;
  if (minutesArg !== undefined && (!Number.isFinite(minutesArg) || minutesArg < 0)) {
    io.err.write('outbox: --minutes needs a number of minutes\n');
    return 64;
  }
  let config;
  try {
    config = loadConfig(Object.fromEntries(VARIABLES.map((name) => [name, env[name]])));
  } catch (error) {
    if (error instanceof ConfigError) {
      io.err.write(`${error.message}\n`);
      return 78;
    }
    throw error;
  }
  const tables = new TableService(config.storage, config.tablePrefix);
  const store = new TableOutboxStore(tables.client('cases'));
  const shards = Array.from({ length: SHARD_COUNT }, (_, i) => i);
  const admin = new OutboxAdmin(store, systemClock, shards, new Set(), config.notifications.outboxStuckMinutes * 60_000);
  const print = (value: unknown, lines: string[]) => io.out.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${lines.join('\n')}\n`);

  switch (command) {
    case 'stuck': {
      const stuck = await admin.stuck(minutesArg !== undefined ? minutesArg * 60_000 : undefined);
      print(stuck, stuck.length === 0 ? ['nothing stuck'] : stuck.map((s) => `${s.queuedAt}  ${s.ageMinutes} min  ${s.purpose} → ${s.target}  attempts ${s.attempts}, 429s ${s.throttles}, next ${s.nextAttemptAt}${s.lastError ? `  last: ${s.lastError}` : ''}  [${s.messageId}]`));
      return 0;
    }
    case 'failed': {
      const failed = await admin.failed();
      print(failed, failed.length === 0 ? ['nothing failed'] : failed.map((f) => `${f.failedAt}  ${f.reason}  ${f.purpose} → ${f.target}  attempts ${f.attempts}  ${f.lastError}  [${f.messageId}]`));
      return 0;
    }
    default: {
      const health = await admin.health();
      print(health, [`pending ${health.pending}`, `oldest pending ${Math.round(health.oldestPendingMs / 1000)} s`, `failed ${health.failed}`]);
      return 0;
    }
  }
}
