import { useCase } from './services/use-case';
import { Store } from './storage/store';
import { planted } from './http/server';
export const start = () => [useCase, Store, planted];
