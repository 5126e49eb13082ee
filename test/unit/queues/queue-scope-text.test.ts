import { parseQueueScope, queueIdOfScope } from '../../../src/domain/queues/queue-scope-text';
import { isQueueId } from '../../../src/domain/queues/queue';

describe('the scope an admin types after "register help desk"', () => {
  it('reads a business unit, categories, or both; the queue id follows from the scope', () => {
    expect(parseQueueScope('for Finance')).toEqual({
      ok: true,
      queue: 'help-desk:finance',
      scope: { businessUnits: ['Finance'], categories: [] },
    });
    expect(parseQueueScope('for business unit EMEA North')).toMatchObject({
      queue: 'help-desk:emea-north',
      scope: { businessUnits: ['EMEA North'] },
    });
    expect(parseQueueScope('categories connector, access')).toEqual({
      ok: true,
      queue: 'help-desk:access-connector-or-environment',
      scope: { businessUnits: [], categories: ['access', 'connector-or-environment'] },
    });
    expect(parseQueueScope('for Finance categories access and problem')).toMatchObject({
      queue: 'help-desk:finance-access-solution-problem',
      scope: { businessUnits: ['Finance'], categories: ['access', 'solution-problem'] },
    });
    // The same scope typed differently is the same queue (registering it again moves it).
    expect(parseQueueScope('category Access,Connectors')).toMatchObject({ queue: 'help-desk:access-connector-or-environment' });
    expect(parseQueueScope('for FINANCE')).toMatchObject({ queue: 'help-desk:finance' });
  });

  it('refuses what names no scope, an unknown category, and an over-long business unit', () => {
    expect(parseQueueScope('')).toEqual({ ok: false, problem: 'no-scope' });
    expect(parseQueueScope('please')).toEqual({ ok: false, problem: 'no-scope' });
    expect(parseQueueScope('for ')).toEqual({ ok: false, problem: 'no-scope' });
    expect(parseQueueScope('categories access, wishes')).toEqual({ ok: false, problem: 'unknown-category', word: 'wishes' });
    expect(parseQueueScope(`for ${'x'.repeat(201)}`)).toEqual({ ok: false, problem: 'business-unit-too-long' });
  });

  it('gives a valid, stable id to names with no Latin letters or too long for one', () => {
    const korean = queueIdOfScope({ businessUnits: ['재무팀'], categories: [] });
    expect(korean).toMatch(/^help-desk:q-[0-9a-f]{8}$/);
    expect(queueIdOfScope({ businessUnits: ['재무팀'], categories: [] })).toBe(korean);
    expect(queueIdOfScope({ businessUnits: ['인사팀'], categories: [] })).not.toBe(korean);
    const long = queueIdOfScope({ businessUnits: ['Global Procurement and Supplier Relations'], categories: ['access'] });
    expect(isQueueId(long)).toBe(true);
    expect(isQueueId(korean)).toBe(true);
  });
});
