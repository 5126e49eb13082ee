import { ConfigError } from '../../src/config/config-error';
import { Environment, loadConfig } from '../../src/config/load-config';

/** The problems a configuration produces, as "VARIABLE: message" lines ([] when it loads). */
export function configProblems(env: Environment): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems.map((p) => `${p.variable}: ${p.message}`);
  }
}
