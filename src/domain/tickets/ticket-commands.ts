/**
 * The commands a ticket card can send, and what applying one yields: the next ticket, its history
 * events, what the requester is told; or a refusal, in words for the person who pressed the button.
 * A command has the name of the card's verb (`ticket.assign-me` → `assign-me`).
 */
import type { PersonRef, TicketHistoryEvent } from '../history';
import type { MessageKey } from '../message-keys';
import { text, type Text } from '../text';
import type { Ticket } from './ticket';

export type AgentCommand =
  /** "Assign to me": never takes a ticket from a colleague (that is "Assign to…", on purpose). */
  | { readonly type: 'assign-me'; readonly me: PersonRef }
  /** "Assign to…": someone the service found in the help desk's team. */
  | { readonly type: 'assign-to'; readonly assignee: PersonRef }
  | { readonly type: 'status'; readonly action: unknown }
  | { readonly type: 'note'; readonly text: unknown }
  | { readonly type: 'reply'; readonly text: unknown }
  | { readonly type: 'request-info'; readonly text: unknown }
  | { readonly type: 'resolve'; readonly resolution: unknown }
  | { readonly type: 'reopen' }
  /** Partner and Microsoft (legacy); the dedicated team's hand-off is escalation/escalate-to-dedicated-team.ts (`summary`, `tried`). */
  | {
      readonly type: 'escalate';
      readonly target: unknown;
      readonly caseReference: unknown;
      readonly summary?: unknown;
      readonly tried?: unknown;
    };

export type RequesterCommand =
  | { readonly type: 'answer'; readonly text: unknown }
  | { readonly type: 'add-details'; readonly text: unknown }
  | { readonly type: 'withdraw' }
  | { readonly type: 'reopen' }
  | { readonly type: 'confirm' };

export interface Change {
  readonly next: Ticket;
  readonly events: readonly TicketHistoryEvent[];
  /** What the requester is told in a DM, if anything (status changes, replies, questions); `message` is what the help desk typed. */
  readonly tellRequester?: { readonly heading: Text; readonly message?: Text | string };
  /** Escalated to the dedicated team: post the ticket card in their channel. */
  readonly handToDedicatedTeam?: boolean;
  /** One line for the person who acted. */
  readonly done: Text;
}

/** Why a command could not apply, in words for the person who pressed the button. */
export class CommandRefused extends Error {
  constructor(readonly reason: Text) {
    super(reason.key);
    this.name = 'CommandRefused';
  }
}

export const refuse = (key: MessageKey, params?: Record<string, string | number | Text>): never => {
  throw new CommandRefused(text(key, params));
};
