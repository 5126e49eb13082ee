import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { Colour, paint, stripAnsi } from './terminal';

export interface ExitInfo {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export type LineListener = (line: string, stream: 'stdout' | 'stderr') => void;

/** Where a child's output goes. */
export type OutputMode =
  /** Each line on our stdout/stderr, prefixed with the coloured child name (the dev script). */
  | {
      readonly kind: 'prefix';
      readonly colour?: Colour;
      /** Pad the name to this width so that the columns line up. */
      readonly width?: number;
      /** Lines to leave out (still seen by onLine listeners). */
      readonly hide?: RegExp;
    }
  /** Each line appended to a file (the tests: keeps the jest output readable). */
  | { readonly kind: 'file'; readonly file: string }
  | { readonly kind: 'silent' };

export interface StartProcessOptions {
  /** Short name used in prefixes and error messages, e.g. `bot`. */
  readonly name: string;
  readonly command: string;
  readonly args?: readonly string[];
  readonly cwd?: string;
  /** The complete environment of the child (not merged with ours). */
  readonly env?: NodeJS.ProcessEnv;
  readonly output?: OutputMode;
}

export interface ManagedProcess {
  readonly name: string;
  readonly pid: number;
  readonly child: ChildProcess;
  /** Resolves when the child exits, whatever the reason. */
  readonly exited: Promise<ExitInfo>;
  /** Set once the child has exited. */
  exitInfo(): ExitInfo | undefined;
  /** Calls `listener` with every further output line (ANSI codes removed). */
  onLine(listener: LineListener): () => void;
  /**
   * Stops the child and everything it spawned: `signal` (default SIGTERM) to the child, which may
   * shut down gracefully (tsx relays it to the bot); after `graceMs` (default 8 s), or once the child
   * is gone, whatever is left of its process group is terminated. SIGKILL kills the group at once.
   * Safe to call more than once and after the child exited.
   */
  stop(options?: { signal?: NodeJS.Signals; graceMs?: number }): Promise<ExitInfo>;
}

/** Process groups we started and have not seen die yet; killed when this process exits. */
const liveGroups = new Set<number>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Last resort (an uncaught error, process.exit elsewhere): no orphaned Azurite or playground.
  process.on('exit', () => {
    for (const pgid of liveGroups) killGroup(pgid, 'SIGKILL');
  });
  // Our children live in their own process groups, so a Ctrl-C in the terminal does not reach
  // them. When nothing else in this process handles the signal (e.g. jest), stop them and then let
  // the signal do what it would have done. A host that handles it (scripts/dev.ts) stops them itself.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const handler = (): void => {
      if (process.listeners(signal).some((listener) => listener !== handler)) return;
      for (const pgid of liveGroups) killGroup(pgid, 'SIGTERM');
      process.removeListener(signal, handler);
      process.kill(process.pid, signal);
    };
    process.on(signal, handler);
  }
}

/** Sends `signal` to every process of the group; false when the group no longer exists. */
export function killGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ESRCH: no such group any more; EPERM: the id now belongs to someone else's processes.
    if (code === 'ESRCH' || code === 'EPERM') return false;
    throw error;
  }
}

