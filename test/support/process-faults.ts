/**
 * Counts unhandled rejections and uncaught exceptions in this process while a test runs. Jest gives
 * test code a copy of `process` whose events never fire, so the listeners go on the real one: a
 * function made by the outer realm's Function constructor (reached through Buffer, which jest passes
 * in from outside the sandbox) sees the real global `process`.
 */
export interface ProcessFaults {
  readonly unhandledRejections: unknown[];
  readonly uncaughtExceptions: unknown[];
  stop(): void;
}

export function watchProcessFaults(): ProcessFaults {
  const real = (Buffer.constructor as FunctionConstructor)('return process')() as NodeJS.Process;
  const faults = { unhandledRejections: [] as unknown[], uncaughtExceptions: [] as unknown[] };
  const onRejection = (reason: unknown) => faults.unhandledRejections.push(reason);
  const onException = (error: unknown) => faults.uncaughtExceptions.push(error);
  real.on('unhandledRejection', onRejection);
  real.on('uncaughtException', onException);
  return {
    ...faults,
    stop() {
      real.off('unhandledRejection', onRejection);
      real.off('uncaughtException', onException);
    },
  };
}
