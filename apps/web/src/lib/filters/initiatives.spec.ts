import { describe, expect, it } from '@jest/globals';
import { initiativeFilterCount, initiativeFilterFromParams, initiativeFilterQuery, initiativeFilterToParams } from './initiatives';

describe('the initiatives filter in the URL', () => {
  it('reads the filters it knows and drops what is malformed', () => {
    const params = new URLSearchParams(
      'q=  orti  &status=running&theme=astrology&fundingSource=eu&municipality=72006&organization=not-a-uuid&building=0b0c7a52-6c55-4a3b-9f4e-2a1b3c4d5e6f&page=2',
    );
    expect(initiativeFilterFromParams(params)).toEqual({
      q: 'orti',
      status: 'running',
      theme: undefined,
      fundingSource: 'eu',
      municipality: undefined,
      socialArea: undefined,
      organization: undefined,
      building: '0b0c7a52-6c55-4a3b-9f4e-2a1b3c4d5e6f',
    });
  });

  it('writes back the same filter, without empty fields, with extras such as the page', () => {
    const filter = { q: 'città', status: 'planned' as const, municipality: '072029' };
    const params = initiativeFilterToParams(filter, { page: 3 });
    expect(params.toString()).toBe('q=citt%C3%A0&status=planned&municipality=072029&page=3');
    expect(initiativeFilterFromParams(params)).toMatchObject(filter);
    expect(initiativeFilterQuery({ ...filter, theme: undefined })).toEqual(filter);
    expect(initiativeFilterCount(filter)).toBe(3);
  });
});
