/**
 * Generated and mutated Teams activities for the fuzz test (test/protocol/fuzz.protocol.test.ts).
 * Every case starts from a realistic shape built with the same helpers as the protocol tests
 * (personal and channel messages, installs, Action.Execute presses with the verbs of `cards/*.json`
 * and the route tables, other invoke names) and is then mutated: fields dropped, retyped, oversized,
 * nested, given control characters, unicode, template expressions or other people's ids.
 */
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { BOT, envelope, type TestUser } from './activities';
import { channelActionExecute, channelMention, type TestChannel } from './channel-activities';
import { actionExecute, botInstalled, personalMessage } from './activities';
import { MUTATION, TEMPLATE_TEXTS, textArbitrary, mutate, type Mutation } from './fuzz-mutations';

/** What the generator knows of the world it fuzzes: who exists, whose ids, which URLs. */
export interface FuzzWorld {
  /** The recording connector: the only service URL the bot may call. */
  readonly trustedUrl: string;
  /**
   * A loopback connector that refuses every call (400, 403, 404…): the bot's sends fail there. (A port
   * where nothing listens would do too, but the connector client retries a refused connection for
   * about 10 s per send, too slow for thousands of cases.)
   */
  readonly failingUrl: string;
  /** The untrusted connector at a loopback address: used only by activities of other tenants. */
  readonly untrustedLoopbackUrl: string;
  /** The untrusted connector at a non-loopback address (refused in local mode). */
  readonly untrustedExternalUrl: string;
  readonly allowedTenant: string;
  readonly otherTenants: readonly string[];
  /** People the fuzz acts as: never the owner of the protected objects, an agent or an admin. */
  readonly actors: readonly TestUser[];
  readonly channels: readonly TestChannel[];
  /** Ids of objects the fuzz must not be able to change (someone else's), and the fuzz actors' own. */
  readonly ids: {
    readonly foreign: Readonly<Record<IdField, readonly string[]>>;
    readonly own: Readonly<Record<IdField, readonly string[]>>;
  };
  /** Whose the own ids are: the fuzz also walks that person's drafts on, with hostile text in them. */
  readonly ownActor: TestUser;
  /**
   * Presses made while the protected objects were set up (by their owner, the maker, an agent): the
   * fuzz sends them again as someone else, with the same conversation and activity ids, verb and data.
   */
  readonly replays: readonly Replay[];
  readonly verbs: readonly string[];
  /** Other ids the fuzz may put anywhere (people, solutions). */
  readonly otherIds: readonly string[];
  /**
   * Entra object ids of the people with rights on the protected objects (their owner, maker,
   * co-owners, agents, admins). Local mode authenticates nobody, so a sender could claim to be one of
   * them; in production Teams vouches for `from`. The fuzz never sends as them.
   */
  readonly privileged: readonly string[];
}

export interface Replay {
  readonly conversationId: string;
  readonly activityId: string;
  readonly conversationType?: string;
  readonly verb: string;
  readonly data: Record<string, unknown>;
}

export type IdField = 'intakeId' | 'ticketId' | 'requestId';

export interface FuzzCase {
  /** What was posted: an activity, or a raw body that is not one. */
  readonly body: unknown;
  readonly raw?: string;
  readonly headers: Record<string, string>;
  readonly label: string;
  readonly mutations: readonly Mutation[];
  /** Unmutated JSON with a service URL the bot accepts: must be served (200), whatever it says. */
  readonly wellFormed: boolean;
  /** Sent under the ids of an earlier press: a redelivery, answered with things as they are now. */
  readonly replayed: boolean;
}

/** Invoke names Teams sends, and ones it never does. */
export const INVOKE_NAMES = [
  'task/fetch',
  'task/submit',
  'composeExtension/query',
  'composeExtension/queryLink',
  'composeExtension/anonymousQueryLink',
  'composeExtension/fetchTask',
  'composeExtension/submitAction',
  'composeExtension/selectItem',
  'composeExtension/querySettingUrl',
  'composeExtension/setting',
  'composeExtension/onCardButtonClicked',
  'composeExtension/hack',
  'application/search',
  'adaptiveCard/search',
  'signin/verifyState',
  'signin/tokenExchange',
  'config/fetch',
  'tab/fetch',
  'fileConsent/invoke',
  'actionableMessage/executeAction',
  'message/submitAction',
  'handoff/action',
  'healthCheck',
  'intake.hack',
  'toString',
  '__proto__',
  'constructor',
] as const;

