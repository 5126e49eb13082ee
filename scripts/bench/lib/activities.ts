/**
 * Activities as Teams sends them to a bot in a personal chat (shape and size of real ones: ids,
 * tenant, channel data, the client's locale and time zone), for one simulated person.
 */
import { randomUUID } from 'node:crypto';

export const BENCH_TENANT = '2ace6534-1e56-41e8-8c48-c14c4987943e';

export interface Person {
  readonly aadObjectId: string;
  readonly name: string;
}

export function newPerson(i: number): Person {
  return { aadObjectId: randomUUID(), name: `Bench Person ${i}` };
}

function personal(person: Person, serviceUrl: string): object {
  return {
    channelId: 'msteams',
    serviceUrl,
    from: { id: `29:1${person.aadObjectId.replace(/-/g, '')}`, name: person.name, aadObjectId: person.aadObjectId },
    recipient: { id: '28:bench-bot', name: 'Support Desk' },
    conversation: { id: `a:${person.aadObjectId}`, conversationType: 'personal', tenantId: BENCH_TENANT },
    channelData: { tenant: { id: BENCH_TENANT } },
    locale: 'en-US',
    localTimezone: 'Europe/Stockholm',
    entities: [{ type: 'clientInfo', locale: 'en-US', country: 'SE', platform: 'Web', timezone: 'Europe/Stockholm' }],
  };
}

export function messageActivity(person: Person, serviceUrl: string, text: string): object {
  const now = new Date();
  return {
    ...personal(person, serviceUrl),
    type: 'message',
    id: randomUUID(),
    timestamp: now.toISOString(),
    localTimestamp: now.toISOString(),
    text,
    textFormat: 'plain',
  };
}

export function cardActionActivity(person: Person, serviceUrl: string, verb: string, data: object): object {
  const now = new Date();
  return {
    ...personal(person, serviceUrl),
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: randomUUID(),
    timestamp: now.toISOString(),
    localTimestamp: now.toISOString(),
    replyToId: `1:${randomUUID()}`,
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}
