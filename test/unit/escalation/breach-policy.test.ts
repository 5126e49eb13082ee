import fc from 'fast-check';
import {
  BREACH_ACTIONS,
  breachDecision,
  DEFAULT_BREACH_POLICY,
  type BreachAction,
  type BreachPolicy,
} from '../../../src/domain/escalation/breach-policy';
import { MAX_BREACH_POLICY_ITEMS, MAX_BREACH_POLICY_TEXT, parseBreachPolicy } from '../../../src/domain/escalation/breach-policy-text';
import { SLA_KINDS, SLA_TIER_KEYS } from '../../../src/domain/sla';
import { TICKET_STATUSES } from '../../../src/domain/ticket-status';
import { acceptedTicket, escalatedTicket, ticketFor } from './escalation-fixtures';

describe('what a breach does', () => {
  test.each([
    ['Critical', 'escalate'],
    ['Important', 'notify-lead'],
    ['Productivity', 'alert'],
    [null, 'alert'],
  ] as const)('by default, a %s ticket the help desk holds: %s', (tier, kind) => {
    for (const clock of SLA_KINDS) {
      expect(breachDecision(DEFAULT_BREACH_POLICY, ticketFor({ tier, queue: 'help-desk:finance' }), clock)).toEqual({
        kind,
        queue: 'help-desk:finance',
      });
    }
  });

  test('a ticket the dedicated team holds is brought to their lead instead of escalated again', () => {
    expect(breachDecision(DEFAULT_BREACH_POLICY, escalatedTicket(), 'first-response')).toEqual({
      kind: 'notify-lead',
      queue: 'dedicated-team',
    });
    expect(breachDecision(DEFAULT_BREACH_POLICY, acceptedTicket(), 'resolution')).toEqual({ kind: 'notify-lead', queue: 'dedicated-team' });
    expect(breachDecision(DEFAULT_BREACH_POLICY, acceptedTicket({ tier: 'Productivity' }), 'resolution')).toEqual({
      kind: 'alert',
      queue: 'dedicated-team',
    });
  });

  test('nothing is owed once resolved or closed', () => {
    for (const status of ['resolved', 'closed'] as const) {
      expect(breachDecision(DEFAULT_BREACH_POLICY, { ...ticketFor(), status }, 'resolution')).toEqual({ kind: 'none' });
    }
  });

  test('property: the policy decides per tier and clock, for every open status of a help desk ticket', () => {
    const action = fc.constantFrom<BreachAction>(...BREACH_ACTIONS);
    const policy = fc.record(
      Object.fromEntries(SLA_TIER_KEYS.map((t) => [t, fc.record({ 'first-response': action, resolution: action })])),
    ) as fc.Arbitrary<BreachPolicy>;
    fc.assert(
      fc.property(
        policy,
        fc.constantFrom(...SLA_TIER_KEYS),
        fc.constantFrom(...SLA_KINDS),
        fc.constantFrom(...TICKET_STATUSES),
        (p, tier, clock, status) => {
          const ticket = { ...ticketFor({ tier: tier === 'none' ? null : tier }), status };
          const decision = breachDecision(p, ticket, clock);
          if (status === 'resolved' || status === 'closed') expect(decision).toEqual({ kind: 'none' });
          else expect(decision).toEqual({ kind: p[tier][clock], queue: 'help-desk' });
        },
      ),
    );
  });
});

describe('SLA_BREACH_POLICY', () => {
  test('an empty text is the default policy', () => {
    expect(parseBreachPolicy('')).toEqual({ policy: DEFAULT_BREACH_POLICY, problems: [] });
    expect(parseBreachPolicy(' ; ;')).toEqual({ policy: DEFAULT_BREACH_POLICY, problems: [] });
  });

  test('items for a whole tier and for one clock, in any case; the one-clock item wins whatever the order', () => {
    const { policy, problems } = parseBreachPolicy(
      'important/RESOLUTION=Escalate; Important=alert ; none=notify-lead;productivity/first-response=escalate',
    );
    expect(problems).toEqual([]);
    expect(policy).toEqual({
      Critical: { 'first-response': 'escalate', resolution: 'escalate' },
      Important: { 'first-response': 'alert', resolution: 'escalate' },
      Productivity: { 'first-response': 'escalate', resolution: 'alert' },
      none: { 'first-response': 'notify-lead', resolution: 'notify-lead' },
    });
  });

  test('of two items for the same thing, the later wins', () => {
    expect(parseBreachPolicy('Critical=alert;Critical=notify-lead').policy.Critical).toEqual({
      'first-response': 'notify-lead',
      resolution: 'notify-lead',
    });
  });

  test('problems are codes with the item; bad items are skipped and the rest apply', () => {
    const { policy, problems } = parseBreachPolicy(
      'Critical=alert;Gold=escalate;Important/response=alert;none=page;nonsense;Important=escalate=1',
    );
    expect(problems).toEqual([
      { code: 'unknown-tier', item: 'Gold=escalate' },
      { code: 'unknown-clock', item: 'Important/response=alert' },
      { code: 'unknown-action', item: 'none=page' },
      { code: 'bad-item', item: 'nonsense' },
      { code: 'bad-item', item: 'Important=escalate=1' },
    ]);
    expect(policy).toEqual({ ...DEFAULT_BREACH_POLICY, Critical: { 'first-response': 'alert', resolution: 'alert' } });
  });

  test('bounded before anything is split or matched', () => {
    expect(parseBreachPolicy('x'.repeat(MAX_BREACH_POLICY_TEXT + 1))).toEqual({
      policy: DEFAULT_BREACH_POLICY,
      problems: [{ code: 'too-long', max: MAX_BREACH_POLICY_TEXT }],
    });
    const many = Array.from({ length: MAX_BREACH_POLICY_ITEMS + 1 }, () => 'none=alert').join(';');
    expect(many.length).toBeLessThanOrEqual(MAX_BREACH_POLICY_TEXT);
    expect(parseBreachPolicy(many)).toEqual({
      policy: DEFAULT_BREACH_POLICY,
      problems: [{ code: 'too-many-items', max: MAX_BREACH_POLICY_ITEMS }],
    });
  });

  test('property: a policy written out item by item reads back as itself, whatever the base', () => {
    const action = fc.constantFrom<BreachAction>(...BREACH_ACTIONS);
    const policy = fc.record(
      Object.fromEntries(SLA_TIER_KEYS.map((t) => [t, fc.record({ 'first-response': action, resolution: action })])),
    ) as fc.Arbitrary<BreachPolicy>;
    fc.assert(
      fc.property(policy, policy, (p, base) => {
        const text = SLA_TIER_KEYS.flatMap((t) => SLA_KINDS.map((k) => `${t}/${k}=${p[t][k]}`)).join(';');
        expect(parseBreachPolicy(text, base)).toEqual({ policy: p, problems: [] });
      }),
    );
  });

  test('property: any text gives a complete policy of known actions, and never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const { policy } = parseBreachPolicy(text);
        for (const t of SLA_TIER_KEYS) for (const k of SLA_KINDS) expect(BREACH_ACTIONS).toContain(policy[t][k]);
      }),
    );
  });
});
