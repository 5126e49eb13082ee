/** "It's not listed": the solution as the requester named it (validated in unlisted-solution.ts). */
export interface UnlistedSolution {
  readonly name: string;
  /** '' when not given. */
  readonly environment: string;
  /** A name or an email, as typed; '' when not given. Never used to message anyone. */
  readonly maker: string;
}
