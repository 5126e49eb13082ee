/**
 * The organisation's directory (Microsoft Entra ID through Microsoft Graph): who a person named by
 * email, UPN or object id is. Implemented in src/storage/directory/ (Graph over HTTPS); tests and the
 * local run point it at a local stand-in.
 */

/** What Graph says about a user (`$select=id,displayName,userPrincipalName,mail,accountEnabled,preferredLanguage`). */
export interface DirectoryUser {
  readonly id: string;
  readonly displayName: string;
  readonly userPrincipalName: string;
  readonly mail?: string;
  readonly accountEnabled: boolean;
  readonly preferredLanguage?: string;
}

export type DirectoryAnswer =
  | { readonly kind: 'found'; readonly user: DirectoryUser }
  /** The directory has no such user (by UPN, by mail, or by object id). */
  | { readonly kind: 'not-found' }
  /** No answer in time (throttled, down, refused): ask again later. */
  | { readonly kind: 'unavailable'; readonly detail: string };

export interface LookupOptions {
  /** The most the whole lookup may take, retries included (a turn waits less than an import). */
  readonly timeoutMs?: number;
}

export interface PeopleDirectory {
  /**
   * Looks each key (an object id, a UPN or an email) up. Every key gets an answer; a failure is an
   * `unavailable` answer, never an exception, so one bad person never stops an import.
   */
  lookup(keys: readonly string[], options?: LookupOptions): Promise<ReadonlyMap<string, DirectoryAnswer>>;
}
