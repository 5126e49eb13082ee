/** Which solutions need more support than their tier gives, whom to tell, and the period a notice is sent once in. */
import { noticePeriod, noticeRecipient, underSupportReasons } from '../../../src/domain/governance/under-supported';
import type { Solution } from '../../../src/domain/solution';

const AT = '2026-11-23T09:30:00.000Z';
const megan = { aadObjectId: '79a4d994-151f-4573-9813-92f75a1223df', displayName: 'Megan Bowen', email: 'meganb@contoso.example' };
const lee = { aadObjectId: 'f0fcce3d-482b-4e59-81e2-542c7050214b', displayName: 'Lee Gu', email: 'leeg@contoso.example' };
const nestor = { aadObjectId: 'c348d661-5771-4eac-977a-6085503963b9', displayName: 'Nestor Wilke', email: 'nestorw@contoso.example' };
const T = { sharedUsers: 100, launches: 800 };
const solution = (extra: Partial<Solution> = {}): Solution => ({
  id: 's',
  name: 'S',
  kind: 'canvas-app',
  environment: 'E',
  tier: 'Productivity',
  maker: megan,
  coOwners: [],
  dataSources: [],
  status: 'active',
  createdAt: AT,
  updatedAt: AT,
  ...extra,
});

describe('under-support reasons', () => {
  it.each([
    ['a quiet Productivity solution', {}, []],
    ['shared at the threshold', { usage: { sharedUsers: 100 } }, ['highly-shared', 'no-co-owners']],
    ['shared just below it', { usage: { sharedUsers: 99 } }, []],
    ['launched at the threshold, with a co-owner', { usage: { sessions: 800 }, coOwners: [lee] }, ['highly-used']],
    [
      'a co-owner who cannot be messaged does not count',
      { usage: { sessions: 800 }, coOwners: [{ ...lee, aadObjectId: undefined }] },
      ['highly-used', 'no-co-owners'],
    ],
    ['orphaned, with a co-owner', { status: 'orphaned', coOwners: [lee] }, ['no-active-maker']],
    ['a maker the directory disabled', { maker: { ...megan, identity: { state: 'disabled' } } }, ['no-active-maker', 'no-co-owners']],
    ['Important without co-owners', { tier: 'Important' }, ['no-co-owners']],
    [
      'Important with a co-owner, highly shared (usage only counts for Productivity)',
      { tier: 'Important', coOwners: [lee], usage: { sharedUsers: 9999 } },
      [],
    ],
    ['Critical', { tier: 'Critical', usage: { sharedUsers: 9999 }, status: 'orphaned' }, []],
    ['retired', { status: 'retired', usage: { sharedUsers: 9999 } }, []],
  ] as const)('%s', (_name, extra, expected) => {
    expect(underSupportReasons(solution(extra as Partial<Solution>), T)).toEqual(expected);
  });
});

describe('whom to tell', () => {
  it('the maker while they are there', () =>
    expect(noticeRecipient(solution({ manager: nestor }))).toEqual({ person: megan, role: 'maker' }));
  it('the manager when the maker left', () =>
    expect(noticeRecipient(solution({ status: 'orphaned', manager: nestor }))).toEqual({ person: nestor, role: 'manager' }));
  it('nobody when neither can be messaged', () => {
    expect(noticeRecipient(solution({ status: 'orphaned' }))).toBeUndefined();
    expect(
      noticeRecipient(solution({ maker: { ...megan, aadObjectId: undefined }, manager: { ...nestor, aadObjectId: undefined } })),
    ).toBeUndefined();
  });
});

describe('the notice period (ISO week, UTC)', () => {
  it.each([
    ['2026-11-23T00:00:00Z', '2026-W48'], // Monday
    ['2026-11-29T23:59:59Z', '2026-W48'], // Sunday
    ['2026-11-30T00:00:00Z', '2026-W49'],
    ['2027-01-01T12:00:00Z', '2026-W53'], // a Friday: still the last week of 2026
    ['2024-12-30T12:00:00Z', '2025-W01'], // a Monday: already the first week of 2025
  ])('%s is %s', (at, week) => expect(noticePeriod(new Date(at))).toBe(week));
});
