import { TableClient } from '@azure/data-tables';
export const planted = TableClient;
