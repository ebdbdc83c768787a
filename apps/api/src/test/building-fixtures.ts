import { randomUUID } from 'node:crypto';

/** A valid creation body of a building in Bari (assigned to the tests' innovators); override any field. */
export function buildingBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    clientId: randomUUID(),
    municipality: '072006',
    name: 'Ex mercato coperto',
    ownership: 'municipal',
    condition: 'fair',
    currentUse: 'unused',
    ...overrides,
  };
}
