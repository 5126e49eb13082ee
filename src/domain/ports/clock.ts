/** What time it is, as the services see it (tests pass a controllable one). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
