import type { RunningAzurite } from '../../scripts/lib/azurite';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __AZURITE__?: RunningAzurite }).__AZURITE__?.stop();
}
