/**
 * Lenient parsing of the closed-set fields of a catalog record (tier, kind, status) as admins and
 * CoE Starter Kit exports write them: case-, accent- and separator-insensitive, with aliases.
 */
import { SOLUTION_KINDS, SOLUTION_STATUSES, TIERS, type SolutionKind, type SolutionStatus, type Tier } from '../solution';

/** "Model_Driven  App" → "model driven app": the key aliases are looked up by. */
export function aliasKey(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\s_\-./]+/g, ' ')
    .trim();
}

function table<T extends string>(entries: Readonly<Record<T, readonly string[]>>): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const [value, aliases] of Object.entries(entries) as [T, readonly string[]][]) {
    for (const alias of [value, ...aliases]) map.set(aliasKey(alias), value);
  }
  return map;
}

const TIER_ALIASES = table<Tier>({
  Productivity: ['tier 1', 'tier1', '1', 'self supported', 'self-support', 'personal productivity', 'low'],
  Important: ['tier 2', 'tier2', '2', 'team assisted', 'team-assisted supported', 'business important', 'medium'],
  Critical: ['tier 3', 'tier3', '3', 'formal', 'formal support', 'mission critical', 'business critical', 'high'],
});

const KIND_ALIASES = table<SolutionKind>({
  'canvas-app': [
    'canvas',
    'canvas app',
    'canvasapp',
    'power app',
    'powerapp',
    'power apps',
    'app',
    'sharepoint form',
    'sharepoint form app',
  ],
  'model-driven-app': ['model-driven', 'model driven', 'modeldriven', 'model driven app', 'modeldrivenapp', 'dynamics 365 app'],
  flow: ['cloud flow', 'cloudflow', 'power automate', 'automated flow', 'instant flow', 'scheduled flow', 'desktop flow', 'workflow'],
  chatbot: ['bot', 'chat bot', 'copilot', 'copilot studio', 'agent', 'power virtual agents', 'pva', 'virtual agent'],
  other: ['power pages', 'pages', 'portal', 'power bi', 'report'],
});

const STATUS_ALIASES = table<SolutionStatus>({
  active: ['live', 'in use', 'supported'],
  orphaned: ['orphan', 'maker left', 'no owner', 'abandoned'],
  retired: ['deleted', 'decommissioned', 'archived', 'inactive'],
});

export function parseTierText(value: string): Tier | undefined {
  return TIER_ALIASES.get(aliasKey(value));
}

export function parseKindText(value: string): SolutionKind | undefined {
  return KIND_ALIASES.get(aliasKey(value));
}

export function parseStatusText(value: string): SolutionStatus | undefined {
  return STATUS_ALIASES.get(aliasKey(value));
}

/** Values accepted for each field, for error messages. */
export const ALLOWED_VALUES = {
  tier: TIERS,
  kind: SOLUTION_KINDS,
  status: SOLUTION_STATUSES,
} as const;
