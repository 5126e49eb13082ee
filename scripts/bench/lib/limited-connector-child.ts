/** Starts limited-connector-process.ts and talks to it. */
import { fork } from 'node:child_process';
import path from 'node:path';
import type { ConnectorStats } from './limited-connector';

export interface LimitedConnectorChild {
  readonly url: string;
  stats(): Promise<ConnectorStats>;
  stop(): Promise<void>;
}

export async function startLimitedConnectorChild(tenantPerSecond: number): Promise<LimitedConnectorChild> {
  const child = fork(path.join(__dirname, 'limited-connector-process.ts'), [String(tenantPerSecond)], {
    cwd: path.resolve(__dirname, '../../..'),
    execArgv: ['--import', 'tsx', '--no-deprecation'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the connector exited with ${code} before it was ready`)));
    child.once('message', (m: { type: string; url: string }) => resolve(m.url));
  });
  child.removeAllListeners('exit');
  return {
    url,
    stats: () =>
      new Promise((resolve) => {
        const onMessage = (m: { type: string; stats: ConnectorStats }) => {
          if (m.type !== 'stats') return;
          child.off('message', onMessage);
          resolve(m.stats);
        };
        child.on('message', onMessage);
        child.send({ type: 'stats' });
      }),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send({ type: 'stop' });
      await exited;
    },
  };
}
