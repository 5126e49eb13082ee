/**
 * "my requests": a person's own requests, a page at a time, and one of them with its newest history.
 * Whose requests they are comes from the caller's identity only: pages read the caller's own index
 * rows, and a request opened by id is shown only if storage says the caller asked for it.
 */
import type { RequestHistoryEvent, PersonRef } from '../../domain/history';
import type { SupportRequest } from '../../domain/intake/support-request';
import type { RequesterPage, RequestRepository } from '../../domain/ports/requests';

export const MY_REQUESTS_PAGE_SIZE = 10;
/** The newest events shown with an opened request. */
export const SHOWN_HISTORY = 10;

export type MyRequestsPort = Pick<RequestRepository, 'pageByRequester' | 'get' | 'history'>;

export function myRequestsPage(requests: MyRequestsPort, actor: PersonRef, after?: string): Promise<RequesterPage> {
  return requests.pageByRequester(actor.aadObjectId, after, MY_REQUESTS_PAGE_SIZE);
}

export type OpenedRequest =
  | { readonly kind: 'found'; readonly request: SupportRequest; readonly history: readonly RequestHistoryEvent[] }
  | { readonly kind: 'not-found' };

/** Someone else's request is answered exactly like an unknown one: it tells nothing about it. */
export async function openMyRequest(requests: MyRequestsPort, actor: PersonRef, requestId: string): Promise<OpenedRequest> {
  const stored = await requests.get(requestId);
  if (stored === undefined || stored.request.requester.aadObjectId !== actor.aadObjectId) return { kind: 'not-found' };
  const history = await requests.history(requestId);
  return { kind: 'found', request: stored.request, history: history.slice(-SHOWN_HISTORY).reverse() };
}
