import { randomUUID } from 'node:crypto';

/** Builders for the activities Teams posts to the bot, with realistic Teams fields. */
export const TEST_TENANT = '8d2b7c1e-4f3a-4e2b-9c6d-1a2b3c4d5e6f';
export const BOT = { id: '28:bot-app-id', name: 'Support Intake' };

export interface TestUser {
  readonly id: string;
  readonly aadObjectId: string;
  readonly name: string;
}

export function user(name: string, aadObjectId: string): TestUser {
  return { id: `29:${aadObjectId}`, aadObjectId, name };
}

export const ALEX = user('Alex Wilber', 'a1e0c0de-0000-4000-8000-000000000001');

interface Base {
  serviceUrl: string;
  from?: TestUser;
  tenantId?: string;
  conversationId?: string;
}

/** The fields every activity from Teams carries; `conversation` and `channelData` extras vary by scope. */
export function envelope(
  serviceUrl: string,
  from: TestUser,
  tenantId: string,
  conversation: Record<string, unknown>,
  channelData: Record<string, unknown> = {},
) {
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    from,
    recipient: BOT,
    conversation: { ...conversation, tenantId },
    channelData: { tenant: { id: tenantId }, ...channelData },
    locale: 'en-US',
  };
}

function common({ serviceUrl, from = ALEX, tenantId = TEST_TENANT, conversationId }: Base) {
  return envelope(serviceUrl, from, tenantId, { id: conversationId ?? `a:personal-${from.aadObjectId}`, conversationType: 'personal' });
}

export function personalMessage(text: string, base: Base) {
  return { ...common(base), type: 'message', text, textFormat: 'plain' };
}

/** The invoke Teams sends when a user presses an Action.Execute button on a card. */
export function actionExecute(verb: string, data: Record<string, unknown>, base: Base & { replyToId?: string }) {
  return {
    ...common(base),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: base.replyToId ?? 'card-activity-1',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

/** The bot was installed in a personal scope. */
export function botInstalled(base: Base) {
  return { ...common(base), type: 'conversationUpdate', membersAdded: [{ id: BOT.id }] };
}
