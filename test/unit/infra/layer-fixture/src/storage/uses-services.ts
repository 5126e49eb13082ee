import { useCase } from '../services/use-case';
export const planted = useCase;
