import fs from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { repoRoot } from './paths';

/**
 * The demo organisation of `.m365agentsplayground.yml`, with a role for every person, for the dev
 * script (ADMIN_IDS), the demo catalog loader and the browser tests. The YAML is the single source of
 * the people and ids; this module only adds the roles and checks the two agree.
 */

export type DemoRole = 'requester' | 'maker' | 'coOwner' | 'helpDesk' | 'dedicatedTeam' | 'admin';
export type DemoChannelRole = 'general' | 'helpDesk' | 'dedicatedTeam';

/** Short, stable handles for people (`npm run dev -- --as adele`). */
export type DemoPersonKey = 'alex' | 'megan' | 'lee' | 'nestor' | 'adele' | 'diego' | 'isaiah' | 'patti';

export interface DemoPerson {
  readonly key: DemoPersonKey;
  readonly role: DemoRole;
  /** Teams user id (`from.id` of their activities), e.g. `29:demo-alex-wilber`. */
  readonly id: string;
  /** Entra object id (`from.aadObjectId`), a GUID: what the product stores and checks. */
  readonly aadObjectId: string;
  readonly name: string;
  readonly givenName: string;
  readonly surname: string;
  readonly email: string;
  readonly userPrincipalName: string;
}

export interface DemoChannel {
  readonly role: DemoChannelRole;
  /** Conversation id of the channel (General's is the team id). */
  readonly id: string;
  readonly name: string;
}

export interface DemoOrg {
  readonly tenantId: string;
  readonly bot: { readonly id: string; readonly name: string };
  /** Everyone, the current user first. */
  readonly people: readonly DemoPerson[];
  /** The user the playground signs in as (the requester in the repository's YAML). */
  readonly currentUser: DemoPerson;
  readonly requester: DemoPerson;
  readonly maker: DemoPerson;
  readonly coOwners: readonly DemoPerson[];
  readonly helpDeskAgents: readonly DemoPerson[];
  readonly dedicatedTeam: readonly DemoPerson[];
  readonly admin: DemoPerson;
  /** Conversation id of the current user's personal chat with the bot. */
  readonly personalChatId: string;
  readonly groupChat: { readonly id: string; readonly name: string };
  readonly team: {
    readonly id: string;
    readonly name: string;
    readonly aadGroupId: string;
    /** General first, then the configured channels. */
    readonly channels: readonly DemoChannel[];
    readonly general: DemoChannel;
    readonly helpDesk: DemoChannel;
    readonly dedicatedTeam: DemoChannel;
  };
  person(key: DemoPersonKey): DemoPerson;
}

export const DEMO_ORG_FILE = path.join(repoRoot, '.m365agentsplayground.yml');

/** Role of each person, by Teams user id (ids are in the YAML). */
const PEOPLE: Record<string, { key: DemoPersonKey; role: DemoRole }> = {
  '29:demo-alex-wilber': { key: 'alex', role: 'requester' },
  '29:demo-megan-bowen': { key: 'megan', role: 'maker' },
  '29:demo-lee-gu': { key: 'lee', role: 'coOwner' },
  '29:demo-nestor-wilke': { key: 'nestor', role: 'coOwner' },
  '29:demo-adele-vance': { key: 'adele', role: 'helpDesk' },
  '29:demo-diego-siciliani': { key: 'diego', role: 'helpDesk' },
  '29:demo-isaiah-langer': { key: 'isaiah', role: 'dedicatedTeam' },
  '29:demo-patti-fernandez': { key: 'patti', role: 'admin' },
};

/** Role of each channel, by name (General always exists: the team id is its conversation id). */
const CHANNELS: Record<string, DemoChannelRole> = {
  General: 'general',
  'Help Desk': 'helpDesk',
  'Power Platform Team': 'dedicatedTeam',
};

/** The playground's YAML user entry (its schema spells it `userPrincipleName`). */
interface YamlUser {
  id: string;
  name: string;
  userPrincipleName: string;
  aadObjectId: string;
  givenName: string;
  surname: string;
  email: string;
}

/** The playground's config file, as far as we use it. */
export interface PlaygroundConfigFile {
  version: string;
  tenantId: string;
  bot: { id: string; name: string };
  currentUser: YamlUser;
  users: YamlUser[];
  personalChat: { id: string };
  groupChat: { id: string; name: string };
  team: { id: string; name: string; aadGroupId: string; channels: { id: string; name: string }[] };
}

