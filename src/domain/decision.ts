/**
 * What a pure decision returns: the outcome, or a refusal with a typed reason code (a string literal
 * union the caller turns into words through its locale resources). The domain never explains itself
 * in English sentences; callers branch on `reason`.
 */

export interface Refusal<R extends string> {
  readonly ok: false;
  readonly reason: R;
}

export type Decision<T extends object, R extends string> = ({ readonly ok: true } & T) | Refusal<R>;

export function refuse<R extends string>(reason: R): Refusal<R> {
  return { ok: false, reason };
}

export function accept<T extends object>(value: T): { readonly ok: true } & T {
  return { ok: true, ...value };
}
