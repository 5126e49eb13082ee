/** Starts a bot of bot-process.ts in a child process and talks to it. */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { TableCallCounts } from './table-calls';

export interface BotMemory {
  readonly rssBytes: number;
  readonly heapBytes: number;
}

export class BotChild {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    readonly kind: 'product' | 'floor',
  ) {}

  static async start(kind: 'product' | 'floor', env: { storage: string; prefix: string; account: string }): Promise<BotChild> {
    const repoRoot = path.resolve(__dirname, '../../..');
    const child = fork(path.join(__dirname, 'bot-process.ts'), [kind], {
      cwd: repoRoot,
      // BENCH_CPU_PROF=dir: a CPU profile of each bot process, written there when it stops.
      execArgv: [
        '--import',
        'tsx',
        '--expose-gc',
        '--no-deprecation',
        ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
      ],
      env: { ...process.env, BENCH_STORAGE: env.storage, BENCH_PREFIX: env.prefix, BENCH_ACCOUNT: env.account, NODE_ENV: 'development' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`the ${kind} bot exited with ${code} before it was ready`)));
      child.once('message', (m: { type: string; url: string }) =>
        m.type === 'ready' ? resolve(m.url) : reject(new Error(`unexpected ${m.type}`)),
      );
    });
    child.removeAllListeners('exit');
    return new BotChild(child, url, kind);
  }

  async counts(): Promise<{ calls: TableCallCounts } & BotMemory> {
    return this.ask('counts');
  }

  async resetCounts(): Promise<void> {
    await this.ask('reset');
  }

  /** Memory after a full garbage collection. */
  async memoryAfterGc(): Promise<BotMemory> {
    return this.ask('gc');
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.send({ type: 'stop' });
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }

  private ask<T>(type: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const onMessage = (m: { type: string }) => {
        if (m.type !== type) return;
        this.child.off('message', onMessage);
        resolve(m as T);
      };
      this.child.on('message', onMessage);
      if (!this.child.send({ type })) reject(new Error(`could not reach the ${this.kind} bot`));
    });
  }
}
