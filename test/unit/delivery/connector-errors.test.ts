import { ConnectorTimeoutError, failureOf, withTimeout } from '../../../src/teams/proactive/connector-errors';

describe('connector errors', () => {
  it('no answer within the hard limit is "uncertain" (the call may still land), never a plain timeout to retry', async () => {
    const never = new Promise<string>(() => undefined);
    const error = await withTimeout(never, 20).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorTimeoutError);
    expect(failureOf(error, Date.now())).toMatchObject({ kind: 'uncertain' });
  });

  it('an answer inside the limit is waited for, however slow', async () => {
    const slow = new Promise<string>((resolve) => setTimeout(() => resolve('landed'), 60));
    await expect(withTimeout(slow, 200)).resolves.toBe('landed');
  });

  it('a 408 or a connection timeout means the connector did not take the call: retried', () => {
    expect(failureOf(Object.assign(new Error('timeout'), { statusCode: 408 }), 0)).toMatchObject({ kind: 'timeout', status: 408 });
    expect(failureOf(Object.assign(new Error('connect'), { code: 'ETIMEDOUT' }), 0)).toMatchObject({ kind: 'timeout' });
    expect(failureOf(Object.assign(new Error('gateway'), { statusCode: 504 }), 0)).toMatchObject({ kind: 'transient', status: 504 });
  });
});
