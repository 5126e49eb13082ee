/**
 * Mutations for the fuzz test's activities, and the hostile texts they carry. Each mutation names a
 * field of the activity by position (any object property or list entry, depth first) and what to do
 * to it, so fast-check can generate, print and replay it.
 */
import fc from 'fast-check';

/**
 * Template expressions in user text. If the bot ever evaluated one, what it sent would contain a
 * "canary": `Qz…Vy` with no quote or brace between (the literal texts always have one), or `QZVY`.
 * `$root` expressions are wrapped the same way, so exposing data would show as a canary too.
 */
export const TEMPLATE_TEXTS = [
  "${concat('Qz','Vy')}",
  "{{concat('Qz','Vy')}}",
  "${toUpper('qzvy')}",
  'Qz${title}Vy',
  'Qz${$root.intakeId}Vy',
  'Qz${$root.requester.aadObjectId}Vy',
  'Qz${string(length(json($root)))}Vy',
  "Qz${if(true,'','')}Vy",
  'Qz{{$root}}Vy',
  'Qz${1+1}Vy',
  'Qz${ticketNumber}${requesterName}Vy',
  "$${concat('Qz','Vy')}",
  "\\${concat('Qz','Vy')}",
  '${$root}',
  '${json($root)}',
  '${$data}',
  '${$host}',
  '${$index}',
  '{"$when": "${false}", "type": "TextBlock"}',
  '=HYPERLINK("http://evil.example")',
] as const;

/** What an evaluated template expression from TEMPLATE_TEXTS leaves behind. */
export const CANARIES = [/Qz[^'"{}\\]{0,300}?Vy/, /QZVY/];

const MARKUP = [
  '[Reset password](https://evil.example/reset)',
  '**urgent** _now_',
  '<at>Support Intake</at> hi',
  '<script>alert(1)</script>',
  '# heading\n- item',
  'https://evil.example',
  'mail me@evil.example',
];
const UNICODE = [
  '안녕하세요 😀 회의실 예약',
  'مرحبا بالعالم',
  '\u202eevil\u202c',
  'zero\u200bwidth\ufeff',
  'lone \ud800 surrogate',
  'e\u0301\u0301\u0301',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  'a\u0000b\u0007c',
  'line\r\nbreak\u2028sep',
];

/** No generated text may look like a canary by chance. */
const sanitize = (text: string) => text.replace(/Q/g, 'q');

const longText = fc
  .tuple(fc.constantFrom('x', 'ä', '한', '😀', 'a ', ' ', 'new request '), fc.constantFrom(501, 2_001, 4_001, 20_000))
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));

/** Text for any text field: commands with expressions, markup, unicode, control characters, long text. */
export const textArbitrary: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TEMPLATE_TEXTS) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom('solution', 'ticket', 'how is', 'who supports', 'register', ''), fc.constantFrom(...TEMPLATE_TEXTS))
      .map(([a, b]) => `${a} ${b}`),
  },
  { weight: 1, arbitrary: fc.constantFrom(...MARKUP) },
  { weight: 2, arbitrary: fc.constantFrom(...UNICODE) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }).map(sanitize) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }).map(sanitize) },
  { weight: 1, arbitrary: longText },
);

export const MUTATION_OPS = [
  'drop',
  'retype',
  'oversize',
  'control',
  'key-chars',
  'unicode',
  'template',
  'nest',
  'forbidden-key',
  'foreign-id',
  'add-field',
  'empty',
] as const;
export interface Mutation {
  readonly op: (typeof MUTATION_OPS)[number];
  /** Which field: an index into the activity's fields, depth first (modulo their number). */
  readonly at: number;
  /** Which variant of the op (modulo the number of variants). */
  readonly pick: number;
}

export const MUTATION: fc.Arbitrary<Mutation> = fc.record({ op: fc.constantFrom(...MUTATION_OPS), at: fc.nat(), pick: fc.nat() });

