/** What happened to an article, one event per change, kept as its history (like a ticket's). */
import type { PersonRef } from '../history';
import type { ArticleStatus } from './article';

export type ArticleEvent =
  | { readonly type: 'created'; readonly at: string; readonly by: PersonRef }
  | { readonly type: 'edited'; readonly at: string; readonly by: PersonRef }
  | { readonly type: 'status'; readonly at: string; readonly by: PersonRef; readonly from: ArticleStatus; readonly to: ArticleStatus }
  /** A requester said it answered their question (`intakeId`: the request it saved) or that it did not. */
  | { readonly type: 'feedback'; readonly at: string; readonly helpful: boolean; readonly intakeId: string };
