import { spawn } from 'node:child_process';
import path from 'node:path';
import { findFreePort } from '../../scripts/lib/ports';
import { createLogger } from '../../src/logging/logger';
import { AZURE_MONITOR_PACKAGE, AzureMonitorDistro, startTelemetry } from '../../src/telemetry/start-telemetry';
import { LogCapture } from '../support/log-capture';
import { testConnectionString, uniquePrefix } from '../support/test-storage';

/** Points at a closed loopback port, so an installed distro could never export anywhere real. */
const CONNECTION_STRING = 'InstrumentationKey=00000000-0000-4000-8000-000000000000;IngestionEndpoint=http://127.0.0.1:1/';

function fakeDistro() {
  const calls: unknown[] = [];
  const distro: AzureMonitorDistro = {
    useAzureMonitor: (options) => void calls.push(['use', options]),
    shutdownAzureMonitor: async () => void calls.push(['shutdown']),
  };
  return { distro, calls };
}

describe('OpenTelemetry export to Application Insights', () => {
  const logs = new LogCapture();
  const logger = createLogger('info', logs);
  beforeEach(() => logs.clear());

  it('stays off, without loading the distro, when no connection string is set', async () => {
    const load = jest.fn();
    const telemetry = startTelemetry(undefined, logger, load);
    expect(telemetry.enabled).toBe(false);
    expect(load).not.toHaveBeenCalled();
    await telemetry.shutdown();
  });

  it('starts the distro with the connection string, and flushes it on shutdown', async () => {
    const { distro, calls } = fakeDistro();
    const telemetry = startTelemetry(CONNECTION_STRING, logger, () => distro);
    expect(telemetry.enabled).toBe(true);
    expect(calls).toEqual([['use', { azureMonitorExporterOptions: { connectionString: CONNECTION_STRING } }]]);
    await telemetry.shutdown();
    expect(calls[1]).toEqual(['shutdown']);
    expect(logs.lines.join('\n')).not.toContain('InstrumentationKey');
  });

  it('runs without telemetry, saying why, when the distro is missing', () => {
    const missing = () => {
      throw Object.assign(new Error(`Cannot find module '${AZURE_MONITOR_PACKAGE}'`), { code: 'MODULE_NOT_FOUND' });
    };
    expect(startTelemetry(CONNECTION_STRING, logger, missing).enabled).toBe(false);
    expect(logs.find('telemetry export to Application Insights could not start: running without it', 'error')).toEqual([
      expect.objectContaining({ package: AZURE_MONITOR_PACKAGE }),
    ]);
  });

  it('the real process starts and serves with APPLICATIONINSIGHTS_CONNECTION_STRING set, whether or not the distro is installed', async () => {
    const root = path.resolve(__dirname, '../..');
    const port = await findFreePort();
    // tsx as a loader in the bot's own process (no tsx parent relaying signals under a 30 ms deadline).
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        LOG_LEVEL: 'info',
        PORT: String(port),
        STORAGE_CONNECTION_STRING: testConnectionString(),
        TABLE_PREFIX: uniquePrefix(),
        APPLICATIONINSIGHTS_CONNECTION_STRING: CONNECTION_STRING,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let stopping = false;
    const exited = new Promise<number | string | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // tsx compiles every module at start, under the distro's require hooks: 35 s on two cores with the
    // whole suite running (measured), so the process gets 110 s before it is killed.
    const killer = setTimeout(() => child.kill('SIGKILL'), 110_000);
    let served: number | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!stopping && stdout.includes('"bot listening"')) {
        stopping = true;
        // An answer proves the process got past registering its signal handlers (same tick as the log line).
        void fetch(`http://127.0.0.1:${port}/healthz`)
          .then((response) => (served = response.status))
          .catch(() => undefined)
          .finally(() => child.kill('SIGTERM'));
      }
    });
    const code = await exited;
    clearTimeout(killer);

    expect(stdout).toContain('"bot listening"');
    expect(served).toBe(200);
    expect({ code, output: code === 0 ? '' : `${stdout.slice(-1500)}\n${stderr.slice(-1500)}` }).toEqual({ code: 0, output: '' });
    expect(stdout).toContain('shutting down');
    const installed = isInstalled(AZURE_MONITOR_PACKAGE);
    expect(stdout).toContain(installed ? 'telemetry export to Application Insights started' : '"reason":"package not installed"');
  }, 130_000);
});

function isInstalled(name: string): boolean {
  try {
    require.resolve(name);
    return true;
  } catch {
    return false;
  }
}
