import { isLoopbackUrl } from '../config/validators';
import { shapeProblem } from './json-shape';

/**
 * What an incoming activity must look like before anything else reads it: bounded in shape (see
 * json-shape), from Teams, with the fields the bot relies on present and of the right type, and ids
 * that can be used in a URL and a log line. The Bot Framework adapter would otherwise throw deep
 * inside a turn on some malformed bodies (500, or a reply and an apology that both fail).
 */
export interface ActivityPolicy {
  /**
   * Local mode has no authentication: anyone who can reach the port chooses where the bot's replies
   * go. Only loopback service URLs (the Agents Playground, test connectors) are accepted then.
   */
  readonly loopbackServiceUrlsOnly: boolean;
}

/** The product is a Teams app; other Bot Framework channels lack the fields it works from. */
export const TEAMS_CHANNEL_ID = 'msteams';

/** Teams ids are far shorter (a personal conversation id is about 150 characters). */
const MAX_ID = 512;
const MAX_NAME = 512;
const MAX_SERVICE_URL = 2_048;
const MAX_TYPE = 64;
/** C0 and C1 control characters, DEL, and the Unicode line and paragraph separators. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const NOT_PRINTABLE_ASCII = /[^\x20-\x7e]/;

type Fields = Record<string, unknown>;

export function activityBodyProblem(body: unknown, policy: ActivityPolicy = { loopbackServiceUrlsOnly: false }): string | undefined {
  if (!isObject(body)) return 'the body must be a JSON object (an activity)';
  const shape = shapeProblem(body);
  if (shape !== undefined) return shape;
  const activity = body;
  return (
    token(activity.type, 'type', MAX_TYPE) ??
    id(activity.id, 'id') ??
    channelProblem(activity.channelId) ??
    serviceUrlProblem(activity.serviceUrl, policy) ??
    account(activity.from, 'from') ??
    account(activity.recipient, 'recipient') ??
    conversationProblem(activity.conversation) ??
    optionalString(activity.text, 'text') ??
    optionalId(activity.replyToId, 'replyToId') ??
    optionalString(activity.locale, 'locale', MAX_TYPE) ??
    membersProblem(activity.membersAdded, 'membersAdded') ??
    membersProblem(activity.membersRemoved, 'membersRemoved') ??
    entitiesProblem(activity.entities, activity.text) ??
    listOfObjects(activity.attachments, 'attachments') ??
    channelDataProblem(activity.channelData) ??
    invokeProblem(activity)
  );
}

function channelProblem(value: unknown): string | undefined {
  const problem = token(value, 'channelId', MAX_TYPE);
  if (problem !== undefined) return problem;
  return value === TEAMS_CHANNEL_ID ? undefined : `only activities from Microsoft Teams ("channelId": "${TEAMS_CHANNEL_ID}") are accepted`;
}

function serviceUrlProblem(value: unknown, policy: ActivityPolicy): string | undefined {
  const problem = token(value, 'serviceUrl', MAX_SERVICE_URL);
  if (problem !== undefined) return problem;
  let url: URL;
  try {
    url = new URL(value as string);
  } catch {
    return '"serviceUrl" must be an absolute URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return '"serviceUrl" must be an http(s) URL';
  if (url.username !== '' || url.password !== '') return '"serviceUrl" must not carry credentials';
  if (policy.loopbackServiceUrlsOnly && !isLoopbackUrl(url.href)) return 'in local mode "serviceUrl" must be a loopback address';
  return undefined;
}

/** `from` and `recipient`: an account with an id; Teams adds the person's Entra object id and name. */
function account(value: unknown, name: string): string | undefined {
  if (!isObject(value)) return `"${name}" must be an object with an "id"`;
  return (
    id(value.id, `${name}.id`) ??
    optionalId(value.aadObjectId, `${name}.aadObjectId`) ??
    optionalString(value.name, `${name}.name`, MAX_NAME)
  );
}

function conversationProblem(value: unknown): string | undefined {
  if (!isObject(value)) return '"conversation" must be an object with an "id"';
  if (value.isGroup !== undefined && typeof value.isGroup !== 'boolean') return '"conversation.isGroup" must be a boolean';
  return (
    id(value.id, 'conversation.id') ??
    optionalId(value.tenantId, 'conversation.tenantId') ??
    optionalString(value.conversationType, 'conversation.conversationType', MAX_TYPE)
  );
}

