/** The result of one catalog sync, as stored for admins (bounded lists). Pure. */
import type { AttentionItem } from './person-identity';

export const SYNC_LIST_LIMIT = 200;

export interface SyncReport {
  readonly source: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  /** Which instance ran it. */
  readonly instance: string;
  readonly outcome: 'ok' | 'failed';
  /** Why a failed sync failed (the source could not be read, storage failed…). */
  readonly error?: string;
  readonly counts: {
    readonly added: number;
    readonly updated: number;
    readonly unchanged: number;
    readonly rejected: number;
    readonly attention: number;
  };
  readonly rejected: readonly { readonly line: number; readonly id?: string; readonly reasons: readonly string[] }[];
  readonly attention: readonly (AttentionItem & { readonly line: number })[];
  readonly warnings: readonly { readonly line: number; readonly id: string; readonly messages: readonly string[] }[];
}
