/**
 * Remembers each person's language and time zone from what their Teams client says, so that messages
 * sent to them later (the maker's card, co-owner pings, updates, info requests) are in their language
 * and clock. Storage is the truth; an in-process cache of what storage holds (as last read or
 * written) means a turn that says nothing new costs no table call, and a delivery rarely one. The
 * cache is bounded and its entries expire, so another instance's newer write is seen within minutes.
 */
import type { PersonProfile, PersonProfiles } from '../../domain/ports/person-profiles';
import { ConcurrencyConflictError } from '../../domain/ports/storage-errors';

/** What one activity says about its sender: either part may be missing (an invoke without clientInfo). */
export interface ProfileHint {
  readonly locale?: string;
  readonly timeZone?: string;
}

export const DEFAULT_PROFILE: PersonProfile = { locale: 'en', timeZone: 'UTC' };

export interface ProfileMemoryOptions {
  readonly maxCached?: number;
  readonly ttlMs?: number;
  readonly now?: () => number;
}

/** Attempts at a write that keeps meeting someone else's (each re-reads first). */
const WRITE_ATTEMPTS = 3;

export class ProfileMemory {
  private readonly cache = new Map<string, { profile: PersonProfile | undefined; expiresAt: number }>();
  private readonly maxCached: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(
    private readonly store: PersonProfiles,
    options: ProfileMemoryOptions = {},
  ) {
    this.maxCached = options.maxCached ?? 10_000;
    this.ttlMs = options.ttlMs ?? 5 * 60_000;
    this.now = options.now ?? Date.now;
  }

  /** The remembered profile (undefined for someone the bot has never heard from). */
  async profileOf(aadObjectId: string): Promise<PersonProfile | undefined> {
    const id = aadObjectId.toLowerCase();
    const cached = this.cached(id);
    if (cached) return cached.profile;
    const stored = await this.store.read(id);
    const profile = stored ? { locale: stored.locale, timeZone: stored.timeZone } : undefined;
    this.keep(id, profile);
    return profile;
  }

  /**
   * What the person reads in now: the hint over what is remembered (over the defaults), written only
   * when it differs from what storage holds. Returns the profile in force.
   */
  async remember(aadObjectId: string, hint: ProfileHint): Promise<PersonProfile> {
    const id = aadObjectId.toLowerCase();
    const cached = this.cached(id);
    if (cached) {
      const merged = mergeProfile(cached.profile, hint);
      if (cached.profile && sameProfile(cached.profile, merged)) return merged;
      if (!hint.locale && !hint.timeZone) return merged;
    } else if (hint.locale && hint.timeZone) {
      // Nothing cached (a person new to this instance) and a complete hint: what is stored cannot change
      // the result (the hint wins every part), so it is written without reading it first, one call
      // instead of two for a new person. The latest hint wins, as it does in the loop below.
      const profile = { locale: hint.locale, timeZone: hint.timeZone };
      await this.store.put(id, profile);
      this.keep(id, profile);
      return profile;
    }
    for (let attempt = 1; ; attempt++) {
      const stored = await this.store.read(id);
      const current = stored ? { locale: stored.locale, timeZone: stored.timeZone } : undefined;
      const merged = mergeProfile(current, hint);
      // Nothing to learn (no hint), or nothing new: only remember what storage holds.
      if ((!hint.locale && !hint.timeZone) || (current && sameProfile(current, merged))) {
        this.keep(id, current);
        return merged;
      }
      try {
        await this.store.write(id, merged, stored?.etag);
        this.keep(id, merged);
        return merged;
      } catch (error) {
        // Another turn wrote first: read again and decide again (the latest hint still wins).
        if (!(error instanceof ConcurrencyConflictError) || attempt >= WRITE_ATTEMPTS) throw error;
      }
    }
  }

  private cached(id: string): { profile: PersonProfile | undefined } | undefined {
    const entry = this.cache.get(id);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.cache.delete(id);
      return undefined;
    }
    return entry;
  }

  private keep(id: string, profile: PersonProfile | undefined): void {
    this.cache.delete(id);
    if (this.cache.size >= this.maxCached) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(id, { profile, expiresAt: this.now() + this.ttlMs });
  }
}

export function mergeProfile(base: PersonProfile | undefined, hint: ProfileHint): PersonProfile {
  const from = base ?? DEFAULT_PROFILE;
  return { locale: hint.locale || from.locale, timeZone: hint.timeZone || from.timeZone };
}

function sameProfile(a: PersonProfile, b: PersonProfile): boolean {
  return a.locale === b.locale && a.timeZone === b.timeZone;
}