/** Verbs no card has: prototype members, near misses, other apps' verbs. */
export const JUNK_VERBS = [
  'toString',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  'valueOf',
  'intake.hack',
  'ticket.',
  'ticket.delete',
  'admin.wipe',
  'INTAKE.SUBMIT',
  ' intake.submit',
  'intake.submit\u200b',
  '',
];

const COMMANDS = [
  'new request',
  'hi',
  'help',
  'hello',
  'my requests',
  'my solutions',
  'solution expense',
  'how is Expense Tracker supported?',
  'who supports room booking',
  'open tickets',
  'unassigned sev a',
  'mine',
  'my tickets',
  'ticket HD-1',
  'ticket 2',
  'ticket #1',
  'register help desk',
  'register dedicated team',
  'outbox status',
  'new',
];

const CATEGORIES = [
  'solution-problem',
  'access',
  'find-or-how-to',
  'connector-or-environment',
  'platform-issue',
  'maker-stuck',
  'graduation',
];
const ENUMS: Record<string, readonly string[]> = {
  category: CATEGORIES,
  impact: ['me', 'team', 'business-unit', 'organisation'],
  urgency: ['blocked', 'workaround'],
  statusAction: ['start', 'wait-on-vendor', 'hand-back', 'close'], // hand-back: retired, refused
  target: ['dedicated-team', 'partner', 'microsoft'],
  view: ['open', 'unassigned', 'mine'],
  severity: ['A', 'B', 'C', 'a', ''],
  solutionId: ['expense-tracker', 'room-booking', 'invoice-approval', 'leave-requests', 'old-survey'],
};
const TEXT_FIELDS = ['title', 'description', 'since', 'query', 'note', 'text', 'resolution', 'caseReference'];

/** A value that is wrong for any field: the generic junk every field may get. */
export const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, 0, -1, 1e308, true, false, [], {}, '', ' ', 'undefined', 'null', '[object Object]'),
  fc.constantFrom(...TEMPLATE_TEXTS),
  fc.integer(),
  fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

function idValue(world: FuzzWorld, field: IdField): fc.Arbitrary<unknown> {
  const foreign = world.ids.foreign[field];
  const anyForeign = Object.values(world.ids.foreign).flat();
  const own = world.ids.own[field];
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...foreign) },
    { weight: 2, arbitrary: fc.constantFrom(...anyForeign) },
    { weight: own.length > 0 ? 6 : 0, arbitrary: own.length > 0 ? fc.constantFrom(...own) : fc.constant('') },
    { weight: 1, arbitrary: fc.constantFrom(...anyForeign).map((id) => id.toUpperCase()) },
    { weight: 1, arbitrary: fc.constantFrom(...anyForeign).map((id) => ` ${id}`) },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: junkValue },
  );
}

/** Card data: the fields of every card's Action.Execute data and inputs, each present or not. */
function cardData(world: FuzzWorld): fc.Arbitrary<Record<string, unknown>> {
  const fields: Record<string, fc.Arbitrary<unknown>> = {
    intakeId: idValue(world, 'intakeId'),
    ticketId: idValue(world, 'ticketId'),
    requestId: idValue(world, 'requestId'),
    offset: fc.oneof(fc.integer({ min: -5, max: 5_000 }), fc.constantFrom('0', '5', '1e3', '-1', 'NaN', 'Infinity'), junkValue),
    assigneeId: fc.oneof(fc.constantFrom(...world.otherIds), fc.uuid(), junkValue),
  };
  // Mostly values of the right type, so most presses get past the routes' schemas to the services;
  // the mutations and the junk here exercise the schemas.
  for (const [key, values] of Object.entries(ENUMS))
    fields[key] = fc.oneof({ weight: 15, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: junkValue });
  for (const key of TEXT_FIELDS) fields[key] = fc.oneof({ weight: 15, arbitrary: textArbitrary }, { weight: 1, arbitrary: junkValue });
  return fc.record(fields, { requiredKeys: [] }) as fc.Arbitrary<Record<string, unknown>>;
}

/** Who the activity is from: a fuzz actor, someone never seen, or a broken account. */
function sender(world: FuzzWorld): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...world.actors) },
    { weight: 2, arbitrary: fc.uuid().map((aad) => ({ id: `29:${aad}`, aadObjectId: aad, name: 'Someone New' })) },
    {
      weight: 1,
      arbitrary: fc.record({ id: fc.constantFrom('29:anonymous', '29:1'), name: fc.constantFrom('Guest', '', ...TEMPLATE_TEXTS) }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        id: fc.constant('29:x'),
        aadObjectId: fc.constantFrom('not-a-guid', ...TEMPLATE_TEXTS),
        name: fc.constant('X'),
      }),
    },
  );
}

