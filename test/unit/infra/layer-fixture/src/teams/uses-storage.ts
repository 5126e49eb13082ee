import { Store } from '../storage/store';
export const planted = Store;
