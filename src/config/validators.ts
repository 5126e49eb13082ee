/** Small value checks shared by the configuration rules. Pure. */

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(value: string): boolean {
  return GUID.test(value);
}

export function isLoopback(address: string): boolean {
  return address === 'localhost' || address === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address);
}

/** An http(s) URL whose host is a loopback address (`http://localhost:56150/_connector`, `http://[::1]:3978/`). */
export function isLoopbackUrl(value: string): boolean {
  const url = parseUrl(value);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return false;
  // URL keeps an IPv6 host in brackets and lowercases host names.
  return isLoopback(url.hostname.replace(/^\[(.*)\]$/, '$1'));
}

/** Splits a comma-separated list, trimming blanks and dropping empty items. */
export function splitList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

export function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/** Parses `Key=Value;Key=Value` (Azure Storage connection strings). Keys are case-insensitive. */
export function parseConnectionString(value: string): Map<string, string> {
  const parts = new Map<string, string>();
  for (const segment of value.split(';')) {
    const eq = segment.indexOf('=');
    if (eq > 0) parts.set(segment.slice(0, eq).trim().toLowerCase(), segment.slice(eq + 1).trim());
  }
  return parts;
}

/** An https URL, or http on a loopback host (local stand-ins): what the bot may call out to. */
export function isServiceUrl(value: string): boolean {
  const url = parseUrl(value);
  return url !== undefined && (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackUrl(value)));
}
