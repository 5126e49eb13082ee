import type { Store } from '../storage/store';
export type Planted = Store;
