/**
 * The "solutions of person X" index rows, written around a solution's own write:
 *
 *   1. before: read the ETags of the rows about to be removed;
 *   2. before: create or touch (re-write with its ETag) the row of every person the solution names;
 *   3. the solution itself, with its ETag (the only write that decides a race);
 *   4. after: delete the removed rows, each with the ETag read in step 1.
 *
 * Touching in step 2 changes a row's ETag, so a concurrent writer's step 4 can never delete a row
 * that a later, successful version of the solution still needs. A crash between steps leaves extra
 * rows at worst, which readers drop by checking the solution (the solution is the truth).
 */
import { TableClient } from '@azure/data-tables';
import type { CatalogRole } from '../../domain/catalog/person-roles';
import type { Solution } from '../../domain/solution';
import { ConcurrencyConflictError } from '../../domain/ports/storage-errors';
import { isStatus, unavailable } from '../table-calls';
import { keyOf, toPersonIndexEntity, type PersonIndexEntity } from './catalog-entities';

const TOUCH_ATTEMPTS = 5;

export class PersonIndex {
  constructor(private readonly table: TableClient) {}

  /** The current ETag of a row, or undefined when it does not exist. */
  async etagOf(aadObjectId: string, solutionId: string): Promise<string | undefined> {
    try {
      return (await this.table.getEntity<PersonIndexEntity>(keyOf(aadObjectId), keyOf(solutionId))).etag;
    } catch (error) {
      if (isStatus(error, 'gone')) return undefined;
      throw unavailable('read person index', error);
    }
  }

  /** Creates the row, or re-writes it (with its ETag) so its ETag changes. */
  async touch(aadObjectId: string, solution: Solution, role: CatalogRole): Promise<void> {
    const entity = toPersonIndexEntity(aadObjectId, solution, role);
    for (let attempt = 0; attempt < TOUCH_ATTEMPTS; attempt++) {
      try {
        await this.table.createEntity(entity);
        return;
      } catch (error) {
        if (!isStatus(error, 'exists')) throw unavailable('create person index row', error);
      }
      const etag = await this.etagOf(aadObjectId, solution.id);
      if (etag === undefined) continue; // deleted in between: create again
      try {
        await this.table.updateEntity(entity, 'Replace', { etag });
        return;
      } catch (error) {
        if (!isStatus(error, 'changed', 'gone')) throw unavailable('update person index row', error);
      }
    }
    throw new ConcurrencyConflictError(`person index ${aadObjectId}/${solution.id}`);
  }

  /** Deletes the row if it is still the version read (someone who touched it since needs it). */
  async remove(aadObjectId: string, solutionId: string, etag: string): Promise<void> {
    try {
      await this.table.deleteEntity(keyOf(aadObjectId), keyOf(solutionId), { etag });
    } catch (error) {
      if (!isStatus(error, 'gone', 'changed')) throw unavailable('delete person index row', error);
    }
  }
}