type Scope = { kind: 'personal' } | { kind: 'channel'; channel: TestChannel } | { kind: 'group' };

function scope(world: FuzzWorld): fc.Arbitrary<Scope> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.constant<Scope>({ kind: 'personal' }) },
    { weight: 4, arbitrary: fc.constantFrom(...world.channels).map((channel): Scope => ({ kind: 'channel', channel })) },
    { weight: 1, arbitrary: fc.constant<Scope>({ kind: 'group' }) },
  );
}

/** The questionnaire's buttons, weighted so drafts go forward (to Submit) more often than they are cancelled. */
const INTAKE_STEP = fc.oneof(
  { weight: 3, arbitrary: fc.constant('intake.need') },
  { weight: 2, arbitrary: fc.constant('intake.search') },
  { weight: 2, arbitrary: fc.constant('intake.solution') },
  { weight: 4, arbitrary: fc.constant('intake.details') },
  { weight: 3, arbitrary: fc.constant('intake.submit') },
  { weight: 2, arbitrary: fc.constantFrom('intake.back', 'intake.show' /* a verb that no longer exists */) },
  { weight: 1, arbitrary: fc.constantFrom('intake.cancel', 'intake.start') },
);

/** What the questionnaire's inputs send, every field filled (with hostile text), so steps go through. */
const OWN_DATA: fc.Arbitrary<Record<string, unknown>> = fc.record({
  category: fc.constantFrom(...CATEGORIES),
  query: fc.oneof(fc.constantFrom('expense', 'room', 'invoice'), textArbitrary),
  solutionId: fc.constantFrom(...ENUMS.solutionId),
  title: textArbitrary,
  description: textArbitrary,
  since: fc.oneof(fc.constant(''), textArbitrary),
  impact: fc.constantFrom(...ENUMS.impact),
  urgency: fc.constantFrom(...ENUMS.urgency),
});

const SHAPES = [
  'message',
  'message',
  'message',
  'install',
  'members',
  'action',
  'action',
  'action',
  'action',
  'action',
  'action',
  'own',
  'own',
  'invoke',
  'invoke',
  'other-type',
] as const;
const OTHER_TYPES = [
  'messageReaction',
  'typing',
  'event',
  'installationUpdate',
  'messageUpdate',
  'messageDelete',
  'endOfConversation',
  'handoff',
  'trace',
  'Message',
  'INVOKE',
  'x',
];

/** Builds the realistic activity the case starts from. */
function build(
  world: FuzzWorld,
  shape: (typeof SHAPES)[number],
  from: unknown,
  where: Scope,
  text: string,
  verb: string,
  data: Record<string, unknown>,
  extra: { name: string; type: string; step: string; ownData: Record<string, unknown> },
): Record<string, unknown> {
  const user = from as TestUser;
  const base = { serviceUrl: world.trustedUrl, from: user, tenantId: world.allowedTenant };
  const inChannel = where.kind === 'channel' ? where.channel : undefined;
  const group = () =>
    envelope(world.trustedUrl, user, world.allowedTenant, {
      id: `19:group-${randomUUID()}@thread.v2`,
      conversationType: 'groupChat',
      isGroup: true,
    });
  switch (shape) {
    case 'message':
      if (inChannel) return channelMention(text, { ...base, channel: inChannel });
      return where.kind === 'group' ? { ...group(), type: 'message', text, textFormat: 'plain' } : personalMessage(text, base);
    case 'install':
      return botInstalled(base);
    case 'members': {
      const activity = inChannel ? channelMention('', { ...base, channel: inChannel }) : personalMessage('', base);
      return {
        ...activity,
        type: 'conversationUpdate',
        text: undefined,
        entities: undefined,
        membersAdded: [{ id: BOT.id }, { id: user.id, aadObjectId: user.aadObjectId }],
        membersRemoved: [{ id: '29:gone' }],
      };
    }
    case 'own': {
      // A step of the own actor's questionnaire on one of their drafts: deep into the intake, with hostile text.
      const own = world.ids.own.intakeId;
      return actionExecute(extra.step, { ...extra.ownData, intakeId: own[text.length % own.length] }, { ...base, from: world.ownActor });
    }
    case 'action':
      return inChannel ? channelActionExecute(verb, data, { ...base, channel: inChannel }) : actionExecute(verb, data, base);
    case 'invoke': {
      const press = inChannel ? channelActionExecute(verb, data, { ...base, channel: inChannel }) : actionExecute(verb, data, base);
      return {
        ...press,
        name: extra.name,
        value: { commandId: verb, parameters: [{ name: 'query', value: text }], data, url: world.trustedUrl },
      };
    }
    case 'other-type':
      return { ...personalMessage(text, base), type: extra.type, name: extra.name, value: data };
  }
}

