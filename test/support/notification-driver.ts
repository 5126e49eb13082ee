import { actionExecute, TestUser } from './activities';
import { BotHarness } from './bot-harness';
import { cardsIn } from './cards';
import { SHARD_COUNT } from '../../src/storage/cases/case-partitions';

/** Drives the outbox and the people who get its cards, over the bot's real HTTP endpoint. */
export class NotificationDriver {
  constructor(
    private readonly bot: BotHarness,
    /** Moves the test's clock forward (the worker, limiter and timers all read it). */
    private readonly advance: (ms: number) => void,
    private readonly now: () => number,
  ) {}

  /**
   * Runs the outbox until nothing is left to deliver, moving the clock on to the next retry when it
   * waits (limiter, backoff, Retry-After). Channel posts stay pending while no channel is registered.
   */
  async drain(maxRounds = 300): Promise<{ delivered: number; retried: number; failed: number; uncertain: number; rounds: number }> {
    const totals = { delivered: 0, retried: 0, failed: 0, uncertain: 0, rounds: 0 };
    for (let i = 0; i < maxRounds; i++) {
      const run = await this.bot.jobs.runOutbox();
      totals.delivered += run.delivered;
      totals.retried += run.retried;
      totals.failed += run.failed;
      totals.uncertain += run.uncertain;
      totals.rounds += 1;
      if (run.delivered + run.retried + run.failed + run.uncertain > 0) continue;
      const waiting = (await this.bot.jobs.admin.stuck(0)).filter((s) => s.target.kind !== 'channel');
      if (waiting.length === 0) return totals;
      const next = Math.min(...waiting.map((s) => Date.parse(s.nextAttemptAt)));
      this.advance(Math.max(run.deferred > 0 ? Math.min(run.nextRunInMs, 1_000) : 0, next - this.now(), 10));
    }
    const stuck = await this.bot.jobs.admin.stuck(0);
    throw new Error(
      `outbox not drained after ${maxRounds} rounds: ${stuck.map((s) => `${s.purpose} → ${JSON.stringify(s.target)}: ${s.lastError ?? 'no error'}`).join('; ')}`,
    );
  }

  /** Presses a button on a request card as `who`; returns the refreshed card or the message. */
  async press(who: TestUser, verb: string, data: Record<string, unknown>): Promise<any> {
    const answer = await this.bot.post(actionExecute(verb, data, { serviceUrl: this.bot.serviceUrl, from: who }));
    if (answer.status !== 200) throw new Error(`invoke answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body.value;
  }

  /** Cards the bot posted (new activities) into a conversation. */
  postedTo(conversationId: string): any[] {
    return cardsIn(
      this.bot.connector.calls
        .filter((c) => c.method === 'POST' && c.path.includes(`/v3/conversations/${encodeURIComponent(conversationId)}/activities`))
        .map((c) => c.body),
    );
  }

  /** Card updates (PUT) the bot made, with the activity they replaced. */
  updates(): { conversationId: string; activityId: string; card: any }[] {
    return this.bot.connector.calls
      .filter((c) => c.method === 'PUT')
      .map((c) => {
        const m = /\/v3\/conversations\/([^/]+)\/activities\/([^/?]+)/.exec(c.path);
        return {
          conversationId: decodeURIComponent(m?.[1] ?? ''),
          activityId: decodeURIComponent(m?.[2] ?? ''),
          card: cardsIn([c.body])[0],
        };
      });
  }

  /** The conversations the outbox delivered DMs to a person in (from its `sent` records). */
  async conversationsOf(aadObjectId: string): Promise<Set<string>> {
    const shards = await Promise.all(Array.from({ length: SHARD_COUNT }, (_, i) => this.bot.jobs.store.sentOfShard(i)));
    return new Set(
      shards
        .flat()
        .filter((r) => r.message.target.kind === 'user' && r.message.target.aadObjectId === aadObjectId)
        .map((r) => r.conversationId),
    );
  }

  /** Every card the bot posted to a person by DM, in order. */
  async dmsTo(aadObjectId: string): Promise<any[]> {
    const conversations = await this.conversationsOf(aadObjectId);
    return cardsIn(
      this.bot.connector.calls
        .filter(
          (c) =>
            c.method === 'POST' &&
            [...conversations].some((id) => c.path.startsWith(`/v3/conversations/${encodeURIComponent(id)}/activities`)),
        )
        .map((c) => c.body),
    );
  }
}
