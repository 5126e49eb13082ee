import { configProblems } from '../../support/config-problems';
import { loadConfig } from '../../../src/config/load-config';

const AZURITE =
  'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;';
const local = { STORAGE_CONNECTION_STRING: AZURITE };

const problems = configProblems;

describe('notification configuration', () => {
  it('has defaults for everything (optional variables)', () => {
    expect(loadConfig(local).notifications).toEqual({
      tenantRatePerSecond: 45,
      makerAckMinutes: 240,
      coOwnerClaimMinutes: 480,
      outboxStuckMinutes: 15,
    });
  });

  it('reads the rate, the timers and the service URL', () => {
    const config = loadConfig({
      ...local,
      OUTBOX_TENANT_RATE: '40',
      MAKER_ACK_MINUTES: '30',
      CO_OWNER_CLAIM_MINUTES: '90',
      OUTBOX_STUCK_MINUTES: '5',
      TEAMS_SERVICE_URL: 'https://smba.trafficmanager.net/teams/',
    });
    expect(config.notifications).toEqual({
      tenantRatePerSecond: 40,
      makerAckMinutes: 30,
      coOwnerClaimMinutes: 90,
      outboxStuckMinutes: 5,
      teamsServiceUrl: 'https://smba.trafficmanager.net/teams/',
    });
  });

  it('names the variable of every bad value', () => {
    expect(
      problems({
        ...local,
        OUTBOX_TENANT_RATE: '80',
        MAKER_ACK_MINUTES: 'soon',
        CO_OWNER_CLAIM_MINUTES: '0',
        TEAMS_SERVICE_URL: 'http://example.com/',
      }).sort(),
    ).toEqual(
      [
        'OUTBOX_TENANT_RATE: expected an integer between 1 and 50, got "80"',
        'MAKER_ACK_MINUTES: expected an integer between 1 and 10080, got "soon"',
        'CO_OWNER_CLAIM_MINUTES: expected an integer between 1 and 10080, got "0"',
        'TEAMS_SERVICE_URL: expected an https URL such as https://smba.trafficmanager.net/teams/, got "http://example.com/"',
      ].sort(),
    );
  });
});
