/** What a refused incident action tells the person who pressed (words in locales/<lng>/incidents.json). */
import type { IncidentRefusal } from '../../domain/incidents/incident';
import type { MessageKey } from '../../domain/message-keys';
import { text, type Text } from '../../domain/text';

const REFUSALS = {
  'not-permitted': 'incidents.refused.not-permitted',
  'title-missing': 'incidents.refused.title-missing',
  'title-too-long': 'incidents.refused.title-too-long',
  resolved: 'incidents.refused.resolved',
  'already-linked': 'incidents.refused.already-linked',
  'too-many-links': 'incidents.refused.too-many-links',
  'resolution-missing': 'incidents.refused.resolution-missing',
  'resolution-too-long': 'incidents.refused.resolution-too-long',
  'already-escalated': 'incidents.refused.already-escalated',
} as const satisfies Record<IncidentRefusal, MessageKey>;

export const incidentRefusal = (reason: IncidentRefusal): Text => text(REFUSALS[reason]);
