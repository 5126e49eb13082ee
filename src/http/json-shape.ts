/**
 * Structural limits on a parsed JSON body, checked iteratively (an explicit stack, no recursion), so
 * a body nested thousands of levels deep is refused here instead of overflowing the stack of the
 * first recursive code that walks it (JSON.stringify, botbuilder's and teams-ai's object copies).
 */
export interface ShapeLimits {
  /** Levels of objects and arrays, the body itself being level 1. */
  readonly maxDepth: number;
  readonly maxArrayLength: number;
  readonly maxObjectKeys: number;
  /** Values of any kind in the whole body (bounds the work of every later walk). */
  readonly maxNodes: number;
}

/**
 * Generous for Teams activities: their deepest part is card data (`value`) or an attachment's
 * content, a few levels each; a `membersAdded` list is one entry per person added.
 */
export const ACTIVITY_SHAPE_LIMITS: ShapeLimits = { maxDepth: 32, maxArrayLength: 1_000, maxObjectKeys: 500, maxNodes: 20_000 };

/** Keys that change an object's prototype when some library copies with plain assignment. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The first limit `value` breaks, in words for a 400 answer; undefined when it fits. */
export function shapeProblem(value: unknown, limits: ShapeLimits = ACTIVITY_SHAPE_LIMITS): string | undefined {
  const stack: Array<{ value: unknown; depth: number; path: string }> = [{ value, depth: 1, path: 'body' }];
  let nodes = 0;
  while (stack.length > 0) {
    const { value: current, depth, path } = stack.pop()!;
    nodes += 1;
    if (nodes > limits.maxNodes) return `the body has more than ${limits.maxNodes} values`;
    if (current === null || typeof current !== 'object') continue;
    if (depth > limits.maxDepth) return `the body is nested more than ${limits.maxDepth} levels deep (at ${path})`;
    if (Array.isArray(current)) {
      if (current.length > limits.maxArrayLength) return `${path} has more than ${limits.maxArrayLength} entries`;
      for (let i = 0; i < current.length; i++) stack.push({ value: current[i], depth: depth + 1, path: `${path}[${i}]` });
      continue;
    }
    const keys = Object.keys(current);
    if (keys.length > limits.maxObjectKeys) return `${path} has more than ${limits.maxObjectKeys} fields`;
    for (const key of keys) {
      if (FORBIDDEN_KEYS.has(key)) return `${path} has a field named "${key}"`;
      stack.push({ value: (current as Record<string, unknown>)[key], depth: depth + 1, path: `${path}.${shortKey(key)}` });
    }
  }
  return undefined;
}

/** Paths end up in 400 answers: keep a hostile key short and printable. */
function shortKey(key: string): string {
  return key.length <= 40 && !/[^\x20-\x7e]/.test(key) ? key : `${key.slice(0, 40).replace(/[^\x20-\x7e]/g, '?')}…`;
}
