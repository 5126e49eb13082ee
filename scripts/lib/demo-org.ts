import fs from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { repoRoot } from './paths';

/**
 * The demo organisation of `.m365agentsplayground.yml`, with a role for every person, for the dev
 * script (ADMIN_IDS, one playground per persona), the demo catalog and the browser tests. The YAML is
 * the single source of the people, teams and ids; this module adds the roles, checks the two agree,
 * and writes each persona's playground config.
 */

export type DemoRole = 'requester' | 'maker' | 'coOwner' | 'helpDesk' | 'dedicatedTeam';
export type DemoChannelRole = 'general' | 'helpDesk' | 'dedicatedTeam';

/** Short, stable handles for people. */
export type DemoPersonKey = 'alex' | 'megan' | 'lee' | 'nestor' | 'adele' | 'diego' | 'isaiah';

export interface DemoPerson {
  readonly key: DemoPersonKey;
  readonly role: DemoRole;
  /** A bot admin (ADMIN_IDS in `npm run dev`): may register channels and see the outbox. */
  readonly admin: boolean;
  /** Has their own Agents Playground in `npm run dev` and the browser tests. */
  readonly persona: boolean;
  /** Teams user id (`from.id` of their activities), e.g. `29:demo-alex-wilber`. */
  readonly id: string;
  /** Entra object id (`from.aadObjectId`), a GUID: what the product stores and checks. */
  readonly aadObjectId: string;
  readonly name: string;
  readonly givenName: string;
  readonly surname: string;
  readonly email: string;
  readonly userPrincipalName: string;
  /** Conversation id of their personal chat with the bot, in their own playground. */
  readonly personalChatId: string;
}

export interface DemoChannel {
  readonly role: DemoChannelRole;
  /** Conversation id of the channel (General's is the team id). */
  readonly id: string;
  readonly name: string;
}

export interface DemoTeam {
  readonly id: string;
  readonly name: string;
  readonly aadGroupId: string;
  /** Teams user ids of the members; undefined for the organisation-wide team (everyone). */
  readonly memberIds?: readonly string[];
  /** General first, then the configured channels. */
  readonly channels: readonly DemoChannel[];
}

/** A registered queue: the channel and the team it belongs to. */
export interface DemoQueue {
  readonly team: DemoTeam;
  readonly channel: DemoChannel;
}

export interface DemoOrg {
  readonly tenantId: string;
  readonly bot: { readonly id: string; readonly name: string };
  /** Everyone, in the YAML's order (its current user first). */
  readonly people: readonly DemoPerson[];
  /** The people with their own playground, in the order of the demo's story. */
  readonly personas: readonly DemoPerson[];
  /** The YAML's current user (a bare playground started with the file signs in as them). */
  readonly currentUser: DemoPerson;
  readonly requester: DemoPerson;
  readonly maker: DemoPerson;
  readonly coOwners: readonly DemoPerson[];
  readonly helpDeskAgents: readonly DemoPerson[];
  readonly dedicatedTeam: readonly DemoPerson[];
  /** The bot admin with a playground (ADMIN_IDS lists every admin). */
  readonly admin: DemoPerson;
  readonly admins: readonly DemoPerson[];
  readonly groupChat: { readonly id: string; readonly name: string };
  readonly teams: readonly DemoTeam[];
  /** The help desk's queue: IT Support › Help Desk. */
  readonly helpDesk: DemoQueue;
  /** The dedicated Power Platform team's queue: Power Platform Team › Escalations. */
  readonly dedicatedTeamQueue: DemoQueue;
  person(key: DemoPersonKey): DemoPerson;
  /** The team shown in this person's playground: the first they are a member of, else the organisation-wide one. */
  teamOf(key: DemoPersonKey): DemoTeam;
}

export const DEMO_ORG_FILE = path.join(repoRoot, '.m365agentsplayground.yml');

/**
 * Role of each person, by Teams user id (ids are in the YAML). Personas, in the story's order: the
 * requester reports, the maker and a co-owner answer, the help desk agent works tickets, the
 * dedicated team gets hand-offs. Nestor and Diego have no playground: Nestor makes only team- and
 * help-desk-supported solutions (never written to), Diego is a colleague to assign tickets to.
 */
const PEOPLE: Record<string, { key: DemoPersonKey; role: DemoRole; persona: boolean; admin?: true }> = {
  '29:demo-alex-wilber': { key: 'alex', role: 'requester', persona: true },
  '29:demo-megan-bowen': { key: 'megan', role: 'maker', persona: true },
  '29:demo-lee-gu': { key: 'lee', role: 'coOwner', persona: true },
  '29:demo-nestor-wilke': { key: 'nestor', role: 'maker', persona: false },
  '29:demo-adele-vance': { key: 'adele', role: 'helpDesk', persona: true, admin: true },
  '29:demo-diego-siciliani': { key: 'diego', role: 'helpDesk', persona: false },
  '29:demo-isaiah-langer': { key: 'isaiah', role: 'dedicatedTeam', persona: true },
};
const STORY_ORDER: readonly DemoPersonKey[] = ['alex', 'megan', 'lee', 'adele', 'isaiah'];

