/**
 * How long `npm run dev` takes until it prints its URLs, and what the whole run costs: the RSS of
 * every process (npm, the dev script, Azurite, the bot, one playground per persona) and the CPU time
 * they used to get there. Runs `npm run dev -- --no-watch` on free ports and a throw-away data
 * folder, `--runs N` times (default 2), stops each with Ctrl-C (SIGINT to its process group).
 *
 *   npx tsx scripts/bench/dev-startup.ts [--runs N]
 *
 * The machine's load average is printed with every run: on a shared machine it explains the spread.
 */
import fs from 'node:fs';
import os from 'node:os';
import { demoOrg } from '../lib/demo-org';
import { pressCtrlC, startDevRun, treeFigures } from '../lib/dev-run';

function runsFrom(argv: readonly string[]): number {
  const at = argv.indexOf('--runs');
  const n = at >= 0 ? Number(argv[at + 1]) : 2;
  if (!Number.isInteger(n) || n < 1 || n > 10) throw new Error('--runs takes 1-10');
  return n;
}

/** Groups the processes by what they are, for the table. */
function kindOf(command: string): string {
  if (command.includes('playground-launcher')) return 'playgrounds';
  if (command.includes('azurite')) return 'Azurite';
  if (command.includes('src/index.ts')) return 'bot (tsx and node)';
  if (command.includes('esbuild')) return "tsx's esbuild";
  if (command.includes('scripts/dev.ts')) return 'dev script (tsx and node)';
  return 'npm and shell';
}

async function main(): Promise<void> {
  const runs = runsFrom(process.argv.slice(2));
  const personas = demoOrg().personas.length;
  process.stdout.write(`npm run dev with ${personas} personas' playgrounds, ${os.cpus().length} CPUs, ${runs} run(s)\n\n`);
  for (let i = 1; i <= runs; i++) {
    const load = os.loadavg()[0].toFixed(1);
    const run = await startDevRun({ personas });
    // Let the start settle (the welcome cards, the first outbox and timer passes) before measuring memory.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const figures = treeFigures(run.proc.pid);
    pressCtrlC(run);
    await run.proc.exited;
    fs.rmSync(run.dataDir, { recursive: true, force: true });

    const byKind = new Map<string, { count: number; rss: number; cpu: number }>();
    for (const f of figures) {
      const k = byKind.get(kindOf(f.command)) ?? { count: 0, rss: 0, cpu: 0 };
      byKind.set(kindOf(f.command), { count: k.count + 1, rss: k.rss + f.rssMb, cpu: k.cpu + f.cpuSeconds });
    }
    const rss = figures.reduce((sum, f) => sum + f.rssMb, 0);
    const cpu = figures.reduce((sum, f) => sum + f.cpuSeconds, 0);
    process.stdout.write(
      `run ${i}: ready in ${run.readySeconds.toFixed(1)} s (load average ${load} at start), RSS ${rss.toFixed(0)} MB in ${figures.length} processes, ${cpu.toFixed(1)} CPU s\n`,
    );
    for (const [kind, k] of [...byKind].sort((a, b) => b[1].rss - a[1].rss)) {
      process.stdout.write(
        `  ${kind.padEnd(26)} ${String(k.count).padStart(2)} × ${(k.rss / k.count).toFixed(0).padStart(4)} MB = ${k.rss.toFixed(0).padStart(5)} MB, ${k.cpu.toFixed(1).padStart(5)} CPU s\n`,
      );
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`dev-startup: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
