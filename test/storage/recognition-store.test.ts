/**
 * The makers' recognition in Table Storage: each person's choice with its ETag, the opted-out list,
 * and the thank-you record written once per person and month together with its DM.
 */
import type { OutboxMessage } from '../../src/domain/outbox-message';
import { ConcurrencyConflictError } from '../../src/domain/ports/storage-errors';
import type { Thanks } from '../../src/domain/recognition/thanks';
import { thanksId } from '../../src/services/recognition/thanks-job';
import { partitionOf } from '../../src/storage/cases/case-partitions';
import { TableRecognitionChoices } from '../../src/storage/recognition/table-recognition-choices';
import { TableThanksRecords } from '../../src/storage/recognition/table-thanks-records';
import { listRange } from '../../src/storage/table-calls';
import type { TableService } from '../../src/storage/table-service';
import { freshTables } from '../support/test-storage';

const MEGAN = '79a4d994-151f-4573-9813-92f75a1223df';
const LEE = 'a1e0c0de-0000-4000-8000-0000000000ee';
const AT = '2026-12-01T02:00:00.000Z';

const thanks = (month: string, aadObjectId: string, answered = 3): Thanks => ({
  id: thanksId(month, aadObjectId),
  month,
  aadObjectId,
  displayName: '메건 보언 🙏',
  answered,
  resolved: 2,
  meanMs: 1_800_000,
  createdAt: AT,
});
const dm = (t: Thanks): OutboxMessage => ({
  id: `${t.id}.thanks.${t.aadObjectId}`,
  requestId: t.id,
  purpose: 'requester-update',
  target: { kind: 'user', aadObjectId: t.aadObjectId, displayName: t.displayName },
  card: { card: 'recognition-thanks', data: { answered: t.answered } },
  createdAt: AT,
});

describe('recognition in Table Storage', () => {
  let tables: TableService;
  let choices: TableRecognitionChoices;
  let records: TableThanksRecords;

  beforeAll(async () => {
    tables = await freshTables();
    choices = new TableRecognitionChoices(tables.client('conversations'));
    records = new TableThanksRecords(tables.client('cases'), tables.client('conversations'));
  });

  it('stores a choice per person, written with the ETag read', async () => {
    expect(await choices.read(MEGAN)).toBeUndefined();
    await choices.write(MEGAN.toUpperCase(), { optedOut: true, changedAt: AT }, undefined);
    const stored = (await choices.read(MEGAN))!;
    expect(stored).toMatchObject({ optedOut: true, changedAt: AT, etag: expect.any(String) });
    // A second "first" write, or a write with an old ETag, is a conflict: nothing is silently undone.
    await expect(choices.write(MEGAN, { optedOut: false, changedAt: AT }, undefined)).rejects.toBeInstanceOf(ConcurrencyConflictError);
    await choices.write(MEGAN, { optedOut: false, changedAt: '2026-12-02T00:00:00.000Z' }, stored.etag);
    await expect(choices.write(MEGAN, { optedOut: true, changedAt: AT }, stored.etag)).rejects.toBeInstanceOf(ConcurrencyConflictError);
    expect(await choices.read(MEGAN)).toMatchObject({ optedOut: false, changedAt: '2026-12-02T00:00:00.000Z' });
  });

  it('lists only the people who are opted out now, in lower case', async () => {
    await choices.write(LEE.toUpperCase(), { optedOut: true, changedAt: AT }, undefined);
    expect([...(await choices.optedOut())]).toEqual([LEE]);
    const megan = (await choices.read(MEGAN))!;
    await choices.write(MEGAN, { optedOut: true, changedAt: AT }, megan.etag);
    expect([...(await choices.optedOut())].sort()).toEqual([LEE, MEGAN].sort());
  });

  it('records a thank-you with its DM once per person and month', async () => {
    const first = thanks('2026-11', MEGAN);
    expect(await records.record(first, [dm(first)])).toBe(true);
    // Again (another instance, a second run), even with other figures: nothing is written.
    const again = thanks('2026-11', MEGAN, 99);
    expect(await records.record(again, [dm(again)])).toBe(false);
    // Another month, another person: each its own record.
    expect(await records.record(thanks('2026-12', MEGAN), [dm(thanks('2026-12', MEGAN))])).toBe(true);
    expect(await records.record(thanks('2026-11', LEE), [dm(thanks('2026-11', LEE))])).toBe(true);

    const pk = partitionOf(first.id);
    const pending = await listRange<object>(tables.client('cases'), { partitionKey: pk, prefix: `out|${first.id}` }, 'read');
    expect(pending).toHaveLength(1);
    const rows = await listRange<object>(tables.client('cases'), { partitionKey: pk, prefix: 'thanks|2026-11|' }, 'read');
    expect(rows).toHaveLength(1);
  });

  it('a month is marked done once, and only that month', async () => {
    expect(await records.monthDone('2026-11')).toBe(false);
    await records.markMonthDone('2026-11', new Date(AT));
    await records.markMonthDone('2026-11', new Date(AT));
    expect(await records.monthDone('2026-11')).toBe(true);
    expect(await records.monthDone('2026-10')).toBe(false);
  });
});
