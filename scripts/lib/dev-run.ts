import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './paths';
import { findFreePort, portStatus } from './ports';
import { ManagedProcess, startProcess, waitForLine } from './processes';

/**
 * `npm run dev` as a child, the way a person runs it in a terminal (its own process group, Ctrl-C =
 * SIGINT to the group), on free ports and a throw-away data folder: for the dev script's browser
 * test and the startup benchmark.
 */

export interface DevRun {
  readonly proc: ManagedProcess;
  readonly indexUrl: string;
  readonly dataDir: string;
  readonly ports: readonly number[];
  /** Everything printed so far (ANSI codes removed). */
  output(): string;
  /** Seconds from start until the summary box was printed. */
  readonly readySeconds: number;
}

async function freePortRun(length: number): Promise<number> {
  // PLAYGROUND_PORT and the personas' ports after it must all be free.
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 30_000);
    const checks = await Promise.all(Array.from({ length }, (_, i) => portIsFree(base + i)));
    if (checks.every(Boolean)) return base;
  }
  throw new Error(`no run of ${length} free ports found`);
}

async function portIsFree(port: number): Promise<boolean> {
  return (await portStatus(port)) === 'free';
}

/** Starts `npm run dev -- --no-watch --data-dir <tmp>` and waits for its summary box. */
export async function startDevRun(options: { personas: number; timeoutMs?: number; logFile?: string }): Promise<DevRun> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'support-bot-dev-'));
  const bot = await findFreePort();
  const azurite = await findFreePort();
  const index = await freePortRun(options.personas + 1);
  const lines: string[] = [];
  const started = Date.now();
  const proc = startProcess({
    name: 'npm run dev',
    command: 'npm',
    args: ['run', 'dev', '--', '--no-watch', '--data-dir', dataDir],
    cwd: repoRoot,
    env: { ...process.env, PORT: String(bot), AZURITE_TABLE_PORT: String(azurite), PLAYGROUND_PORT: String(index), NO_COLOR: '1' },
    output: options.logFile ? { kind: 'file', file: options.logFile } : { kind: 'silent' },
  });
  proc.onLine((line) => lines.push(line));
  await waitForLine(proc, /Ctrl-C stops everything/, options.timeoutMs ?? 180_000);
  return {
    proc,
    indexUrl: `http://127.0.0.1:${index}`,
    dataDir,
    ports: [bot, azurite, ...Array.from({ length: options.personas + 1 }, (_, i) => index + i)],
    output: () => lines.join('\n'),
    readySeconds: (Date.now() - started) / 1000,
  };
}

/** The process and all its descendants, from /proc (Linux). */
export function processTree(root: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (!stat) continue;
    const list = parents.get(stat.ppid) ?? [];
    list.push(Number(entry));
    parents.set(stat.ppid, list);
  }
  const out: number[] = [];
  const visit = (pid: number): void => {
    out.push(pid);
    for (const child of parents.get(pid) ?? []) visit(child);
  };
  visit(root);
  return out;
}

interface Stat {
  readonly ppid: number;
  /** CPU seconds (user + system) this process has used. */
  readonly cpuSeconds: number;
}

const TICKS = 100; // USER_HZ on Linux

function readStat(pid: number): Stat | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command may contain spaces and parentheses: the fields start after the last ")".
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), cpuSeconds: (Number(fields[11]) + Number(fields[12])) / TICKS };
  } catch {
    return undefined;
  }
}

export interface ProcessFigures {
  readonly pid: number;
  readonly command: string;
  readonly rssMb: number;
  readonly cpuSeconds: number;
}

/** RSS and CPU time of each process of the tree. */
export function treeFigures(root: number): ProcessFigures[] {
  return processTree(root).flatMap((pid) => {
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      const command = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
      return [{ pid, command, rssMb: rssKb / 1024, cpuSeconds: readStat(pid)?.cpuSeconds ?? 0 }];
    } catch {
      return [];
    }
  });
}

/** Ctrl-C in the terminal: SIGINT to the whole foreground process group. */
export function pressCtrlC(run: DevRun): void {
  process.kill(-run.proc.pid, 'SIGINT');
}
