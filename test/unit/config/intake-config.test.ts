import { loadConfig } from '../../../src/config/load-config';
import { configProblems } from '../../support/config-problems';

const local = {
  STORAGE_CONNECTION_STRING:
    'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;',
};

describe('intake configuration', () => {
  it('limits a person to 20 requests an hour unless MAX_REQUESTS_PER_HOUR says otherwise', () => {
    expect(loadConfig(local).intake).toEqual({ maxRequestsPerHour: 20 });
    expect(loadConfig({ ...local, MAX_REQUESTS_PER_HOUR: '5' }).intake).toEqual({ maxRequestsPerHour: 5 });
  });

  it.each(['0', '201', 'lots', '2.5'])('refuses MAX_REQUESTS_PER_HOUR=%s', (value) => {
    expect(configProblems({ ...local, MAX_REQUESTS_PER_HOUR: value })).toEqual([
      `MAX_REQUESTS_PER_HOUR: expected an integer between 1 and 200, got "${value}"`,
    ]);
  });
});
