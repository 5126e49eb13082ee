/**
 * The breach policy as configured, `SLA_BREACH_POLICY`: `;`-separated `TIER[/CLOCK]=ACTION` items over
 * the defaults, e.g. `Critical=escalate;Important=notify-lead;Important/resolution=escalate;none=alert`.
 * Tier and clock names are case-insensitive. An item for a whole tier applies before any item for one
 * of its clocks, whatever their order; otherwise the later item wins. Problems are codes (the
 * configuration reader says them in words); a bad item is skipped, the rest apply.
 */
import { SLA_KINDS, SLA_TIER_KEYS, type SlaKind, type SlaTierKey } from '../sla';
import { DEFAULT_BREACH_POLICY, isBreachAction, type BreachAction, type BreachPolicy } from './breach-policy';

export type BreachPolicyProblem =
  | { readonly code: 'too-long'; readonly max: number }
  | { readonly code: 'too-many-items'; readonly max: number }
  | { readonly code: 'bad-item'; readonly item: string }
  | { readonly code: 'unknown-tier'; readonly item: string }
  | { readonly code: 'unknown-clock'; readonly item: string }
  | { readonly code: 'unknown-action'; readonly item: string };

export const MAX_BREACH_POLICY_TEXT = 1000;
export const MAX_BREACH_POLICY_ITEMS = 50;

/** The policy `text` describes over `base` (items for a whole tier first, then per-clock ones). */
export function parseBreachPolicy(
  text: string,
  base: BreachPolicy = DEFAULT_BREACH_POLICY,
): { readonly policy: BreachPolicy; readonly problems: readonly BreachPolicyProblem[] } {
  if (text.length > MAX_BREACH_POLICY_TEXT) return { policy: base, problems: [{ code: 'too-long', max: MAX_BREACH_POLICY_TEXT }] };
  const out = Object.fromEntries(SLA_TIER_KEYS.map((t) => [t, { ...base[t] }])) as Record<SlaTierKey, Record<SlaKind, BreachAction>>;
  const parts = text
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
  if (parts.length > MAX_BREACH_POLICY_ITEMS) return { policy: base, problems: [{ code: 'too-many-items', max: MAX_BREACH_POLICY_ITEMS }] };
  const problems: BreachPolicyProblem[] = [];
  const items: { tier: SlaTierKey; clocks: readonly SlaKind[]; action: BreachAction; specific: boolean }[] = [];
  for (const item of parts) {
    const m = /^([A-Za-z]+)(?:\/([a-z-]+))?=([a-z-]+)$/i.exec(item);
    if (!m) {
      problems.push({ code: 'bad-item', item });
      continue;
    }
    const tier = SLA_TIER_KEYS.find((t) => t.toLowerCase() === m[1].toLowerCase());
    const clock = m[2] === undefined ? undefined : SLA_KINDS.find((k) => k === m[2].toLowerCase());
    const action = m[3].toLowerCase();
    if (!tier) problems.push({ code: 'unknown-tier', item });
    else if (m[2] !== undefined && !clock) problems.push({ code: 'unknown-clock', item });
    else if (!isBreachAction(action)) problems.push({ code: 'unknown-action', item });
    else items.push({ tier, clocks: clock ? [clock] : SLA_KINDS, action, specific: clock !== undefined });
  }
  for (const item of [...items.filter((i) => !i.specific), ...items.filter((i) => i.specific)]) {
    for (const c of item.clocks) out[item.tier][c] = item.action;
  }
  return { policy: out, problems };
}
