/** One problem with one environment variable. */
export interface ConfigProblem {
  readonly variable: string;
  readonly message: string;
}

/**
 * Thrown at start when the environment is missing or malformed. Lists every problem at once, so an
 * operator fixes the deployment in one go instead of one restart per variable.
 */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';

  constructor(readonly problems: readonly ConfigProblem[]) {
    super(
      `Invalid configuration:\n${problems.map((p) => `  - ${p.variable}: ${p.message}`).join('\n')}\n` +
        'See .env.example for every variable and what it expects.',
    );
    this.name = 'ConfigError';
  }
}
