/** One environment variable of ENV_SPEC (env-spec.ts). */
export interface EnvVariableSpec {
  readonly name: string;
  /** When false, production (and the Bicep app settings) must provide it. */
  readonly optional: boolean;
  /** What applies when it is not set, as the README shows it (Markdown); absent when nothing does. */
  readonly default?: string;
  /** What it is and what is expected (Markdown, one table cell). */
  readonly description: string;
}
