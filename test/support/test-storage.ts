import { randomBytes } from 'node:crypto';
import { TableService } from '../../src/storage/table-service';

/** The connection string of the Azurite started by the global setup. */
export function testConnectionString(): string {
  const value = process.env.TEST_STORAGE_CONNECTION_STRING;
  if (!value) throw new Error('TEST_STORAGE_CONNECTION_STRING is not set: run the tests through jest (global setup starts Azurite)');
  return value;
}

/** A table prefix no other test uses, so test files never see each other's data. */
export function uniquePrefix(): string {
  return `t${randomBytes(5).toString('hex')}`;
}

/** A TableService over fresh tables (created) in the shared Azurite. */
export async function freshTables(): Promise<TableService> {
  const tables = new TableService({ kind: 'connection-string', connectionString: testConnectionString() }, uniquePrefix());
  await tables.ensureTables();
  return tables;
}
