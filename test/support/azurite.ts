import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { freePort, waitForPort } from './free-port';

/** Azurite's well-known development account (public, documented by Microsoft; not a secret). */
const ACCOUNT = 'devstoreaccount1';
const KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export function azuriteConnectionString(port: number): string {
  return `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${KEY};TableEndpoint=http://127.0.0.1:${port}/${ACCOUNT};`;
}

export interface RunningAzurite {
  readonly port: number;
  readonly connectionString: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts Azurite's table service from node_modules, in memory, on a free loopback port. */
export async function startAzurite(): Promise<RunningAzurite> {
  const port = await freePort();
  const bin = path.resolve(__dirname, '../../node_modules/.bin/azurite-table');
  const child = spawn(bin, ['--tableHost', '127.0.0.1', '--tablePort', String(port), '--inMemoryPersistence', '--disableTelemetry', '--silent'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`azurite exited with code ${code}`))));
  await Promise.race([waitForPort(port), exited]);
  return {
    port,
    connectionString: azuriteConnectionString(port),
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
