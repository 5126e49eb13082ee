import type { MessageKey } from '../../../src/domain/message-keys';
import { TIERS, type Tier } from '../../../src/domain/solution';
import { text } from '../../../src/domain/text';
import { supportedByLabel, supportModelLabel } from '../../../src/presentation/labels';
import { english } from '../../support/words';
import {
  ESCALATION_TARGETS,
  EXTERNAL_ESCALATION_TARGETS,
  isEscalationTarget,
  isExternalEscalationTarget,
  isSupportParty,
  nextTier,
  SUPPORT_MODELS,
  SUPPORT_PARTIES,
  SUPPORT_TYPES,
  supportModelFor,
  supportTypeOf,
  type SupportParty,
  type SupportTypeNumber,
} from '../../../src/domain/support-model';

describe('the six support types', () => {
  test.each<[SupportParty, SupportTypeNumber, 'internal' | 'external', string]>([
    ['maker', 1, 'internal', 'Self-support'],
    ['co-owners', 2, 'internal', 'Team-assisted support'],
    ['help-desk', 3, 'internal', 'Help desk support'],
    ['dedicated-team', 4, 'internal', 'Dedicated Power Platform support'],
    ['partner', 5, 'external', 'Partner support'],
    ['microsoft', 6, 'external', 'Microsoft support'],
  ])("%s is type %i (%s, the guidance's %s)", (party, type, scope) => {
    expect(supportTypeOf(party)).toMatchObject({ party, type, scope });
    // How the party is named on cards: words in locales/ (the domain holds none).
    expect(english(text(`labels.party.${party}` as MessageKey)).length).toBeGreaterThan(0);
    expect(isSupportParty(party)).toBe(true);
  });

  test('types are numbered 1–6 once each', () => {
    expect(SUPPORT_PARTIES.map((p) => SUPPORT_TYPES[p].type)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  test('partner and Microsoft are the external escalation targets; the dedicated team is the internal one', () => {
    expect([...EXTERNAL_ESCALATION_TARGETS]).toEqual(['partner', 'microsoft']);
    expect([...ESCALATION_TARGETS]).toEqual(['dedicated-team', 'partner', 'microsoft']);
    for (const t of EXTERNAL_ESCALATION_TARGETS) expect(SUPPORT_TYPES[t].scope).toBe('external');
    expect(isExternalEscalationTarget('dedicated-team')).toBe(false);
    expect(isEscalationTarget('dedicated-team')).toBe(true);
    expect(isEscalationTarget('help-desk')).toBe(false);
    expect(isSupportParty('nobody')).toBe(false);
  });
});

describe('support model per tier', () => {
  test.each<[Tier, string, string, SupportTypeNumber[], string]>([
    ['Productivity', 'self-supported', 'Self-supported', [1], 'supported by its maker'],
    ['Important', 'team-assisted', 'Team-assisted supported', [2], 'supported by its co-owners'],
    ['Critical', 'formal', 'Formal support', [3, 4], 'formally supported by the help desk and the Power Platform team'],
  ])('%s → %s', (tier, kind, name, types, label) => {
    expect(supportModelFor(tier)).toEqual(expect.objectContaining({ tier, kind, supportTypes: types }));
    // The guidance's wording, from locales/en (the domain holds no words).
    expect(english(supportModelLabel(supportModelFor(tier).kind))).toBe(name);
    expect(english(supportedByLabel(supportModelFor(tier).kind))).toBe(label);
  });

  test('every tier has a model whose parties match its support types', () => {
    for (const tier of TIERS) {
      const m = SUPPORT_MODELS[tier];
      expect(m.parties.map((p) => SUPPORT_TYPES[p].type)).toEqual(m.supportTypes);
    }
  });

  test.each<[Tier, Tier | undefined]>([
    ['Productivity', 'Important'],
    ['Important', 'Critical'],
    ['Critical', undefined],
  ])('%s graduates to %s', (tier, next) => {
    expect(nextTier(tier)).toBe(next);
  });
});
