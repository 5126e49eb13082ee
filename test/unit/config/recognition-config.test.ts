import { DEFAULT_RECOGNITION } from '../../../src/config/recognition-config';
import { loadConfig } from '../../../src/config/load-config';
import { configProblems } from '../../support/config-problems';

const local = {
  STORAGE_CONNECTION_STRING:
    'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;',
};

describe('recognition configuration', () => {
  it('sends the thank-you cards, looking every 6 hours, for anyone who helped once, unless told otherwise', () => {
    expect(loadConfig(local).recognition).toEqual(DEFAULT_RECOGNITION);
    expect(DEFAULT_RECOGNITION).toEqual({ enabled: true, checkIntervalMs: 6 * 3_600_000, minimum: 1 });
    expect(
      loadConfig({ ...local, RECOGNITION_ENABLED: 'FALSE', RECOGNITION_CHECK_HOURS: '24', RECOGNITION_MIN_REQUESTS: '3' }).recognition,
    ).toEqual({ enabled: false, checkIntervalMs: 24 * 3_600_000, minimum: 3 });
    expect(loadConfig({ ...local, RECOGNITION_ENABLED: 'true' }).recognition?.enabled).toBe(true);
  });

  it('refuses values it cannot read, naming each', () => {
    expect(
      configProblems({ ...local, RECOGNITION_ENABLED: 'yes', RECOGNITION_CHECK_HOURS: '0', RECOGNITION_MIN_REQUESTS: '1001' }),
    ).toEqual([
      'RECOGNITION_ENABLED: expected true or false, got "yes"',
      'RECOGNITION_CHECK_HOURS: expected an integer between 1 and 168, got "0"',
      'RECOGNITION_MIN_REQUESTS: expected an integer between 1 and 1000, got "1001"',
    ]);
  });
});