/** Where the replies would go: chosen per case; see `placeServiceUrl` for the one rule. */
const URL_CHOICES = [
  'trusted',
  'trusted',
  'trusted',
  'trusted',
  'trusted',
  'trusted',
  'localhost',
  'failing',
  'untrusted-loopback',
  'untrusted-external',
  'garbage',
] as const;
/** Loopback, or (for other tenants, whose activities are dropped) the untrusted connector's loopback address. */
const ACCEPTED_URLS: ReadonlySet<string> = new Set(['trusted', 'localhost', 'failing', 'untrusted-loopback']);
const GARBAGE_URLS = [
  'javascript:alert(1)',
  'ftp://127.0.0.1/',
  'http://user:pass@127.0.0.1:1/',
  'not a url',
  '//127.0.0.1/',
  'file:///etc/passwd',
  'http://[::1',
  'http://127.0.0.1:99999/',
];

export function caseArbitrary(world: FuzzWorld): fc.Arbitrary<FuzzCase> {
  return fc
    .record({
      shape: fc.constantFrom(...SHAPES),
      from: sender(world),
      where: scope(world),
      text: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...COMMANDS) }, { weight: 3, arbitrary: textArbitrary }),
      verb: fc.oneof(
        { weight: 10, arbitrary: fc.constantFrom(...world.verbs) },
        { weight: 2, arbitrary: fc.constantFrom(...JUNK_VERBS) },
        { weight: 1, arbitrary: textArbitrary },
      ),
      data: cardData(world),
      name: fc.constantFrom(...INVOKE_NAMES),
      step: INTAKE_STEP,
      ownData: OWN_DATA,
      type: fc.constantFrom(...OTHER_TYPES),
      tenant: fc.oneof(
        { weight: 8, arbitrary: fc.constant(world.allowedTenant) },
        { weight: 1, arbitrary: fc.constant(world.allowedTenant.toUpperCase()) },
        { weight: 2, arbitrary: fc.constantFrom(...world.otherTenants) },
      ),
      url: fc.constantFrom(...URL_CHOICES),
      urlPick: fc.nat(),
      activityId: fc.oneof({ weight: 6, arbitrary: fc.uuid() }, { weight: 1, arbitrary: fc.constantFrom('1', 'f:1', '1:abc;messageid=1') }),
      replay: fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom(...world.replays) }),
      replayPress: fc.boolean(),
      mutations: fc.oneof(
        { weight: 1, arbitrary: fc.constant<Mutation[]>([]) },
        { weight: 1, arbitrary: fc.array(MUTATION, { minLength: 1, maxLength: 3 }) },
      ),
      raw: fc.oneof(
        { weight: 39, arbitrary: fc.constant(null) },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            '',
            '{',
            'null',
            '[]',
            '[{}]',
            '"activity"',
            '42',
            '{"type":"message"',
            '\ufeff{}',
            '{"type":"message","type":"invoke"}',
            '{"a":1}x',
          ),
        },
      ),
      contentType: fc.constantFrom(
        'application/json',
        'application/json',
        'application/json',
        'application/json; charset=utf-8',
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/json; charset=utf-16',
      ),
    })
    .map((c): FuzzCase => {
      const headers = { 'content-type': c.contentType };
      if (c.raw !== null)
        return {
          body: undefined,
          raw: c.raw,
          headers,
          label: `raw ${JSON.stringify(c.raw)}`,
          mutations: [],
          wellFormed: false,
          replayed: false,
        };
      const activity = build(world, c.shape, c.from, c.where, c.text, c.verb, c.data, {
        name: c.name,
        type: c.type,
        step: c.step,
        ownData: c.ownData,
      });
      activity.id = c.activityId;
      setTenant(activity, c.tenant);
      if (c.replay) {
        // Someone else's press again, under its ids: the same button, or (as built) another one.
        activity.id = c.replay.activityId;
        Object.assign(activity.conversation as Record<string, unknown>, {
          id: c.replay.conversationId,
          conversationType: c.replay.conversationType,
        });
        if (activity.type === 'invoke' && c.replayPress)
          activity.value = { action: { type: 'Action.Execute', verb: c.replay.verb, data: c.replay.data }, trigger: 'manual' };
      }
      activity.serviceUrl = pickUrl(world, c.url, c.urlPick);
      const mutated = mutate(activity, c.mutations, world) as Record<string, unknown>;
      placeServiceUrl(world, mutated);
      keepSender(world, mutated, activity.from);
      const label =
        `${String(mutated?.type)} ${String(mutated?.name ?? (mutated?.value as { action?: { verb?: unknown } })?.action?.verb ?? '')}`.slice(
          0,
          80,
        );
      // (A verb is a name: over 512 characters it is refused with 400, as it should be.)
      const wellFormed =
        c.mutations.length === 0 &&
        c.verb.length <= 512 &&
        /^application\/json(; charset=utf-8)?$/.test(c.contentType) &&
        ACCEPTED_URLS.has(c.url);
      return { body: mutated, headers, label, mutations: c.mutations, wellFormed, replayed: c.replay !== null };
    })
    .map((c) => Object.assign(c, { [fc.toStringMethod]: () => describeCase(c) }));
}

