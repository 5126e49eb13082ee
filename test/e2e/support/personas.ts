import path from 'node:path';
import { DemoPersonKey } from '../../../scripts/lib/demo-org';
import { RunningPlayground, startPlayground } from '../../../scripts/lib/playground';
import { findFreePort } from '../../../scripts/lib/ports';
import { e2eEnvironment, LOG_DIR } from './e2e-env';

/**
 * The playground's UI always acts as its configured current user; it has no "switch user". To act
 * as another demo person, start a second playground signed in as them, pointed at the same bot.
 *
 * Caveat: the bot answers each activity at the serviceUrl it came from, but proactive messages go to
 * the serviceUrl stored with the conversation reference, i.e. the playground where that
 * conversation was last active. Each persona has its own personal chat id; the team and its
 * channels have the same ids in every playground.
 */
export async function startPlaygroundAs(person: DemoPersonKey): Promise<RunningPlayground> {
  return startPlayground({
    botEndpoint: e2eEnvironment().botEndpoint,
    port: await findFreePort(),
    signedInAs: person,
    name: `playground-${person}`,
    logFile: path.join(LOG_DIR, `agents-playground-${person}.log`),
    output: { kind: 'file', file: path.join(LOG_DIR, `playground-${person}.log`) },
  });
}
