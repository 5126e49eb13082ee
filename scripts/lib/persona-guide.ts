import { demoCatalogRecords } from '../demo-catalog';
import { demoOrg, type DemoPerson, type DemoRole } from './demo-org';

/**
 * What each persona of the local demo is and where they look, in words: for the dev script's box
 * and its index page. Every sentence for people is here; the solutions come from the demo catalog.
 */

const ROLE_LABELS: Record<DemoRole, string> = {
  requester: 'requester',
  maker: 'maker',
  coOwner: 'co-owner',
  helpDesk: 'help desk agent',
  dedicatedTeam: 'dedicated Power Platform team',
};

export interface PersonaGuide {
  readonly person: DemoPerson;
  /** e.g. "help desk agent, bot admin". */
  readonly role: string;
  /** e.g. "Makes Expense Tracker, …; co-owns Site Inspection." */
  readonly solutions: string;
  /** Where their part of the story appears, e.g. "Personal Chat, and IT Support › Help Desk". */
  readonly lookIn: string;
}

const list = (names: readonly string[]): string => names.join(', ');

export function personaGuide(person: DemoPerson): PersonaGuide {
  const org = demoOrg();
  const active = demoCatalogRecords().filter((r) => r.status === 'active');
  const makes = active.filter((r) => r.maker.aadObjectId === person.aadObjectId).map((r) => `${r.name} (${r.tier})`);
  const coOwns = active.filter((r) => r.coOwners.some((p) => p.aadObjectId === person.aadObjectId)).map((r) => `${r.name} (${r.tier})`);
  const parts = [makes.length > 0 ? `makes ${list(makes)}` : '', coOwns.length > 0 ? `co-owns ${list(coOwns)}` : ''].filter(Boolean);
  const solutions = parts.length > 0 ? `${parts.join('; ')}.` : '';
  const queues = [org.helpDesk, org.dedicatedTeamQueue].filter((q) => q.team.id === org.teamOf(person.key).id);
  const lookIn = ['Personal Chat', ...queues.map((q) => `${q.team.name} › ${q.channel.name}`)].join(', and ');
  return {
    person,
    role: [ROLE_LABELS[person.role], person.admin ? 'bot admin' : ''].filter(Boolean).join(', '),
    solutions: solutions.charAt(0).toUpperCase() + solutions.slice(1),
    lookIn,
  };
}

export const GUIDE_TEXT = {
  title: 'Support intake bot: local demo',
  intro:
    'Every person of the demo has their own Microsoft 365 Agents Playground, all talking to the same bot. ' +
    'Open each one in its own browser tab and keep the tabs open: a playground page shows what arrives while it is open ' +
    '(and what arrived before any page was open), but a reloaded page starts empty.',
  firstStep: 'Start with Alex: say "hi" in Personal Chat. The README\'s "The demo, step by step" walks through the whole story.',
  openIndex: 'Open the demo:',
  ctrlC: 'Ctrl-C stops everything.',
} as const;