/** Every entry is looked at as a person (`member.id`): a null or a string would throw mid-turn. */
function membersProblem(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) return `"${name}" must be a list`;
  for (let i = 0; i < value.length; i++) {
    const member: unknown = value[i];
    if (!isObject(member)) return `"${name}[${i}]" must be an object with an "id"`;
    const problem = id(member.id, `${name}[${i}].id`);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

/**
 * Mentions are removed from the activity's text by the SDK, which looks for them by each entity's
 * `type` (lowercased: an entity without a type threw mid-turn), then reads `mentioned.id` and `text`
 * of each, and the activity's own `text` (a mention of the bot in an activity without text threw).
 */
function entitiesProblem(value: unknown, text: unknown): string | undefined {
  const problem = listOfObjects(value, 'entities');
  if (problem !== undefined || value === undefined) return problem;
  for (const [i, entity] of (value as Fields[]).entries()) {
    const invalidType = token(entity.type, `entities[${i}].type`, MAX_TYPE);
    if (invalidType !== undefined) return invalidType;
    if (entity.type !== 'mention') continue;
    if (typeof text !== 'string') return `"entities[${i}]" is a mention, which needs the activity's "text"`;
    if (!isObject(entity.mentioned)) return `"entities[${i}].mentioned" must be an object with an "id"`;
    const invalid = id(entity.mentioned.id, `entities[${i}].mentioned.id`);
    if (invalid !== undefined) return invalid;
    if (typeof entity.text !== 'string') return `"entities[${i}].text" must be a string`;
  }
  return undefined;
}

/** The tenant, team and channel ids Teams puts in channelData are used as ids (tenant guard, registrations). */
function channelDataProblem(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) return '"channelData" must be an object';
  for (const part of ['tenant', 'team', 'channel'] as const) {
    const item = value[part];
    if (item === undefined) continue;
    if (!isObject(item)) return `"channelData.${part}" must be an object`;
    const problem = optionalId(item.id, `channelData.${part}.id`) ?? optionalString(item.name, `channelData.${part}.name`, MAX_NAME);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

/** An invoke is routed by its name; a card action by the `action` in its value. */
function invokeProblem(activity: Fields): string | undefined {
  if (activity.type !== 'invoke') return optionalString(activity.name, 'name', MAX_NAME);
  const problem = token(activity.name, 'name', MAX_NAME);
  if (problem !== undefined) return problem;
  if (activity.name !== 'adaptiveCard/action') return undefined;
  if (!isObject(activity.value) || !isObject(activity.value.action)) return 'a card action needs "value.action"';
  return optionalString(activity.value.action.verb, 'value.action.verb', MAX_NAME);
}

function listOfObjects(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) return `"${name}" must be a list`;
  const index = value.findIndex((item) => !isObject(item));
  return index === -1 ? undefined : `"${name}[${index}]" must be an object`;
}

/**
 * An identifier: a non-empty, bounded string of printable ASCII, as every Teams id is. Ids go into
 * URLs, logs and HTTP headers: the connector client sends the conversation id in a header, where a
 * character beyond Latin-1 makes every reply (and the apology for the failed one) throw.
 */
function id(value: unknown, name: string): string | undefined {
  return (
    token(value, name, MAX_ID) ??
    (NOT_PRINTABLE_ASCII.test(value as string) ? `"${name}" must be printable ASCII, as Teams ids are` : undefined)
  );
}

function optionalId(value: unknown, name: string): string | undefined {
  return value === undefined ? undefined : id(value, name);
}

function token(value: unknown, name: string, max: number): string | undefined {
  if (typeof value !== 'string' || value.length === 0) return `"${name}" must be a non-empty string`;
  if (value.length > max) return `"${name}" is longer than ${max} characters`;
  if (CONTROL.test(value)) return `"${name}" contains control characters`;
  return undefined;
}

/** Free text (names, the message): any string, possibly empty; bounded when `max` is given. */
function optionalString(value: unknown, name: string, max?: number): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') return `"${name}" must be a string`;
  return max !== undefined && value.length > max ? `"${name}" is longer than ${max} characters` : undefined;
}

function isObject(value: unknown): value is Fields {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
