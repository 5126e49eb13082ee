/** A queue's business hours: its own when configured (QUEUE_BUSINESS_HOURS), else SLA_BUSINESS_HOURS. */
import type { BusinessHoursCalendar } from '../business-calendar';
import type { SlaConfig } from '../sla';
import type { QueueId } from './queue';

export function businessHoursOf(config: Pick<SlaConfig, 'businessHours' | 'queueBusinessHours'>, queue?: QueueId): BusinessHoursCalendar {
  return (queue !== undefined ? config.queueBusinessHours?.[queue] : undefined) ?? config.businessHours;
}
