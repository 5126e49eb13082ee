import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { findFreePort as freePort } from '../../scripts/lib/ports';
import { testConnectionString, uniquePrefix } from '../support/test-storage';

const ROOT = path.resolve(__dirname, '../..');

interface Run {
  code: number | null;
  stderr: string;
  stdout: string;
}

/** Runs the real entry point (src/index.ts) as a process; `whenReady` acts once it listens. */
function runBot(env: Record<string, string>, whenReady?: (child: ReturnType<typeof spawn>) => void): Promise<Run> {
  return new Promise((resolve) => {
    // node --import tsx, not the tsx CLI: signals reach the bot itself, as they do in production.
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (whenReady && stdout.includes('"bot listening"')) {
        whenReady(child);
        whenReady = undefined;
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Generous: this starts a whole process that compiles TypeScript on the fly; a loaded CI machine is slow.
    const timer = setTimeout(() => child.kill('SIGKILL'), PROCESS_LIMIT_MS);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, stdout });
    });
  });
}

/** How long one started process may take; each test gets a little more. */
const PROCESS_LIMIT_MS = 50_000;
jest.setTimeout(PROCESS_LIMIT_MS + 10_000);

describe('process start-up', () => {
  it('refuses to start in production without credentials, naming the variable', async () => {
    const run = await runBot({ NODE_ENV: 'production', STORAGE_CONNECTION_STRING: testConnectionString() });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('BOT_ID: required when NODE_ENV=production');
    expect(run.stdout).not.toContain('bot listening');
  });

  it('refuses incomplete production credentials', async () => {
    const run = await runBot({
      NODE_ENV: 'production',
      BOT_ID: '11111111-1111-4111-8111-111111111111',
      BOT_TYPE: 'SingleTenant',
      STORAGE_CONNECTION_STRING: testConnectionString(),
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('BOT_TENANT_ID: required with BOT_ID');
    expect(run.stderr).toContain('BOT_PASSWORD: required when BOT_TYPE=SingleTenant');
  });

  it('says loudly that local mode is unauthenticated and loopback-only, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const run = await runBot(
      { STORAGE_CONNECTION_STRING: testConnectionString(), TABLE_PREFIX: uniquePrefix(), PORT: String(port) },
      (child) => child.kill('SIGTERM'),
    );
    expect(run.stderr).toContain('LOCAL MODE: no BOT_ID, so Bot Framework authentication is OFF.');
    expect(run.stdout).toContain(`"url":"http://127.0.0.1:${port}"`);
    expect(run.stdout).toContain('shutting down');
    expect(run.code).toBe(0);
  });

  it('explains a port that is already in use', async () => {
    const port = await freePort();
    const blocker = net.createServer().listen(port, '127.0.0.1');
    try {
      const run = await runBot({ STORAGE_CONNECTION_STRING: testConnectionString(), TABLE_PREFIX: uniquePrefix(), PORT: String(port) });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`port ${port} is already in use`);
    } finally {
      blocker.close();
    }
  });
});
