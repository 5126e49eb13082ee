/**
 * Fault injection on the Bot Connector: 429 with Retry-After, 500 / 503, and timeouts, plus a bot
 * restart half-way. Every notification must be delivered exactly once: none lost, none doubled.
 */
import { randomUUID } from 'node:crypto';
import type { SupportRequest } from '../../src/domain/intake/support-request';
import { referenceFor } from '../../src/domain/intake/support-request';
import { makerCardData, message } from '../../src/services/routing/route-handlers';
import { TableCaseStore } from '../../src/storage/cases/table-case-store';
import { SHARD_COUNT } from '../../src/storage/cases/case-partitions';
import { ALEX, personalMessage } from '../support/activities';
import { BotHarness } from '../support/bot-harness';
import type { ConnectorCall } from '../support/recording-connector';
import { NotificationDriver } from '../support/notification-driver';

const MAKERS = 40;
const RETRY_AFTER_S = 2;

function maker(i: number) {
  return { aadObjectId: `0000${i.toString().padStart(4, '0')}-0000-4000-8000-00000000ba5e`, displayName: `Maker ${i}` };
}

function requestFor(i: number, at: Date): SupportRequest {
  const id = randomUUID();
  const m = maker(i);
  return {
    id,
    reference: referenceFor(id),
    requester: { aadObjectId: ALEX.aadObjectId, displayName: ALEX.name },
    category: 'solution-problem',
    solution: { id: `app-${i}`, name: `App ${i}`, kind: 'canvas-app', environment: 'Default', tier: 'Productivity', maker: { ...m, email: `m${i}@contoso.example` }, coOwners: [] },
    notInCatalog: false,
    details: { title: `Problem ${i}`, description: 'It broke.', since: 'today', impact: 'me', urgency: 'workaround' },
    severity: 'C',
    routeKind: 'maker',
    routeReason: 'productivity-problem',
    handToDedicatedTeam: false,
    holder: { kind: 'maker', person: m },
    explanation: '',
    status: 'open',
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
  };
}

describe('outbox under connector faults', () => {
  let bot: BotHarness;
  let now = new Date('2026-11-20T10:00:00Z');

  beforeAll(async () => {
    bot = await BotHarness.start({}, { clock: { now: () => now }, notifications: { senderTimeoutMs: 1_000, random: () => 0.5 } });
    await bot.post(personalMessage('hello', { serviceUrl: bot.serviceUrl, from: ALEX }));
  });
  afterAll(async () => bot.stop());

  it('429 with Retry-After, 500s, 503s and timeouts: every notification delivered once, none lost, none doubled', async () => {
    const cases = new TableCaseStore(bot.tables().client('cases'));
    const requests = Array.from({ length: MAKERS }, (_, i) => requestFor(i, now));
    for (const request of requests) {
      const target = { kind: 'user' as const, ...request.holder.kind === 'maker' ? request.holder.person : maker(0) };
      const dm = message(request, 'maker-notification', target, { template: 'maker-notification', data: makerCardData(request) });
      // …and a burst of updates to the requester's one chat, to exercise the per-conversation limiter.
      const updates = Array.from({ length: request.id < '4' ? 1 : 0 }, (_, k) =>
        message(request, 'requester-update', { kind: 'user', aadObjectId: ALEX.aadObjectId, displayName: ALEX.name }, { template: 'requester-update', data: { update: 'x', holder: 'y' }, suffix: String(k) }),
      );
      await cases.create(request, [], [dm, ...updates]);
    }
    const expected = (await bot.jobs.admin.health()).pending;

    // Fault plan per message (by attempt): 1st → 429 Retry-After 2 s; 2nd → a 503, a 500, or a timeout
    // (a 504 that arrives after the bot stopped waiting); then normal service.
    const attempts = new Map<string, number>();
    const throttledAt = new Map<string, number>();
    const retriedAt = new Map<string, number>();
    let served429 = 0;
    let servedErrors = 0;
    let conversationIndex = 0;
    const kindOf = new Map<string, number>();
    bot.connector.reset();
    bot.connector.respondWith((call: ConnectorCall) => {
      const m = /^\/v3\/conversations\/([^/]+)\/activities$/.exec(call.path);
      if (call.method !== 'POST' || !m) return undefined;
      // Per message (conversation + the request's reference on the card).
      const conversation = `${m[1]}|${/REQ-[0-9A-Z]{8}/.exec(JSON.stringify(call.body))?.[0] ?? ''}`;
      if (!kindOf.has(conversation)) kindOf.set(conversation, conversationIndex++);
      const n = (attempts.get(conversation) ?? 0) + 1;
      attempts.set(conversation, n);
      const k = kindOf.get(conversation)!;
      if (n === 1) {
        served429++;
        throttledAt.set(conversation, now.getTime());
        return { status: 429, headers: { 'retry-after': String(RETRY_AFTER_S) }, body: { error: { code: 'Throttled' } } };
      }
      if (n === 2) retriedAt.set(conversation, now.getTime());
      if (n === 2 && k % 3 === 0) return (servedErrors++, { status: 503, body: {} });
      if (n === 2 && k % 3 === 1) return (servedErrors++, { status: 500, body: {} });
      if (n === 2 && k % 3 === 2) return (servedErrors++, { status: 504, delayMs: 1_500, body: {} });
      return undefined;
    });

    const notes = new NotificationDriver(bot, (ms) => (now = new Date(now.getTime() + ms)), () => now.getTime());
    // One round, then the process "dies" and comes back: the outbox is in storage, nothing is lost.
    await bot.jobs.runOutbox();
    await bot.restart();
    const run = await notes.drain(500);
    bot.connector.respondWith(undefined);

    // Delivered: nothing pending, nothing failed, every message moved to sent.
    const shards = Array.from({ length: SHARD_COUNT }, (_, i) => i);
    const sent = (await Promise.all(shards.map((s) => bot.jobs.store.sentOfShard(s)))).flat().filter((r) => requests.some((q) => q.id === r.message.requestId));
    expect((await bot.jobs.admin.health()).pending).toBe(0);
    expect(await bot.jobs.admin.failed()).toEqual([]);
    expect(sent).toHaveLength(expected);

    // None doubled: the connector accepted exactly one post per message (a 429 is never a delivery).
    const accepted = bot.connector.calls.filter((c) => c.method === 'POST' && /\/activities$/.test(c.path));
    expect(accepted).toHaveLength(expected);
    const perMessage = new Map<string, number>();
    for (const call of accepted) {
      const key = `${call.path}|${/REQ-[0-9A-Z]{8}/.exec(JSON.stringify(call.body))?.[0]}`;
      perMessage.set(key, (perMessage.get(key) ?? 0) + 1);
    }
    expect([...perMessage.values()].every((n) => n === 1)).toBe(true);
    expect(perMessage.size).toBe(expected);
    // Every message met a 429 first, then a 500 / 503 / timeout.
    expect(served429).toBe(expected);
    expect(servedErrors).toBe(expected);
    // The worker saw every 429 itself (no hidden SDK retries) and counted none as an attempt.
    expect(sent.reduce((sum, r) => sum + r.counts.throttles, 0)).toBe(served429);
    // Retry-After honoured: the next try of a throttled conversation came at least 2 s later.
    for (const [conversation, at] of throttledAt) {
      const retry = retriedAt.get(conversation);
      if (retry !== undefined) expect(retry - at).toBeGreaterThanOrEqual(RETRY_AFTER_S * 1000);
    }
    expect(retriedAt.size).toBe(expected);
    expect(run.failed).toBe(0);
  });
});