function groupAlive(pgid: number): boolean {
  return killGroup(pgid, 0);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for `promise` at most `ms`, and clears its timer either way (no timer left for jest to wait on). */
async function within(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([promise, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Starts a child in its own process group (so that stopping it also stops whatever it spawned,
 * e.g. `tsx watch` and its node child) and routes its output line by line.
 */
export function startProcess(options: StartProcessOptions): ManagedProcess {
  installExitHook();
  const output = options.output ?? { kind: 'prefix' };
  const child = spawn(options.command, [...(options.args ?? [])], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  // Without a pid the spawn failed (e.g. ENOENT); the 'error' event below turns that into an exit.
  const pid = child.pid ?? -1;
  if (pid > 0) liveGroups.add(pid);

  const listeners = new Set<LineListener>();
  let fileStream: fs.WriteStream | undefined;
  if (output.kind === 'file') {
    fs.mkdirSync(path.dirname(output.file), { recursive: true });
    fileStream = fs.createWriteStream(output.file, { flags: 'a' });
    fileStream.on('error', () => undefined); // a log file problem must not take the run down
  }
  const prefix =
    output.kind === 'prefix'
      ? (stream: NodeJS.WriteStream) =>
          paint(output.colour ?? 'cyan', options.name.padEnd(output.width ?? options.name.length), stream.isTTY === true) + ' │ '
      : undefined;

  const route = (stream: 'stdout' | 'stderr', raw: string): void => {
    const line = stripAnsi(raw);
    for (const listener of listeners) listener(line, stream);
    if (output.kind === 'prefix' && prefix) {
      if (output.hide?.test(line)) return;
      const target = stream === 'stdout' ? process.stdout : process.stderr;
      target.write(`${prefix(target)}${target.isTTY ? raw : line}\n`);
    } else if (fileStream && !fileStream.writableEnded) {
      fileStream.write(`${new Date().toISOString()} ${stream === 'stderr' ? 'ERR' : 'OUT'} ${line}\n`);
    }
  };
  const pending: Promise<void>[] = [];
  for (const stream of ['stdout', 'stderr'] as const) {
    const source = child[stream];
    if (!source) continue;
    const lines = readline.createInterface({ input: source, crlfDelay: Infinity });
    lines.on('line', (line) => route(stream, line));
    pending.push(new Promise((resolve) => lines.once('close', () => resolve())));
  }

  let info: ExitInfo | undefined;
  const exited = new Promise<ExitInfo>((resolve) => {
    let settled = false;
    const finish = (result: ExitInfo): void => {
      if (settled) return;
      settled = true;
      info = result;
      if (pid > 0 && !groupAlive(pid)) liveGroups.delete(pid);
      // Let the last output lines through before announcing the exit.
      void within(Promise.all(pending), 200).then(() => {
        fileStream?.end();
        resolve(result);
      });
    };
    child.once('exit', (code, signal) => finish({ code, signal }));
    child.once('error', (error) => {
      route('stderr', `could not start ${options.command}: ${error.message}`);
      finish({ code: 127, signal: null });
    });
  });

  let stopping: Promise<ExitInfo> | undefined;
  const stop = (stopOptions: { signal?: NodeJS.Signals; graceMs?: number } = {}): Promise<ExitInfo> => {
    const signal = stopOptions.signal ?? 'SIGTERM';
    if (signal === 'SIGKILL' && pid > 0) killGroup(pid, 'SIGKILL');
    stopping ??= (async () => {
      if (pid <= 0) return exited;
      const graceMs = stopOptions.graceMs ?? 8000;
      // The leader first: tsx relays the signal to the bot, which shuts down gracefully.
      if (!info) {
        try {
          process.kill(pid, signal);
        } catch {
          // already gone
        }
        await within(exited, graceMs);
      }
      // Then whatever is left of its group (e.g. esbuild's service process under tsx).
      if (groupAlive(pid)) {
        killGroup(pid, info ? 'SIGTERM' : 'SIGKILL');
        const deadline = Date.now() + 1000;
        while (groupAlive(pid) && Date.now() < deadline) await sleep(50);
        if (groupAlive(pid)) killGroup(pid, 'SIGKILL');
      }
      liveGroups.delete(pid);
      return exited;
    })();
    return stopping;
  };

  return {
    name: options.name,
    pid,
    child,
    exited,
    exitInfo: () => info,
    onLine(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop,
  };
}

/** Describes an exit for messages: "exited with code 1", "was killed by SIGKILL". */
export function describeExit(info: ExitInfo): string {
  if (info.signal) return `was killed by ${info.signal}`;
  return `exited with code ${info.code}`;
}

/** Resolves with the first line that matches `pattern`; rejects if the process exits or time runs out. */
export function waitForLine(proc: ManagedProcess, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`${proc.name} did not print ${pattern} within ${timeoutMs} ms`));
    }, timeoutMs);
    const off = proc.onLine((line) => {
      const match = line.match(pattern);
      if (!match) return;
      clearTimeout(timer);
      off();
      resolve(match);
    });
    void proc.exited.then((info) => {
      clearTimeout(timer);
      off();
      reject(new Error(`${proc.name} ${describeExit(info)} before it was ready`));
    });
  });
}
