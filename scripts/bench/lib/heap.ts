/**
 * Memory held by what a function builds: JS heap plus typed arrays' buffers, each after a full
 * garbage collection. The collector is reached through V8's flag at run time, so the benchmark
 * runs as `npm run bench` starts it (no --expose-gc on the command line).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

function heldBytes(): number {
  collect();
  collect();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/** What `build()` returns, and the bytes it keeps alive while it is held. */
export function retainedBy<T>(build: () => T): { readonly value: T; readonly bytes: number } {
  const before = heldBytes();
  const value = build();
  return { value, bytes: heldBytes() - before };
}