/** Role of each channel, by name (General always exists: the team id is its conversation id). */
const CHANNELS: Record<string, DemoChannelRole> = {
  General: 'general',
  'Help Desk': 'helpDesk',
  Escalations: 'dedicatedTeam',
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

interface YamlTeam {
  id: string;
  name: string;
  aadGroupId: string;
  /** Our extension: Teams user ids (the launcher makes the playground honour it). */
  members?: string[];
  channels: { id: string; name: string }[];
}

/** `.m365agentsplayground.yml`: the playground's format, with `teams` instead of its single `team`. */
export interface DemoOrgFile {
  version: string;
  tenantId: string;
  bot: { id: string; name: string };
  currentUser: YamlUser;
  users: YamlUser[];
  personalChat: { id: string };
  groupChat: { id: string; name: string };
  teams: YamlTeam[];
}

/** One persona's playground config: the playground's own format (one `team`). */
export interface PlaygroundConfigFile extends Omit<DemoOrgFile, 'teams'> {
  team: YamlTeam;
}

export function readDemoOrgFile(file = DEMO_ORG_FILE): DemoOrgFile {
  const parsed = parse(fs.readFileSync(file, 'utf8')) as DemoOrgFile | null;
  if (
    !parsed ||
    typeof parsed !== 'object' ||
    !parsed.currentUser ||
    !Array.isArray(parsed.users) ||
    !Array.isArray(parsed.teams) ||
    parsed.teams.length === 0
  ) {
    throw new Error(`${file} is not a demo organisation (currentUser, users and teams are required)`);
  }
  return parsed;
}

const slugOf = (teamsUserId: string): string => teamsUserId.replace(/^29:demo-/, '');

function toPerson(user: YamlUser, config: DemoOrgFile, file: string): DemoPerson {
  const known = PEOPLE[user.id];
  if (!known) throw new Error(`${file}: user ${user.id} (${user.name}) has no role in scripts/lib/demo-org.ts`);
  return {
    key: known.key,
    role: known.role,
    admin: known.admin === true,
    persona: known.persona,
    id: user.id,
    aadObjectId: user.aadObjectId,
    name: user.name,
    givenName: user.givenName,
    surname: user.surname,
    email: user.email,
    userPrincipalName: user.userPrincipleName,
    personalChatId: user.id === config.currentUser.id ? config.personalChat.id : `a:demo-personal-${slugOf(user.id)}`,
  };
}

function toTeam(team: YamlTeam, file: string): DemoTeam {
  const channels: DemoChannel[] = [
    { role: 'general', id: team.id, name: 'General' },
    ...team.channels.map((channel) => {
      const role = CHANNELS[channel.name];
      if (!role) throw new Error(`${file}: channel "${channel.name}" of ${team.name} has no role in scripts/lib/demo-org.ts`);
      return { role, id: channel.id, name: channel.name };
    }),
  ];
  return { id: team.id, name: team.name, aadGroupId: team.aadGroupId, ...(team.members ? { memberIds: [...team.members] } : {}), channels };
}

export function loadDemoOrg(file = DEMO_ORG_FILE): DemoOrg {
  const config = readDemoOrgFile(file);
  const people = [config.currentUser, ...config.users].map((user) => toPerson(user, config, file));
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

  const teams = config.teams.map((team) => toTeam(team, file));
  for (const team of teams) {
    for (const id of team.memberIds ?? []) if (!PEOPLE[id]) throw new Error(`${file}: ${team.name} has an unknown member ${id}`);
  }
  const queue = (role: DemoChannelRole): DemoQueue => {
    for (const team of teams) {
      const channel = team.channels.find((c) => c.role === role);
      if (channel) return { team, channel };
    }
    throw new Error(`${file}: no team has a channel for ${role}`);
  };
  const teamOf = (key: DemoPersonKey): DemoTeam => {
    const id = person(key).id;
    const team = teams.find((t) => t.memberIds?.includes(id)) ?? teams.find((t) => t.memberIds === undefined);
    if (!team) throw new Error(`${file}: ${person(key).name} is in no team, and there is no organisation-wide team (one without members)`);
    return team;
  };
  const admins = people.filter((p) => p.admin);
  const admin = admins.find((p) => p.persona);
  if (!admin) throw new Error('scripts/lib/demo-org.ts: one bot admin needs a playground');

  return {
    tenantId: config.tenantId,
    bot: { id: config.bot.id, name: config.bot.name },
    people,
    personas: STORY_ORDER.map(person),
    currentUser: people[0],
    requester: person('alex'),
    maker: person('megan'),
    coOwners: withRole('coOwner'),
    helpDeskAgents: withRole('helpDesk'),
    dedicatedTeam: withRole('dedicatedTeam'),
    admin,
    admins,
    groupChat: { id: config.groupChat.id, name: config.groupChat.name },
    teams,
    helpDesk: queue('helpDesk'),
    dedicatedTeamQueue: queue('dedicatedTeam'),
    person,
    teamOf,
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
 * The playground config of one person (the playground cannot switch users in its UI, so every
 * persona has a playground of their own): that person signed in, their own personal chat (so the bot
 * sees a different 1:1 conversation per person), the whole organisation as its users, and the one
 * team they work in (the playground shows a single team), with its members.
 */
export function playgroundConfigAs(key: DemoPersonKey, file = DEMO_ORG_FILE): string {
  const config = readDemoOrgFile(file);
  const org = loadDemoOrg(file);
  const everyone = [config.currentUser, ...config.users];
  const me = everyone.find((user) => PEOPLE[user.id]?.key === key);
  if (!me) throw new Error(`${file} has no user for "${key}"`);
  const teamId = org.teamOf(key).id;
  const team = config.teams.find((t) => t.id === teamId) as YamlTeam;
  const variant: PlaygroundConfigFile = {
    version: config.version,
    tenantId: config.tenantId,
    bot: config.bot,
    currentUser: me,
    users: everyone.filter((user) => user !== me),
    personalChat: { id: org.person(key).personalChatId },
    groupChat: config.groupChat,
    team,
  };
  return `# Generated from ${path.basename(file)} with ${me.name} signed in. Do not edit.\n${stringify(variant)}`;
}
