/**
 * Queues: where a ticket waits and whose team works it. The help desk has a default queue and may
 * have more, each registered for business units or request categories; the dedicated Power
 * Platform team has one. A queue id is stored on the ticket and in table keys, so it is a short
 * string with no character Table Storage forbids in keys.
 */
import { literalGuard } from '../errors';

export const DEFAULT_HELP_DESK_QUEUE = 'help-desk' as const;
export const DEDICATED_TEAM_QUEUE = 'dedicated-team' as const;

/** The help desk's default queue, or one registered under a name: "help-desk:finance". */
export type HelpDeskQueueId = typeof DEFAULT_HELP_DESK_QUEUE | `help-desk:${string}`;
export type QueueId = HelpDeskQueueId | typeof DEDICATED_TEAM_QUEUE;

/** The guidance's support types 3 and 4: which team works a queue. */
export const QUEUE_TEAMS = ['help-desk', 'dedicated-team'] as const;
export type QueueTeam = (typeof QUEUE_TEAMS)[number];
export const isQueueTeam = literalGuard(QUEUE_TEAMS);

/** A named help desk queue: lowercase letters, digits and single hyphens, 1–32 characters. */
const QUEUE_NAME = /^[a-z0-9](?:-?[a-z0-9]){0,31}$/;
export const MAX_QUEUE_ID_LENGTH = 'help-desk:'.length + 32;

export function isQueueId(value: unknown): value is QueueId {
  if (typeof value !== 'string' || value.length > MAX_QUEUE_ID_LENGTH) return false;
  if (value === DEFAULT_HELP_DESK_QUEUE || value === DEDICATED_TEAM_QUEUE) return true;
  return value.startsWith('help-desk:') && QUEUE_NAME.test(value.slice('help-desk:'.length));
}

export function parseQueueId(value: unknown): QueueId | undefined {
  return isQueueId(value) ? value : undefined;
}

export function isHelpDeskQueue(queue: QueueId): queue is HelpDeskQueueId {
  return queue !== DEDICATED_TEAM_QUEUE;
}

export function queueTeamOf(queue: QueueId): QueueTeam {
  return isHelpDeskQueue(queue) ? 'help-desk' : 'dedicated-team';
}

/**
 * The queue id for a name an admin typed ("Finance", "EMEA North"): lowercased, runs of other
 * characters become one hyphen. Undefined when nothing usable is left or it is too long.
 */
export function helpDeskQueueNamed(name: string): HelpDeskQueueId | undefined {
  if (name.length > 200) return undefined;
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents go, their letters stay
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug === '' || slug === 'default') return slug === 'default' ? DEFAULT_HELP_DESK_QUEUE : undefined;
  const id = `help-desk:${slug}` as const;
  return isQueueId(id) ? id : undefined;
}