function setTenant(activity: Record<string, unknown>, tenant: string): void {
  (activity.conversation as Record<string, unknown>).tenantId = tenant;
  (activity.channelData as Record<string, unknown>).tenant = { id: tenant };
}

function pickUrl(world: FuzzWorld, choice: (typeof URL_CHOICES)[number], pick: number): string {
  switch (choice) {
    case 'trusted':
      return world.trustedUrl;
    case 'localhost':
      return world.trustedUrl.replace('127.0.0.1', 'localhost');
    case 'failing':
      return pick % 2 === 0 ? world.failingUrl : world.failingUrl.replace('127.0.0.1', 'localhost');
    case 'untrusted-loopback':
      return world.untrustedLoopbackUrl;
    case 'untrusted-external':
      return world.untrustedExternalUrl;
    case 'garbage':
      return GARBAGE_URLS[pick % GARBAGE_URLS.length];
  }
}

/** The tenant the bot will see (conversation first, then channelData), as the tenant guard reads it. */
export function tenantSeen(activity: unknown): string | undefined {
  const a = activity as { conversation?: { tenantId?: unknown }; channelData?: { tenant?: { id?: unknown } } } | null;
  const id = a?.conversation?.tenantId ?? a?.channelData?.tenant?.id;
  return typeof id === 'string' ? id.toLowerCase() : undefined;
}

/**
 * The one combination the fuzz never posts: an activity the bot will serve (an allowed tenant) with
 * the untrusted connector's loopback address. In local mode the bot answers at the activity's own
 * service URL, so that would be a legitimate call; the untrusted connector stands for other tenants'
 * and non-loopback endpoints, which the bot must never call. Such a case is pointed at the trusted one.
 */
function placeServiceUrl(world: FuzzWorld, activity: Record<string, unknown> | null): void {
  if (activity === null || typeof activity !== 'object' || typeof activity.serviceUrl !== 'string') return;
  if (tenantSeen(activity) !== world.allowedTenant) return;
  const untrustedPort = new URL(world.untrustedLoopbackUrl).port;
  let url: URL;
  try {
    url = new URL(activity.serviceUrl);
  } catch {
    return;
  }
  // The untrusted connector listens on every interface: any loopback host reaches it.
  if (url.port === untrustedPort && /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i.test(url.hostname)) activity.serviceUrl = world.trustedUrl;
}

/** A mutation that made the sender one of the privileged people puts the generated sender back. */
function keepSender(world: FuzzWorld, activity: Record<string, unknown> | null, from: unknown): void {
  const sender = (activity as { from?: { aadObjectId?: unknown } } | null)?.from;
  if (typeof sender?.aadObjectId === 'string' && world.privileged.includes(sender.aadObjectId.toLowerCase())) activity!.from = from;
}

function describeCase(c: FuzzCase): string {
  const shown =
    c.raw !== undefined
      ? c.raw
      : JSON.stringify(c.body, (_k, v: unknown) => (typeof v === 'string' && v.length > 200 ? `${v.slice(0, 200)}…(${v.length})` : v));
  return `${c.label} [${c.mutations.map((m) => m.op).join(', ')}] ${c.headers['content-type']} ${shown.slice(0, 3_000)}`;
}
