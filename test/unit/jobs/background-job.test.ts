import { BackgroundJob, type JobLeases } from '../../../src/services/jobs/background-job';

/** Leases that record what the job did with them. */
function recordingLeases(log: string[]): JobLeases {
  return {
    start: () => void log.push('leases renewed from now on'),
    releaseAll: async () => void log.push('leases released'),
  };
}

const settle = () => new Promise((resolve) => jest.requireActual<typeof import('timers')>('timers').setImmediate(resolve));

describe('BackgroundJob: a loop of runs and the leases they need', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('renews its leases from the start, runs first after firstRunInMs, then after what each run says; a failed run is reported and retried after errorDelayMs', async () => {
    const log: string[] = [];
    const errors: Array<[object, string]> = [];
    const delays = [1_000, -1, 3_000];
    let runs = 0;
    const job = new BackgroundJob({
      name: 'test-job',
      leases: recordingLeases(log),
      reporter: { error: (details, message) => void errors.push([details, message]) },
      firstRunInMs: 500,
      errorDelayMs: 7_000,
      failureMessage: 'test job failed',
      run: async () => {
        runs += 1;
        log.push(`run ${runs}`);
        if (runs === 3) throw new Error('storage down');
        return delays[runs - 1] ?? 60_000;
      },
    });
    job.start();
    job.start(); // idempotent
    expect(log).toEqual(['leases renewed from now on']);
    await jest.advanceTimersByTimeAsync(499);
    expect(runs).toBe(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(runs).toBe(1);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(runs).toBe(2);
    await jest.advanceTimersByTimeAsync(1); // a negative wait is no wait
    expect(runs).toBe(3);
    expect(errors).toEqual([[{ err: expect.objectContaining({ message: 'storage down' }), job: 'test-job' }, 'test job failed']]);
    await jest.advanceTimersByTimeAsync(6_990);
    expect(runs).toBe(3);
    await jest.advanceTimersByTimeAsync(20);
    expect(runs).toBe(4);
    await job.stop();
    await jest.advanceTimersByTimeAsync(60_000);
    expect(runs).toBe(4);
    expect(log).toEqual(['leases renewed from now on', 'run 1', 'run 2', 'run 3', 'run 4', 'leases released']);
  });

  it('stop waits for the run in progress, then gives the leases up', async () => {
    const log: string[] = [];
    let finish: () => void = () => undefined;
    const job = new BackgroundJob({
      name: 'slow',
      leases: recordingLeases(log),
      reporter: { error: () => undefined },
      run: () =>
        new Promise<number>((resolve) => {
          log.push('run started');
          finish = () => (log.push('run finished'), resolve(1_000));
        }),
    });
    job.start();
    await jest.advanceTimersByTimeAsync(0);
    let stopped = false;
    const stopping = job.stop().then(() => (stopped = true));
    await settle();
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(log).toEqual(['leases renewed from now on', 'run started', 'run finished', 'leases released']);
    await jest.advanceTimersByTimeAsync(10_000);
    expect(log.filter((l) => l === 'run started')).toHaveLength(1);
  });

  it('a job that takes its lease at each run does not renew it in between, and still gives it up on stop (also when never started)', async () => {
    const log: string[] = [];
    const job = new BackgroundJob({
      name: 'sweep',
      leases: recordingLeases(log),
      reporter: { error: () => undefined },
      run: async () => (log.push('run'), 600_000),
      renewBetweenRuns: false,
    });
    job.start();
    await jest.advanceTimersByTimeAsync(0);
    await job.stop();
    expect(log).toEqual(['run', 'leases released']);

    const never: string[] = [];
    await new BackgroundJob({
      name: 'never',
      leases: recordingLeases(never),
      reporter: { error: () => undefined },
      run: async () => 1,
    }).stop();
    expect(never).toEqual(['leases released']);
  });
});
