import { TableClient } from '@azure/data-tables';
import type { PersonProfile, PersonProfiles } from '../../domain/ports/person-profiles';
import type { Versioned } from '../../domain/ports/versioned';
import { encodeKey } from '../table-keys';
import { getOrUndefined, translate, unavailable } from '../table-calls';

/** One small row per person, in the Conversations table beside their 1:1 chat and endpoint. */
const PARTITION = 'profile';

interface ProfileRow {
  partitionKey: string;
  rowKey: string;
  /** ASCII only (a language code and an IANA zone name): plain string properties. */
  locale: string;
  timeZone: string;
}

/**
 * Each person's language and time zone (see the port), keyed by Entra object id. Written with the
 * ETag read, so two turns that learn different settings at once never silently undo each other.
 */
export class TableProfileStore implements PersonProfiles {
  constructor(private readonly table: TableClient) {}

  async read(aadObjectId: string): Promise<(PersonProfile & Versioned) | undefined> {
    return getOrUndefined(this.table, PARTITION, keyOf(aadObjectId), 'read profile', (row: ProfileRow & { etag: string }) => ({
      locale: String(row.locale ?? ''),
      timeZone: String(row.timeZone ?? ''),
      etag: row.etag,
    }));
  }

  async write(aadObjectId: string, profile: PersonProfile, etag: string | undefined): Promise<void> {
    const row: ProfileRow = { partitionKey: PARTITION, rowKey: keyOf(aadObjectId), locale: profile.locale, timeZone: profile.timeZone };
    try {
      if (etag === undefined) await this.table.createEntity(row);
      else await this.table.updateEntity(row, 'Replace', { etag });
    } catch (error) {
      throw translate(error, 'save profile', { on: ['exists', 'changed', 'gone'], key: `profile of ${aadObjectId}` });
    }
  }

  async put(aadObjectId: string, profile: PersonProfile): Promise<void> {
    const row: ProfileRow = { partitionKey: PARTITION, rowKey: keyOf(aadObjectId), locale: profile.locale, timeZone: profile.timeZone };
    try {
      await this.table.upsertEntity(row, 'Replace');
    } catch (error) {
      throw unavailable('save profile', error);
    }
  }
}

function keyOf(aadObjectId: string): string {
  return encodeKey(aadObjectId.toLowerCase());
}
