import type { Person, Solution } from '../../src/domain/solution';

/** People and solutions used by protocol tests (ids are GUIDs, as Teams sends them). */
export const PEOPLE = {
  megan: { aadObjectId: '79a4d994-151f-4573-9813-92f75a1223df', displayName: 'Megan Bowen', email: 'meganb@contoso.example' },
  lee: { aadObjectId: 'f0fcce3d-482b-4e59-81e2-542c7050214b', displayName: 'Lee Gu', email: 'leeg@contoso.example' },
  nestor: { aadObjectId: 'c348d661-5771-4eac-977a-6085503963b9', displayName: 'Nestor Wilke', email: 'nestorw@contoso.example' },
} satisfies Record<string, Person>;

function solution(id: string, name: string, tier: Solution['tier'], extra: Partial<Solution> = {}): Solution {
  return {
    id,
    name,
    kind: 'canvas-app',
    environment: 'Contoso (default)',
    tier,
    maker: PEOPLE.megan,
    coOwners: [],
    dataSources: [],
    status: 'active',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  };
}

export const SOLUTIONS = {
  expenses: solution('expense-tracker', 'Expense Tracker', 'Productivity'),
  rooms: solution('room-booking', 'Room Booking', 'Important', { kind: 'flow', coOwners: [PEOPLE.lee, PEOPLE.nestor] }),
  invoices: solution('invoice-approval', 'Invoice Approval', 'Critical', { kind: 'model-driven-app', coOwners: [PEOPLE.lee] }),
  orphan: solution('leave-requests', 'Leave Requests', 'Productivity', { status: 'orphaned', coOwners: [PEOPLE.nestor] }),
  lonelyOrphan: solution('old-survey', 'Old Survey', 'Productivity', { status: 'orphaned' }),
} satisfies Record<string, Solution>;
