import { start } from '../start-bot';
export const planted = start;
