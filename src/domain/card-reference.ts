/**
 * A card named by template, with the data to bind into it, as the domain stores it (an outbox
 * message's card). The domain does not know the templates: `src/presentation/cards.ts` owns the
 * names (its `CardRef` narrows `card` to a `CardName`), and the sender checks a stored name before
 * rendering it.
 */
export interface CardReference {
  readonly card: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/**
 * A stored card reference, also in the shape rows written before this one used (`{ template, data }`).
 * Undefined when the value is neither.
 */
export function readCardReference(value: unknown): CardReference | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const v = value as { card?: unknown; template?: unknown; data?: unknown };
  const name = typeof v.card === 'string' ? v.card : typeof v.template === 'string' ? v.template : undefined;
  if (name === undefined) return undefined;
  const data = v.data !== null && typeof v.data === 'object' && !Array.isArray(v.data) ? (v.data as Record<string, unknown>) : {};
  return { card: name, data };
}
