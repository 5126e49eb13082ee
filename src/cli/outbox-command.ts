/**
 * `npx tsx src/cli/outbox.ts stuck|failed|uncertain|health [--minutes N] [--json]`, and
 * `resend|dismiss MESSAGE_ID`: the outbox's admin view from a shell, and an admin's decision on a
 * delivery whose outcome is uncertain. Reads only the storage variables (and OUTBOX_STUCK_MINUTES)
 * through the bot's rules.
 */
import { ConfigError } from '../config/config-error';
import { loadConfig, type Environment } from '../config/load-config';
import { OutboxAdmin } from '../services/outbox/outbox-admin';
import { systemClock } from '../domain/ports/clock';
import type { OutboxTarget } from '../domain/outbox-message';
import { SHARD_COUNT } from '../storage/cases/case-partitions';
import { TableOutboxStore } from '../storage/outbox/table-outbox-store';
import { TableService } from '../storage/table-service';

const VARIABLES = ['STORAGE_CONNECTION_STRING', 'STORAGE_ACCOUNT_URL', 'TABLE_PREFIX', 'AZURE_CLIENT_ID', 'OUTBOX_STUCK_MINUTES'] as const;

export const OUTBOX_USAGE = `usage: outbox <command> [--minutes N] [--json]

  stuck      deliveries still pending after N minutes (default OUTBOX_STUCK_MINUTES, 15)
  failed     deliveries that failed for good (unreachable, rejected, gave up)
  uncertain  deliveries that may or may not have arrived (Teams never answered the call);
             they are not sent again until you decide: check with the person, then
  resend MESSAGE_ID    it did not arrive: send it again
  dismiss MESSAGE_ID   it arrived (or is not needed any more): forget it
  health     pending count, age of the oldest pending delivery, failed and uncertain counts
`;

const COMMANDS = ['stuck', 'failed', 'uncertain', 'health', 'resend', 'dismiss'];
/** Message ids are a request id, a purpose and a recipient, joined with dots. */
const MESSAGE_ID = /^[A-Za-z0-9._-]{1,400}$/;

interface Streams {
  readonly out: { write(text: string): unknown };
  readonly err: { write(text: string): unknown };
}

export async function runOutboxCli(args: readonly string[], env: Environment, io: Streams): Promise<number> {
  const command = args[0];
  if (command === undefined || command === '--help' || command === '-h' || !COMMANDS.includes(command)) {
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
  const messageId = command === 'resend' || command === 'dismiss' ? args[1] : undefined;
  if ((command === 'resend' || command === 'dismiss') && (messageId === undefined || !MESSAGE_ID.test(messageId))) {
    io.err.write(`outbox: ${command} needs the message id shown by "outbox uncertain"\n`);
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
      print(
        stuck,
        stuck.length === 0
          ? ['nothing stuck']
          : stuck.map(
              (s) =>
                `${s.queuedAt}  ${s.ageMinutes} min  ${s.purpose} → ${targetLabel(s.target)}  attempts ${s.attempts}, 429s ${s.throttles}, next ${s.nextAttemptAt}${s.lastError ? `  last: ${s.lastError}` : ''}  [${s.messageId}]`,
            ),
      );
      return 0;
    }
    case 'failed': {
      const failed = await admin.failed();
      print(
        failed,
        failed.length === 0
          ? ['nothing failed']
          : failed.map(
              (f) =>
                `${f.failedAt}  ${f.reason}  ${f.purpose} → ${targetLabel(f.target)}  attempts ${f.attempts}  ${f.lastError}  [${f.messageId}]`,
            ),
      );
      return 0;
    }
    case 'uncertain': {
      const uncertain = await admin.uncertain();
      print(
        uncertain,
        uncertain.length === 0
          ? ['nothing uncertain']
          : uncertain.map(
              (u) => `${u.attemptedAt}  ${u.purpose} → ${targetLabel(u.target)}  attempts ${u.attempts}  ${u.lastError}  [${u.messageId}]`,
            ),
      );
      return 0;
    }
    case 'resend':
    case 'dismiss': {
      const done = command === 'resend' ? await admin.resend(messageId!) : await admin.dismiss(messageId!);
      if (!done) {
        io.err.write(`outbox: no uncertain delivery ${messageId}\n`);
        return 1;
      }
      print({ [command === 'resend' ? 'resent' : 'dismissed']: messageId }, [
        command === 'resend' ? `${messageId} is back in the outbox` : `${messageId} dismissed`,
      ]);
      return 0;
    }
    default: {
      const health = await admin.health();
      print(health, [
        `pending ${health.pending}`,
        `oldest pending ${Math.round(health.oldestPendingMs / 1000)} s`,
        `failed ${health.failed}`,
        `uncertain ${health.uncertain}`,
      ]);
      return 0;
    }
  }
}

/** Who or where a delivery is for, as the CLI prints it (CLI output stays English). */
function targetLabel(target: OutboxTarget): string {
  switch (target.kind) {
    case 'user':
      return `DM ${target.displayName} (${target.aadObjectId})`;
    case 'channel':
      return `${target.channel} channel`;
    case 'team-channel':
      return `team-channel:${target.channelId}`;
    case 'update':
      return `update of ${target.messageId}`;
  }
}
