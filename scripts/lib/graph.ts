/**
 * The local run's Microsoft Graph: the test stand-in (test/support/graph-stand-in.ts) serving the demo
 * organisation of `.m365agentsplayground.yml`, so people the demo catalog names by email resolve.
 */
import { GraphStandIn } from '../../test/support/graph-stand-in';
import { demoOrg } from './demo-org';

export async function startDemoGraph(): Promise<GraphStandIn> {
  const org = demoOrg();
  const users = org.people.map((p) => ({ id: p.aadObjectId, displayName: p.name, userPrincipalName: p.userPrincipalName, mail: p.email }));
  return new GraphStandIn(users).start();
}
