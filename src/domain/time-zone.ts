/**
 * Wall-clock time in a fixed UTC offset or an IANA time zone, resolved with Intl (the ICU data
 * bundled with Node), never with the host's zone. Used by business hours and on-call rotas.
 */

export type TimeZoneSpec = { readonly utcOffsetMinutes: number } | { readonly timeZone: string };

const MINUTE = 60_000;
export const DAY_MS = 24 * 60 * MINUTE;

/** A local calendar date, as the UTC midnight of that date (so days are added with `+ DAY_MS`). */
export type LocalDay = number;

export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The local date an instant falls on. */
export function localDateOf(instantMs: number, zone: TimeZoneSpec): LocalDay {
  const local = instantMs + offsetMs(zone, instantMs);
  return local - (((local % DAY_MS) + DAY_MS) % DAY_MS);
}

/**
 * The UTC instant of a local wall-clock time. Like Temporal's "compatible" disambiguation: a time
 * that occurs twice (clocks go back) is the earlier instant; a time skipped when clocks go forward
 * is read with the offset from before the change, so it lands just after the gap.
 */
export function localToUtc(wallMs: number, zone: TimeZoneSpec): number {
  if ('utcOffsetMinutes' in zone) return wallMs - zone.utcOffsetMinutes * MINUTE;
  // Offsets a day either side: zones never change offset twice within two days.
  const before = wallMs - offsetMs(zone, wallMs - DAY_MS);
  const after = wallMs - offsetMs(zone, wallMs + DAY_MS);
  const valid = [before, after].filter((c) => c + offsetMs(zone, c) === wallMs);
  return valid.length > 0 ? Math.min(...valid) : before;
}

/** local time − UTC, in ms, at an instant. */
export function offsetMs(zone: TimeZoneSpec, instantMs: number): number {
  if ('utcOffsetMinutes' in zone) return zone.utcOffsetMinutes * MINUTE;
  const p: Record<string, number> = {};
  for (const part of formatterFor(zone.timeZone).formatToParts(instantMs)) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - (instantMs - (((instantMs % 1000) + 1000) % 1000));
}

// Formatters are costly to build; caching one per zone keeps results identical and fast.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** YYYY-MM-DD of a local day. */
export function formatDay(day: LocalDay): string {
  return new Date(day).toISOString().slice(0, 10);
}

/** The local day of a YYYY-MM-DD text (NaN-based garbage for bad text: check with sameDate). */
export function parseDay(text: string): LocalDay {
  return Date.UTC(Number(text.slice(0, 4)), Number(text.slice(5, 7)) - 1, Number(text.slice(8, 10)));
}

/** Whether `text` is exactly the date `day` (rejects 2025-02-30, which Date.UTC rolls over). */
export function sameDate(day: LocalDay, text: string): boolean {
  return Number.isFinite(day) && formatDay(day) === text;
}

/** Parses "YYYY-MM-DD" strictly. */
export function parseLocalDay(text: string): LocalDay | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const day = parseDay(text);
  return sameDate(day, text) ? day : undefined;
}

/** Parses a zone as the configuration writes it: "UTC", "+02:00" / "-05:30", or an IANA name. */
export function parseTimeZone(text: string): TimeZoneSpec | undefined {
  if (text.toUpperCase() === 'UTC') return { utcOffsetMinutes: 0 };
  const offset = /^([+-])(\d{2}):(\d{2})$/.exec(text);
  if (offset) {
    const minutes = Number(offset[2]) * 60 + Number(offset[3]);
    if (Number(offset[3]) > 59 || minutes > 14 * 60) return undefined;
    return { utcOffsetMinutes: (offset[1] === '-' ? -1 : 1) * minutes };
  }
  return /^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(text) && isKnownTimeZone(text) ? { timeZone: text } : undefined;
}
