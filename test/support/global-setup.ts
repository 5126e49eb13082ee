import { startAzurite } from '../../scripts/lib/azurite';
import { findFreePort } from '../../scripts/lib/ports';

/** Starts one in-memory Azurite for the whole run; tests isolate themselves with a table prefix. */
export default async function globalSetup(): Promise<void> {
  const azurite = await startAzurite({ port: await findFreePort(), output: { kind: 'silent' } });
  process.env.TEST_STORAGE_CONNECTION_STRING = azurite.connectionString;
  (globalThis as { __AZURITE__?: typeof azurite }).__AZURITE__ = azurite;
}
