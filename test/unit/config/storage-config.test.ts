import { loadConfig } from '../../../src/config/load-config';
import { configProblems } from '../../support/config-problems';

const AZURITE =
  'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;';
const local = { STORAGE_CONNECTION_STRING: AZURITE };

describe('storage time budgets', () => {
  it('default to 3 s for a turn and 10 s for background jobs', () => {
    expect(loadConfig(local).storageTimeouts).toEqual({ turnMs: 3_000, backgroundMs: 10_000 });
  });

  it('are read in milliseconds', () => {
    expect(loadConfig({ ...local, STORAGE_TIMEOUT_MS: '1500', STORAGE_BACKGROUND_TIMEOUT_MS: '30000' }).storageTimeouts).toEqual({
      turnMs: 1_500,
      backgroundMs: 30_000,
    });
  });

  it('name the variable of a bad value', () => {
    expect(configProblems({ ...local, STORAGE_TIMEOUT_MS: '3s', STORAGE_BACKGROUND_TIMEOUT_MS: '0' }).sort()).toEqual([
      'STORAGE_BACKGROUND_TIMEOUT_MS: expected an integer between 100 and 120000, got "0"',
      'STORAGE_TIMEOUT_MS: expected an integer between 100 and 60000, got "3s"',
    ]);
  });
});
