import { TableClient } from '@azure/data-tables';
import type { Model } from '../domain/model';
export class Store {
  readonly client = TableClient;
  save(model: Model): string {
    return model.id;
  }
}
