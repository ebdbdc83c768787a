import { describe, expect, it } from '@jest/globals';
import { buildingFiltersFromParams, buildingFiltersToParams, hasBuildingFilters } from './buildings';

describe('the buildings filter object', () => {
  it('reads what it writes, in a stable order, leaving out what is not set', () => {
    const filters = { q: 'mercato', municipality: '072029', stage: 'assigned', placed: 'no', confiscated: 'yes' } as const;
    const params = buildingFiltersToParams(filters);
    expect(params.toString()).toBe('q=mercato&municipality=072029&stage=assigned&placed=no&confiscated=yes');
    expect(buildingFiltersFromParams(params)).toEqual(expect.objectContaining(filters));
    expect(hasBuildingFilters(buildingFiltersFromParams(new URLSearchParams()))).toBe(false);
  });

  it('drops values a stale or hand-written link may carry', () => {
    const read = buildingFiltersFromParams(
      new URLSearchParams('stage=demolished&municipality=72029&placed=maybe&ownership=private&q=%20%20'),
    );
    expect(read).toEqual(
      expect.objectContaining({ stage: undefined, municipality: undefined, placed: undefined, ownership: 'private', q: undefined }),
    );
  });

  it('keeps the page and other parameters of the URL it writes into', () => {
    const params = buildingFiltersToParams({ condition: 'ruin' }, new URLSearchParams('view=list&stage=mapped'));
    expect(params.get('view')).toBe('list');
    expect(params.get('stage')).toBeNull();
    expect(params.get('condition')).toBe('ruin');
  });
});
