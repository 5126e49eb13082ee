import type { Person, Solution } from '../../../src/domain/solution';

export function person(name: string): Person {
  const slug = name.toLowerCase().replace(/[^a-z]+/g, '.');
  return { aadObjectId: `aad-${slug}`, displayName: name, email: `${slug}@contoso.com` };
}

export const megan = person('Megan Bowen');
export const adele = person('Adele Vance');
export const lynne = person('Lynne Robbins');
export const requester = person('Diego Siciliani');

export function solution(overrides: Partial<Solution> = {}): Solution {
  return {
    id: 'app-1',
    name: 'Expense Tracker',
    kind: 'canvas-app',
    environment: 'Default',
    tier: 'Productivity',
    maker: megan,
    coOwners: [adele, lynne],
    dataSources: ['SharePoint'],
    status: 'active',
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    ...overrides,
  };
}
