import type { Model } from '../domain/model';
import { Store } from '../storage/store';
export const useCase = (model: Model) => new Store().save(model);