const RETYPED: readonly unknown[] = [null, 0, -1, 1.5, 1e308, true, false, [], {}, '', [null], [1, 'a', {}], { id: {} }, 'x'];
const OVERSIZED = [513, 2_049, 4_001, 70_000, 300_000];
const CONTROL = ['\u0000', '\r\n', '\u0007', '\u001b[31m', '\u007f', '\u0085', '\u2028'];
const FORBIDDEN = ['__proto__', 'constructor', 'prototype'];
/** Characters Table Storage forbids in keys, and ones URLs and OData filters treat specially. */
const KEY_CHARS = ['/', '\\', '#', '?', '%', "'", '~', '%2F', '..', ' '];
const EXTRA_KEYS = [
  '$when',
  '$data',
  'intakeId',
  'ticketId',
  'requestId',
  'aadObjectId',
  'tenantId',
  'serviceUrl',
  'isGroup',
  'replyToId',
  'locale',
  'x',
];

interface FieldRef {
  readonly parent: Record<string, unknown> | unknown[];
  readonly key: string | number;
}

/** Every field of the value, depth first (bounded: activities are small before mutation). */
function fieldsOf(root: unknown, limit = 400): FieldRef[] {
  const out: FieldRef[] = [];
  const walk = (node: unknown): void => {
    if (out.length >= limit || node === null || typeof node !== 'object') return;
    const entries: Array<[string | number, unknown]> = Array.isArray(node) ? node.map((v, i) => [i, v]) : Object.entries(node);
    for (const [key, value] of entries) {
      out.push({ parent: node as Record<string, unknown>, key });
      walk(value);
    }
  };
  walk(root);
  return out;
}

function nested(depth: number, leaf: unknown): unknown {
  let value: unknown = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? { a: value } : [value];
  return value;
}

interface Pools {
  readonly ids: { readonly foreign: Readonly<Record<string, readonly string[]>> };
  readonly otherTenants: readonly string[];
  readonly otherIds: readonly string[];
}

/** Applies the mutations in order to a copy of `activity`. */
export function mutate(activity: unknown, mutations: readonly Mutation[], pools: Pools): unknown {
  const copy = structuredClone(activity);
  const foreign = [...Object.values(pools.ids.foreign).flat(), ...pools.otherTenants, ...pools.otherIds];
  for (const m of mutations) {
    const fields = fieldsOf(copy);
    if (fields.length === 0) break;
    const { parent, key } = fields[m.at % fields.length];
    const current = (parent as Record<string | number, unknown>)[key];
    const set = (value: unknown) => ((parent as Record<string | number, unknown>)[key] = value);
    const pick = <T>(list: readonly T[]) => list[m.pick % list.length];
    switch (m.op) {
      case 'drop':
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete parent[key as string];
        break;
      case 'retype':
        set(structuredClone(pick(RETYPED)));
        break;
      case 'oversize':
        set(pick(['x', 'ä', '한', '😀']).repeat(pick(OVERSIZED)));
        break;
      case 'control':
        set(`${typeof current === 'string' ? current : 'id'}${pick(CONTROL)}`);
        break;
      case 'key-chars':
        set(`${typeof current === 'string' ? current : 'id'}${pick(KEY_CHARS)}x`);
        break;
      case 'unicode':
        set(pick(UNICODE));
        break;
      case 'template':
        set(typeof current === 'string' && m.pick % 2 === 0 ? `${current} ${pick(TEMPLATE_TEXTS)}` : pick(TEMPLATE_TEXTS));
        break;
      case 'nest':
        set(nested(pick([3, 10, 31, 40, 300]), current ?? 'leaf'));
        break;
      case 'forbidden-key': {
        const target = current !== null && typeof current === 'object' && !Array.isArray(current) ? (current as object) : parent;
        // An own, enumerable "__proto__" key, as JSON.parse would make it (a literal would set the prototype).
        Object.defineProperty(target, pick(FORBIDDEN), { value: { polluted: true }, enumerable: true, configurable: true, writable: true });
        break;
      }
      case 'foreign-id':
        set(pick(foreign));
        break;
      case 'add-field': {
        const target =
          current !== null && typeof current === 'object' && !Array.isArray(current) ? (current as Record<string, unknown>) : undefined;
        if (target) target[pick(EXTRA_KEYS)] = pick([...TEMPLATE_TEXTS, ...foreign, null, 7]);
        break;
      }
      case 'empty':
        set(Array.isArray(current) ? [] : typeof current === 'object' && current !== null ? {} : '');
        break;
    }
  }
  return copy;
}
