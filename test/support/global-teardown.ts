import type { RunningAzurite } from './azurite';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __AZURITE__?: RunningAzurite }).__AZURITE__?.stop();
}
