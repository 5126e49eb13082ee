import fs from 'node:fs';
import path from 'node:path';
import { demoOrg } from '../../scripts/lib/demo-org';
import { DevRun, pressCtrlC, processTree, startDevRun } from '../../scripts/lib/dev-run';
import { portStatus } from '../../scripts/lib/ports';
import { LOG_DIR } from './support/e2e-env';

/**
 * `npm run dev` itself, as a person runs it: it prints one URL per persona and serves the index page
 * that links them, and one Ctrl-C (SIGINT to the terminal's process group) stops Azurite, the bot and
 * every playground, freeing every port. Runs on free ports and a throw-away data folder.
 */
describe('npm run dev', () => {
  const org = demoOrg();
  let run: DevRun | undefined;

  afterAll(async () => {
    if (run && !run.proc.exitInfo()) await run.proc.stop({ signal: 'SIGKILL', graceMs: 0 });
    if (run) fs.rmSync(run.dataDir, { recursive: true, force: true });
  });

  it('prints a URL per persona, serves an index page linking them, and stops everything on one Ctrl-C', async () => {
    run = await startDevRun({ personas: org.personas.length, logFile: path.join(LOG_DIR, 'npm-run-dev.log') });
    const output = run.output();
    const index = await (await fetch(run.indexUrl)).text();
    for (const person of org.personas) {
      const url = new RegExp(`${person.name}.*(http://127\\.0\\.0\\.1:\\d+)`).exec(output)?.[1];
      expect({ who: person.name, printed: url !== undefined }).toEqual({ who: person.name, printed: true });
      expect(index).toContain(`<a href="${url}" target="_blank" rel="noopener">${person.name}</a>`);
      const page = await fetch(url as string);
      await page.arrayBuffer();
      expect(page.status).toBe(200);
    }
    expect(index).not.toMatch(/<script|https?:\/\/(?!127\.0\.0\.1)/);

    const tree = processTree(run.proc.pid);
    // npm, the dev script, Azurite, the bot and a playground per persona at least.
    expect(tree.length).toBeGreaterThanOrEqual(4 + org.personas.length);
    pressCtrlC(run);
    const exit = await Promise.race([run.proc.exited, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 30_000))]);
    // npm ends the way its script's process group was told to end (SIGINT), once the dev script has
    // stopped everything and said so: the shell prompt never comes back before that.
    expect(['{"code":0,"signal":null}', '{"code":null,"signal":"SIGINT"}']).toContain(JSON.stringify(exit));
    // npm may return as soon as its own child answered the signal, while the dev script (in the same
    // process group, writing to the same pipe) is still stopping the bot and Azurite: wait for its last line.
    const deadline = Date.now() + 20_000;
    while (!/dev\s+│ stopped\.$/m.test(run.output()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(run.output()).toMatch(/dev\s+│ stopped\.$/m);
    const alive = tree.filter((pid) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    });
    expect(alive).toEqual([]);
    for (const port of run.ports) expect({ port, status: await portStatus(port) }).toEqual({ port, status: 'free' });
  });
});
