/** Catalog settings from the environment: Microsoft Graph for people, and the scheduled sync's source. */
import type { CatalogSyncConfig, CatalogSyncSource } from './app-config';
import { integerReader, type Problem, type Reader } from './env-reader';
import { isLoopbackUrl, isServiceUrl } from './validators';

export const DEFAULT_GRAPH_BASE_URL = 'https://graph.microsoft.com/v1.0';

/** With credentials Graph is on by default; local mode calls nothing beyond loopback, so only a stand-in. */
export function readGraph(read: Reader, problem: Problem, localMode: boolean): { baseUrl: string } | undefined {
  const value = read('GRAPH_BASE_URL');
  if (value === undefined) return localMode ? undefined : { baseUrl: DEFAULT_GRAPH_BASE_URL };
  if (!isServiceUrl(value)) {
    problem('GRAPH_BASE_URL', `expected an https URL such as ${DEFAULT_GRAPH_BASE_URL}, got "${value}"`);
    return undefined;
  }
  if (localMode && !isLoopbackUrl(value)) {
    problem('GRAPH_BASE_URL', `local mode (no BOT_ID) calls loopback addresses only; got "${value}"`);
    return undefined;
  }
  return { baseUrl: value };
}

const CONTAINER = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}$/;

/** `blob:CONTAINER/PATH` or `dataverse:URL`. */
export function parseSyncSource(value: string): CatalogSyncSource | string {
  const blob = /^blob:([^/]+)\/(.+)$/i.exec(value);
  if (blob) {
    const [, container = '', path = ''] = blob;
    if (!CONTAINER.test(container)) return `"${container}" is not a blob container name (3-63 lower-case letters, digits and -)`;
    if (!/\.(csv|json)$/i.test(path)) return `the blob "${path}" must end in .csv or .json`;
    return { kind: 'blob', container, path };
  }
  const dataverse = /^dataverse:(.+)$/i.exec(value);
  if (dataverse) {
    const url = dataverse[1]!;
    if (!isServiceUrl(url) || !/\/api\/data\/v\d+\.\d+\/admin_(apps|flows|pvas)\b/i.test(url)) {
      return `expected dataverse:https://ORG.crm.dynamics.com/api/data/v9.2/admin_apps (or admin_flows, admin_pvas), got "${url}"`;
    }
    return { kind: 'dataverse', url };
  }
  return `expected blob:CONTAINER/PATH.csv or dataverse:URL, got "${value}"`;
}

export function readCatalogSync(read: Reader, problem: Problem, localMode: boolean): CatalogSyncConfig | undefined {
  const minutes = integerReader(read, problem)('CATALOG_SYNC_MINUTES', 360, 5, 10_080);
  const value = read('CATALOG_SYNC_SOURCE');
  if (value === undefined) return undefined;
  const source = parseSyncSource(value);
  if (typeof source === 'string') {
    problem('CATALOG_SYNC_SOURCE', source);
    return undefined;
  }
  if (source.kind === 'dataverse' && localMode && !isLoopbackUrl(source.url)) {
    problem('CATALOG_SYNC_SOURCE', 'local mode (no BOT_ID) calls loopback addresses only');
    return undefined;
  }
  const blobUrl = read('CATALOG_SYNC_BLOB_URL');
  if (blobUrl !== undefined && !isServiceUrl(blobUrl)) problem('CATALOG_SYNC_BLOB_URL', `expected the blob endpoint URL, got "${blobUrl}"`);
  return { source: source.kind === 'blob' && blobUrl ? { ...source, blobUrl } : source, intervalMs: minutes * 60_000 };
}
