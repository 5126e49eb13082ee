import fs from 'node:fs';
import { localBin, repoRoot } from './paths';
import { ManagedProcess, OutputMode, startProcess } from './processes';
import { waitForHttp } from './wait-for-http';

/** Azurite's well-known development account (public, documented by Microsoft: not a secret). */
export const AZURITE_ACCOUNT = 'devstoreaccount1';
export const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
/** Azurite's default table port. */
export const AZURITE_DEFAULT_TABLE_PORT = 10002;

export function azuriteConnectionString(port: number, host = '127.0.0.1'): string {
  return (
    `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};` +
    `TableEndpoint=http://${host}:${port}/${AZURITE_ACCOUNT};`
  );
}

export interface AzuriteOptions {
  readonly port: number;
  /** Defaults to 127.0.0.1 (loopback only). */
  readonly host?: string;
  /** Folder for the data; omit it for an in-memory Azurite (tests). */
  readonly location?: string;
  /** Log every request (Azurite's access log); off by default. */
  readonly accessLog?: boolean;
  readonly name?: string;
  readonly output?: OutputMode;
  readonly timeoutMs?: number;
}

export interface RunningAzurite {
  readonly port: number;
  readonly host: string;
  readonly connectionString: string;
  readonly process: ManagedProcess;
  stop(): Promise<void>;
}

/**
 * Starts Azurite's table service from node_modules, telemetry off, and waits until it answers HTTP.
 */
export async function startAzurite(options: AzuriteOptions): Promise<RunningAzurite> {
  const host = options.host ?? '127.0.0.1';
  const args = ['--tableHost', host, '--tablePort', String(options.port), '--disableTelemetry'];
  if (options.location) {
    fs.mkdirSync(options.location, { recursive: true });
    args.push('--location', options.location);
  } else {
    args.push('--inMemoryPersistence');
  }
  if (!options.accessLog) args.push('--silent');

  const proc = startProcess({
    name: options.name ?? 'azurite',
    command: localBin('azurite-table'),
    args,
    cwd: options.location ?? repoRoot,
    env: process.env,
    output: options.output,
  });
  try {
    // Any HTTP answer (Azurite says 400/403 to an anonymous GET) means the service is up.
    await waitForHttp(`http://${host}:${options.port}/${AZURITE_ACCOUNT}`, {
      accept: () => true,
      timeoutMs: options.timeoutMs ?? 30_000,
      failIfExited: [proc],
    });
  } catch (error) {
    await proc.stop();
    throw error;
  }
  return {
    port: options.port,
    host,
    connectionString: azuriteConnectionString(options.port, host),
    process: proc,
    stop: async () => {
      await proc.stop();
    },
  };
}

/** Azurite's blob service (the catalog sync reads CoE exports from a container), in memory. */
export async function startAzuriteBlob(options: {
  port: number;
  host?: string;
  output?: OutputMode;
  name?: string;
}): Promise<{ url: string; stop(): Promise<void> }> {
  const host = options.host ?? '127.0.0.1';
  const proc = startProcess({
    name: options.name ?? 'azurite-blob',
    command: localBin('azurite-blob'),
    // @azure/storage-blob speaks a newer service API version than Azurite 3.35 knows; the calls the
    // catalog sync makes (get properties, download) are the same in both.
    args: [
      '--blobHost',
      host,
      '--blobPort',
      String(options.port),
      '--disableTelemetry',
      '--inMemoryPersistence',
      '--silent',
      '--skipApiVersionCheck',
    ],
    cwd: repoRoot,
    env: process.env,
    output: options.output,
  });
  const url = `http://${host}:${options.port}/${AZURITE_ACCOUNT}`;
  try {
    await waitForHttp(url, { accept: () => true, timeoutMs: 30_000, failIfExited: [proc] });
  } catch (error) {
    await proc.stop();
    throw error;
  }
  return { url, stop: () => proc.stop().then(() => undefined) };
}