export function readPlaygroundConfig(file = DEMO_ORG_FILE): PlaygroundConfigFile {
  const parsed = parse(fs.readFileSync(file, 'utf8')) as PlaygroundConfigFile | null;
  if (!parsed || typeof parsed !== 'object' || !parsed.currentUser || !Array.isArray(parsed.users) || !parsed.team) {
    throw new Error(`${file} is not a playground config (currentUser, users and team are required)`);
  }
  return parsed;
}

function toPerson(user: YamlUser, file: string): DemoPerson {
  const known = PEOPLE[user.id];
  if (!known) throw new Error(`${file}: user ${user.id} (${user.name}) has no role in scripts/lib/demo-org.ts`);
  return {
    key: known.key,
    role: known.role,
    id: user.id,
    aadObjectId: user.aadObjectId,
    name: user.name,
    givenName: user.givenName,
    surname: user.surname,
    email: user.email,
    userPrincipalName: user.userPrincipleName,
  };
}

export function loadDemoOrg(file = DEMO_ORG_FILE): DemoOrg {
  const config = readPlaygroundConfig(file);
  const people = [config.currentUser, ...config.users].map((user) => toPerson(user, file));
  const byKey = new Map(people.map((person) => [person.key, person]));
  for (const [id, { key }] of Object.entries(PEOPLE)) {
    if (!byKey.has(key)) throw new Error(`${file}: the demo organisation needs user ${id} (${key})`);
  }
  const person = (key: DemoPersonKey): DemoPerson => {
    const found = byKey.get(key);
    if (!found) throw new Error(`no demo person "${key}"`);
    return found;
  };
  const withRole = (role: DemoRole): DemoPerson[] => people.filter((p) => p.role === role);

  const channels: DemoChannel[] = [
    { role: 'general', id: config.team.id, name: 'General' },
    ...config.team.channels.map((channel) => {
      const role = CHANNELS[channel.name];
      if (!role) throw new Error(`${file}: channel "${channel.name}" has no role in scripts/lib/demo-org.ts`);
      return { role, id: channel.id, name: channel.name };
    }),
  ];
  const channel = (role: DemoChannelRole): DemoChannel => {
    const found = channels.find((c) => c.role === role);
    if (!found) throw new Error(`${file}: the team needs a channel for ${role}`);
    return found;
  };

  return {
    tenantId: config.tenantId,
    bot: { id: config.bot.id, name: config.bot.name },
    people,
    currentUser: people[0],
    requester: person('alex'),
    maker: person('megan'),
    coOwners: withRole('coOwner'),
    helpDeskAgents: withRole('helpDesk'),
    dedicatedTeam: withRole('dedicatedTeam'),
    admin: person('patti'),
    personalChatId: config.personalChat.id,
    groupChat: { id: config.groupChat.id, name: config.groupChat.name },
    team: {
      id: config.team.id,
      name: config.team.name,
      aadGroupId: config.team.aadGroupId,
      channels,
      general: channel('general'),
      helpDesk: channel('helpDesk'),
      dedicatedTeam: channel('dedicatedTeam'),
    },
    person,
  };
}

let cached: DemoOrg | undefined;

/** The demo organisation of the repository's `.m365agentsplayground.yml` (read once). */
export function demoOrg(): DemoOrg {
  cached ??= loadDemoOrg();
  return cached;
}

export function isDemoPersonKey(value: string): value is DemoPersonKey {
  return Object.values(PEOPLE).some((p) => p.key === value);
}

/**
 * The same organisation with `key` as the playground's signed-in user (the playground cannot switch
 * users in its UI, so a second persona needs its own playground started with this file). The
 * persona gets its own personal-chat id, so the bot sees a different 1:1 conversation per person.
 */
export function playgroundConfigAs(key: DemoPersonKey, file = DEMO_ORG_FILE): string {
  const config = readPlaygroundConfig(file);
  const everyone = [config.currentUser, ...config.users];
  const me = everyone.find((user) => PEOPLE[user.id]?.key === key);
  if (!me) throw new Error(`${file} has no user for "${key}"`);
  const slug = me.id.replace(/^29:demo-/, '');
  const variant: PlaygroundConfigFile = {
    ...config,
    currentUser: me,
    users: everyone.filter((user) => user !== me),
    personalChat: { id: `a:demo-personal-${slug}` },
  };
  return `# Generated from ${path.basename(file)} with ${me.name} signed in. Do not edit.\n${stringify(variant)}`;
}
