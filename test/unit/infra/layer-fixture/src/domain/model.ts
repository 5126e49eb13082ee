// A fixture for test/unit/infra/dependency-rules.test.ts: a tree of src/ with one planted violation per rule.
export interface Model {
  readonly id: string;
}
