/** Business hours as admins write them: SLA_BUSINESS_HOURS and QUEUE_BUSINESS_HOURS. */
import { businessHours, type SlaConfig } from '../domain/sla';

const DAYS: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

/** "Mon-Fri 09:00-17:00 Europe/Paris": the calendar, or undefined when it is not in that form. */
export function parseBusinessHoursText(text: string, holidays: readonly string[] = []): SlaConfig['businessHours'] | undefined {
  const match = /^(mon|tue|wed|thu|fri|sat|sun)-(mon|tue|wed|thu|fri|sat|sun)\s+(\d{2}):(\d{2})-(\d{2}):(\d{2})\s+(\S+)$/i.exec(
    text.trim(),
  );
  if (!match) return undefined;
  const [, from, to, sh, sm, eh, em, zoneText] = match;
  const weekdays: number[] = [];
  for (let d = DAYS[from.toLowerCase()]; ; d = (d + 1) % 7) {
    weekdays.push(d);
    if (d === DAYS[to.toLowerCase()] || weekdays.length === 7) break;
  }
  const offset = /^([+-])(\d{2}):(\d{2})$/.exec(zoneText);
  const zone =
    zoneText.toUpperCase() === 'UTC'
      ? { utcOffsetMinutes: 0 }
      : offset
        ? { utcOffsetMinutes: (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) }
        : { timeZone: zoneText };
  return businessHours({
    weekdays,
    startHour: Number(sh) + Number(sm) / 60,
    endHour: Number(eh) + Number(em) / 60,
    zone,
    ...(holidays.length > 0 ? { holidays } : {}),
  });
}
