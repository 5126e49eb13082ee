import path from 'node:path';

/** The repository's root folder (this file lives in `scripts/lib/`). */
export const repoRoot = path.resolve(__dirname, '..', '..');

/** Absolute path of a binary installed in the repository's `node_modules/.bin`. */
export function localBin(name: string): string {
  return path.join(repoRoot, 'node_modules', '.bin', name);
}
