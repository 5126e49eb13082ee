import { EnvVariableName } from './env-spec';

/** Reads one variable: trimmed, undefined when unset or blank. */
export type Reader = (name: EnvVariableName) => string | undefined;
/** Records a problem with one variable; loading goes on so every problem is reported at once. */
export type Problem = (variable: EnvVariableName, message: string) => void;

/** An optional whole number within bounds; reports and falls back when malformed. */
export function integerReader(read: Reader, problem: Problem) {
  return (name: EnvVariableName, fallback: number, min: number, max: number): number => {
    const value = read(name);
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max) {
      problem(name, `expected an integer between ${min} and ${max}, got "${value}"`);
      return fallback;
    }
    return n;
  };
}
