import { a } from './cycle-a';
export const b = (): string => String(a);
