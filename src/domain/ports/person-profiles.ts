/**
 * How each person reads the bot: their language and time zone, as their own Teams client last told
 * it (storage/conversations/table-profile-store.ts). Proactive messages to them are written in it.
 */
import type { Versioned } from './versioned';

export interface PersonProfile {
  /** One of the bot's languages ("fr"), as the person's Teams locale maps to it. */
  readonly locale: string;
  /** An IANA time zone ("Europe/Paris"). */
  readonly timeZone: string;
}

export interface PersonProfiles {
  read(aadObjectId: string): Promise<(PersonProfile & Versioned) | undefined>;
  /**
   * Creates the row (no `etag`) or replaces the version read (`etag`); ConcurrencyConflictError when
   * someone else created or changed it first.
   */
  write(aadObjectId: string, profile: PersonProfile, etag: string | undefined): Promise<void>;
  /** Creates or replaces the row, whatever it held: for a profile that does not depend on what it held. */
  put(aadObjectId: string, profile: PersonProfile): Promise<void>;
}
