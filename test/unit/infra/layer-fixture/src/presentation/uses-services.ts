import type { Model } from '../domain/model';
import { useCase } from '../services/use-case';
export const planted = (model: Model) => useCase(model);
