/**
 * `npm run catalog -- import FILE [--partial] [--dry-run]` and `npm run catalog -- export FILE`.
 * Separate from the entry point so tests run it in-process with their own environment and output.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { ConfigError } from '../config/config-error';
import type { Environment } from '../config/load-config';
import { recordOf } from '../domain/catalog/solution-record';
import { CatalogFileError, formatOf, readCatalogFile, writeCatalogFile } from '../services/catalog/files/catalog-file';
import { StorageError } from '../domain/ports/storage-errors';
import { formatImportReport } from './catalog-report';
import { formatAttention, formatSyncStatus } from './catalog-status-report';
import { openCatalog } from './open-catalog';
import { USAGE } from './catalog-usage';

export const EXIT = {
  ok: 0,
  /** Strict import with rejected rows: nothing was written. */
  rejected: 1,
  /** Wrong arguments, or a file that cannot be read as a catalog. */
  usage: 2,
  /** Storage variables missing or invalid. */
  config: 3,
  /** Table Storage failed. */
  storage: 4,
} as const;

export interface Output {
  write(text: string): unknown;
}

export interface CliIo {
  readonly out: Output;
  readonly err: Output;
}

type Command =
  | { kind: 'help' }
  | { kind: 'import'; file: string; partial: boolean; dryRun: boolean }
  | { kind: 'export'; file: string }
  | { kind: 'sync-status' }
  | { kind: 'attention' };

export function parseArgs(argv: readonly string[]): Command | { kind: 'error'; message: string } {
  const flags = argv.filter((a) => a.startsWith('-'));
  const words = argv.filter((a) => !a.startsWith('-'));
  if (flags.includes('--help') || flags.includes('-h') || words[0] === 'help') return { kind: 'help' };
  const [verb, file, ...extra] = words;
  if (verb === 'sync-status' || verb === 'attention') {
    if (file || flags.length > 0) return { kind: 'error', message: `${verb}: unexpected argument "${file ?? flags[0]}"` };
    return { kind: verb };
  }
  if (verb !== 'import' && verb !== 'export') {
    return { kind: 'error', message: verb ? `unknown command "${verb}"` : 'missing command (import, export, sync-status or attention)' };
  }
  if (!file) return { kind: 'error', message: `${verb}: missing FILE` };
  if (extra.length > 0) return { kind: 'error', message: `${verb}: unexpected argument "${extra[0]}"` };
  const allowed = verb === 'import' ? ['--partial', '--dry-run'] : [];
  const unknown = flags.find((f) => !allowed.includes(f));
  if (unknown) return { kind: 'error', message: `${verb}: unknown option ${unknown}` };
  if (!formatOf(file)) return { kind: 'error', message: `${file}: the file name must end in .csv or .json` };
  return verb === 'import'
    ? { kind: 'import', file, partial: flags.includes('--partial'), dryRun: flags.includes('--dry-run') }
    : { kind: 'export', file };
}

export async function runCatalogCli(argv: readonly string[], env: Environment, io: CliIo): Promise<number> {
  const command = parseArgs(argv);
  if (command.kind === 'help') {
    io.out.write(USAGE);
    return EXIT.ok;
  }
  if (command.kind === 'error') {
    io.err.write(`catalog: ${command.message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  try {
    if (command.kind === 'sync-status') return await runSyncStatus(env, io);
    if (command.kind === 'attention') return await runAttention(env, io);
    return command.kind === 'import' ? await runImport(env, command, io) : await runExport(env, command.file, io);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.err.write(`catalog: ${error.message}\n`);
      return EXIT.config;
    }
    if (error instanceof CatalogFileError) {
      io.err.write(`catalog: ${'file' in command ? command.file : ''}: ${error.message}. Nothing was written.\n`);
      return EXIT.usage;
    }
    if (error instanceof StorageError) {
      io.err.write(`catalog: ${error.message}\n`);
      return EXIT.storage;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
      io.err.write(`catalog: ${(error as Error).message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}

async function runImport(env: Environment, command: { file: string; partial: boolean; dryRun: boolean }, io: CliIo): Promise<number> {
  // The file first: a typo in its name or a broken header needs no storage to be reported.
  const parsed = readCatalogFile(await readFile(command.file, 'utf8'), formatOf(command.file) ?? 'csv');
  const { catalog } = await openCatalog(env, warnInvalidRows(io));
  const report = await catalog.importRows(parsed.rows, { partial: command.partial, dryRun: command.dryRun });
  io.out.write(
    formatImportReport(report, {
      file: command.file,
      source: parsed.source,
      ignoredColumns: parsed.ignoredColumns,
      partial: command.partial,
      dryRun: command.dryRun,
    }),
  );
  return report.plan.rejected.length > 0 && !command.partial ? EXIT.rejected : EXIT.ok;
}

async function runExport(env: Environment, file: string, io: CliIo): Promise<number> {
  const { catalog } = await openCatalog(env, warnInvalidRows(io));
  const solutions = await catalog.exportAll();
  await writeFile(file, writeCatalogFile(solutions.map(recordOf), formatOf(file) ?? 'csv'), 'utf8');
  io.out.write(`Exported ${solutions.length} solution${solutions.length === 1 ? '' : 's'} to ${file}\n`);
  return EXIT.ok;
}

async function runSyncStatus(env: Environment, io: CliIo): Promise<number> {
  const { catalog } = await openCatalog(env, warnInvalidRows(io));
  io.out.write(formatSyncStatus(await catalog.lastSync()));
  return EXIT.ok;
}

async function runAttention(env: Environment, io: CliIo): Promise<number> {
  const { catalog } = await openCatalog(env, warnInvalidRows(io));
  io.out.write(formatAttention(await catalog.peopleNeedingAttention()));
  return EXIT.ok;
}

/** A stored row that is not a valid solution (edited by hand) is left out: say so, don't hide it. */
function warnInvalidRows(io: CliIo) {
  return {
    onInvalidRow: (id: string, problems: readonly string[]) =>
      void io.err.write(`catalog: warning: stored solution "${id}" is not valid and was left out (${problems.join('; ')})\n`),
  };
}
