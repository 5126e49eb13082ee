/**
 * The words of the request-handling use cases: what the maker or co-owner is told after pressing a
 * button, the requester's update lines, the notices on cards updated for the others, and why a
 * request moved on. All `Text`: rendered for each reader in their language.
 */
import type { HandlingAction } from '../domain/notifications/request-handling';
import type { MessageKey } from '../domain/message-keys';
import { text, type Text, type TextParam } from '../domain/text';

const DONE = {
  acknowledge: 'messages.requests.done.acknowledge',
  claim: 'messages.requests.done.claim',
  resolve: 'messages.requests.done.resolve',
  'hand-to-help-desk': 'messages.requests.done.hand-to-help-desk',
  'not-my-solution': 'messages.requests.done.not-my-solution',
  stuck: 'messages.requests.done.stuck',
} as const satisfies Record<HandlingAction['type'], MessageKey>;

/** What the person who pressed the button is told. */
export function doneText(action: HandlingAction): Text {
  return text(DONE[action.type]);
}

/** "4 hours", "90 minutes": how long a timer waited. */
export function durationText(minutes: number): Text {
  if (minutes % 60 === 0 && minutes >= 60) return text('messages.requests.duration.hours', { count: minutes / 60 });
  return text('messages.requests.duration.minutes', { count: minutes });
}

/** Why a request moved on without its holder acting (a timer, a fallback, "not my solution"). */
export type MoveReason =
  | { readonly kind: 'maker-timeout'; readonly holder: TextParam; readonly minutes: number }
  | { readonly kind: 'co-owners-timeout'; readonly minutes: number }
  | { readonly kind: 'unreachable'; readonly name: string }
  | { readonly kind: 'not-mine'; readonly name: string; readonly solution?: string };

/** The reason inside a sentence ("Megan Bowen didn't pick it up within 4 hours"), or opening one (`start`). */
export function moveReason(reason: MoveReason, start = false): Text {
  switch (reason.kind) {
    case 'maker-timeout':
      return text('messages.requests.moved.maker-timeout', { holder: reason.holder, duration: durationText(reason.minutes) });
    case 'co-owners-timeout':
      return text(start ? 'messages.requests.moved.co-owners-timeout-start' : 'messages.requests.moved.co-owners-timeout', {
        duration: durationText(reason.minutes),
      });
    case 'unreachable':
      return text('messages.requests.moved.unreachable', { name: reason.name });
    case 'not-mine':
      return reason.solution
        ? text('messages.requests.moved.not-mine', { name: reason.name, solution: reason.solution })
        : text('messages.requests.moved.not-mine-unnamed', { name: reason.name });
  }
}
