import { e2eStack, stopStack } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  await stopStack(e2eStack());
}
