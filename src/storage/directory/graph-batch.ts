/**
 * Microsoft Graph JSON batching (`POST /$batch`, at most 20 requests each) for user look-ups: the
 * request bodies and how each sub-response reads. Pure; graph-people-directory.ts does the HTTP.
 */
import type { DirectoryAnswer, DirectoryUser } from '../../domain/ports/people-directory';

export const BATCH_LIMIT = 20;
export const USER_SELECT = 'id,displayName,userPrincipalName,mail,accountEnabled,preferredLanguage';

export interface BatchRequest {
  readonly id: string;
  readonly method: 'GET';
  readonly url: string;
}

/** `/users/{id-or-upn}`: Graph finds a user by object id or UPN this way. */
export function byIdOrUpn(id: string, key: string): BatchRequest {
  return { id, method: 'GET', url: `/users/${encodeURIComponent(key)}?$select=${USER_SELECT}` };
}

/** `/users?$filter=mail eq '…'`: for an email that is not the UPN (OData doubles a quote). */
export function byMail(id: string, email: string): BatchRequest {
  const literal = email.replace(/'/g, "''");
  return { id, method: 'GET', url: `/users?$filter=${encodeURIComponent(`mail eq '${literal}'`)}&$select=${USER_SELECT}` };
}

export interface SubResponse {
  readonly id: string;
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

/** A sub-response the batch should try again (throttled or a server error), and after how long. */
export function retryable(status: number): boolean {
  return status === 429 || status >= 500;
}

export function retryAfterMs(headers: Readonly<Record<string, string>> | undefined, fallbackMs: number): number {
  const value = Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === 'retry-after')?.[1];
  const seconds = value === undefined ? NaN : Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : fallbackMs;
}

function userOf(body: unknown): DirectoryUser | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const b = body as Record<string, unknown>;
  if (typeof b.id !== 'string' || b.id === '') return undefined;
  return {
    id: b.id,
    displayName: typeof b.displayName === 'string' ? b.displayName : '',
    userPrincipalName: typeof b.userPrincipalName === 'string' ? b.userPrincipalName : '',
    ...(typeof b.mail === 'string' && b.mail ? { mail: b.mail } : {}),
    // Graph omits accountEnabled when the caller may not read it: count the account as enabled then.
    accountEnabled: b.accountEnabled !== false,
    ...(typeof b.preferredLanguage === 'string' && b.preferredLanguage ? { preferredLanguage: b.preferredLanguage } : {}),
  };
}

/** A final answer from a sub-response that is not to be retried. */
export function answerOf(response: SubResponse, kind: 'by-id-or-upn' | 'by-mail'): DirectoryAnswer {
  if (response.status === 200) {
    const body = response.body as { value?: unknown[] } | undefined;
    const user =
      kind === 'by-mail'
        ? Array.isArray(body?.value) && body.value.length === 1
          ? userOf(body.value[0])
          : undefined
        : userOf(response.body);
    return user ? { kind: 'found', user } : { kind: 'not-found' };
  }
  // 404: no such user; 400: not a valid id or UPN (an email with characters a UPN cannot have).
  if (response.status === 404 || response.status === 400) return { kind: 'not-found' };
  if (response.status === 401 || response.status === 403) {
    return {
      kind: 'unavailable',
      detail: `Microsoft Graph refused the look-up (HTTP ${response.status}): grant the app the User.Read.All application permission`,
    };
  }
  return { kind: 'unavailable', detail: `Microsoft Graph answered HTTP ${response.status}` };
}
