/** What happened to a catalog entry, for its history (admin edits, imports and syncs). Pure data. */
import type { RecordField } from './solution-record';

export interface CatalogHistoryEvent {
  readonly at: string;
  /** An admin's Entra object id and name, or the system (import, sync, directory). */
  readonly by:
    | { readonly kind: 'admin'; readonly aadObjectId: string; readonly displayName: string }
    | { readonly kind: 'system'; readonly component: 'import' | 'sync' | 'directory' }
    /** A Power Platform team member who approved a graduation request (governance). */
    | { readonly kind: 'graduation'; readonly aadObjectId: string; readonly displayName: string; readonly requestId: string };
  readonly type: 'edited';
  readonly fields: readonly RecordField[];
  /** Before → after, in the canonical file's words (short texts only). */
  readonly changes: Readonly<Record<string, { readonly from: string; readonly to: string }>>;
}
