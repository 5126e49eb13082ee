/**
 * The SLA_TARGETS syntax: `;`-separated items `[QUEUE/]SEV[/TIER]=FIRST/RESOLUTION[@24x7|@business-hours]`.
 *
 *   A=30/240                          Sev A, every tier, every queue: 30 min first response, 240 min resolution
 *   B/Critical=120/960@24x7           Sev B on Critical solutions, round the clock
 *   dedicated-team/A=15/240           the dedicated team's queue only, Sev A, every tier
 *   help-desk:finance/C/none=240/2400 the "finance" help desk queue, Sev C with no solution
 *
 * Items without a queue change the general targets (as before queues existed: existing values parse
 * to the same targets); items with a queue give that queue its own target for that cell, taking the
 * clock of the general target unless `@` says otherwise. General items apply before queue items,
 * whatever their order in the text. Problems are codes with the offending item, never sentences.
 */
import { isQueueId, type QueueId } from './queues/queue';
import { SEVERITIES, type Severity } from './severity';
import { SLA_TIER_KEYS, type SlaConfig, type SlaTarget, type SlaTargetOverrides, type SlaTargets, type SlaTierKey } from './sla';

export const MAX_SLA_TARGETS_TEXT = 4000;
export const MAX_SLA_TARGET_ITEMS = 200;

export type SlaTargetsProblem =
  | { readonly code: 'too-long'; readonly max: number }
  | { readonly code: 'too-many-items'; readonly max: number }
  | { readonly code: 'bad-item'; readonly item: string }
  | { readonly code: 'unknown-tier'; readonly item: string }
  | { readonly code: 'unknown-queue'; readonly item: string };

export interface ParsedSlaTargets {
  readonly targets: SlaTargets;
  /** Undefined when no item names a queue (so a configuration without queues is unchanged). */
  readonly queueTargets?: Readonly<Partial<Record<QueueId, SlaTargetOverrides>>>;
  readonly problems: readonly SlaTargetsProblem[];
}

interface Item {
  readonly queue?: QueueId;
  readonly severity: Severity;
  readonly tiers: readonly SlaTierKey[];
  readonly first: number;
  readonly resolution: number;
  readonly clock?: SlaTarget['clock'];
}

const ITEM = /^(?:([a-z][a-z0-9:-]*)\/)?([ABC])(?:\/(\w+))?=(\d{1,9})\/(\d{1,9})(?:@(24x7|business-hours))?$/i;

function parseItem(text: string): Item | SlaTargetsProblem {
  const m = ITEM.exec(text);
  if (!m) return { code: 'bad-item', item: text };
  const [, queueText, sev, tierText, first, resolution, clock] = m;
  let queue: QueueId | undefined;
  if (queueText !== undefined) {
    const lower = queueText.toLowerCase();
    if (!isQueueId(lower)) return { code: 'unknown-queue', item: text };
    queue = lower;
  }
  const tier = tierText === undefined ? undefined : SLA_TIER_KEYS.find((t) => t.toLowerCase() === tierText.toLowerCase());
  if (tierText !== undefined && tier === undefined) return { code: 'unknown-tier', item: text };
  return {
    ...(queue ? { queue } : {}),
    severity: sev.toUpperCase() as Severity,
    tiers: tier ? [tier] : SLA_TIER_KEYS,
    first: Number(first),
    resolution: Number(resolution),
    ...(clock ? { clock: clock.toLowerCase() as SlaTarget['clock'] } : {}),
  };
}

/** Targets from `text` over `base`'s; values are validated afterwards by validateSlaConfig. */
export function parseSlaTargets(text: string, base: Pick<SlaConfig, 'targets' | 'queueTargets'>): ParsedSlaTargets {
  if (text.length > MAX_SLA_TARGETS_TEXT)
    return { targets: base.targets, queueTargets: base.queueTargets, problems: [{ code: 'too-long', max: MAX_SLA_TARGETS_TEXT }] };
  const parts = text
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
  if (parts.length > MAX_SLA_TARGET_ITEMS)
    return { targets: base.targets, queueTargets: base.queueTargets, problems: [{ code: 'too-many-items', max: MAX_SLA_TARGET_ITEMS }] };
  const problems: SlaTargetsProblem[] = [];
  const items: Item[] = [];
  for (const part of parts) {
    const parsed = parseItem(part);
    if ('code' in parsed) problems.push(parsed);
    else items.push(parsed);
  }
  const targets = Object.fromEntries(SEVERITIES.map((s) => [s, { ...base.targets[s] }])) as Record<Severity, Record<SlaTierKey, SlaTarget>>;
  for (const item of items.filter((i) => i.queue === undefined)) {
    for (const t of item.tiers) {
      targets[item.severity][t] = {
        firstResponseMinutes: item.first,
        resolutionMinutes: item.resolution,
        clock: item.clock ?? targets[item.severity][t].clock,
      };
    }
  }
  const queueItems = items.filter((i) => i.queue !== undefined);
  if (queueItems.length === 0) return { targets, ...(base.queueTargets ? { queueTargets: base.queueTargets } : {}), problems };
  const queues: Record<string, Partial<Record<Severity, Partial<Record<SlaTierKey, SlaTarget>>>>> = {};
  for (const [queue, overrides] of Object.entries(base.queueTargets ?? {})) {
    queues[queue] = Object.fromEntries(Object.entries(overrides ?? {}).map(([s, row]) => [s, { ...row }]));
  }
  for (const item of queueItems) {
    const queue = (queues[item.queue as QueueId] ??= {});
    const row = (queue[item.severity] ??= {});
    for (const t of item.tiers) {
      row[t] = {
        firstResponseMinutes: item.first,
        resolutionMinutes: item.resolution,
        clock: item.clock ?? row[t]?.clock ?? targets[item.severity][t].clock,
      };
    }
  }
  return { targets, queueTargets: queues as Partial<Record<QueueId, SlaTargetOverrides>>, problems };
}
