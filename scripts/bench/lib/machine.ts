/** The machine a figure came from: printed with every benchmark, so figures are never read without it. */
import os from 'node:os';

export function machineLine(): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU';
  const [one, five] = os.loadavg();
  return `${cpus.length} cores (${model}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}, load average ${one!.toFixed(2)} / ${five!.toFixed(2)} (1 / 5 min)`;
}

export function loadAverage(): number {
  return os.loadavg()[0]!;
}
