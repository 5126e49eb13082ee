/** `--name value` options of a benchmark script. */
export function numberArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

export function flag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}
