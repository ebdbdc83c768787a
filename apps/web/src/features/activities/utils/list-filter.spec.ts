import { describe, expect, it } from '@jest/globals';
import {
  activeFilterCount,
  filterFromParams,
  filterToParams,
  hasFilters,
  toExportFilters,
  toListQuery,
  type ActivityListFilter,
} from './list-filter';

describe('activity list filter ↔ URL search params', () => {
  it('writes every filter to the URL and reads back the same filter', () => {
    const filter: ActivityListFilter = {
      q: 'orti urbani',
      status: 'returned',
      type: 'workshop',
      municipality: '072029',
      theme: 'urban_regeneration',
      from: '2026-09-01',
      to: '2026-11-30',
      mine: true,
      innovator: '00000000-0000-4000-8000-000000000007',
      sort: 'date',
      page: 3,
    };
    const params = filterToParams(filter);
    expect(params.toString()).toBe(
      'q=orti+urbani&status=returned&type=workshop&municipality=072029&theme=urban_regeneration&from=2026-09-01&to=2026-11-30&mine=1&innovator=00000000-0000-4000-8000-000000000007&sort=date&page=3',
    );
    expect(filterFromParams(new URLSearchParams(params.toString()))).toEqual(filter);
  });

  it('leaves defaults out of the URL (newest first, page 1, no filter)', () => {
    expect(filterToParams({ sort: '-date', page: 1 }).toString()).toBe('');
    expect(filterFromParams(new URLSearchParams(''))).toEqual({ sort: '-date', page: 1 });
  });

  it('ignores what a hand-edited link gets wrong instead of sending it to the API', () => {
    const filter = filterFromParams(
      new URLSearchParams(
        'status=archived&type=party&municipality=72029&theme=x&from=1/9/2026&to=2026-13&sort=name&page=-2&mine=yes&q=%20%20&innovator=42',
      ),
    );
    expect(filter).toEqual({ sort: '-date', page: 1 });
  });

  it("turns 'mine' into the author's id and leaves paging out of an export", () => {
    const filter = filterFromParams(new URLSearchParams('mine=1&status=draft&page=2'));
    expect(toListQuery(filter, 'user-1')).toMatchObject({ innovator: 'user-1', status: 'draft', page: 2, pageSize: 25, sort: '-date' });
    const exported = toExportFilters(filter, 'user-1');
    expect(exported).toMatchObject({ innovator: 'user-1', status: 'draft', sort: '-date' });
    expect(exported).not.toHaveProperty('page');
    expect(exported).not.toHaveProperty('pageSize');
  });

  it("reads a building's monitoring link (the approved activities held there) and an initiative's link", () => {
    const building = '10000000-0000-4000-8000-00000000000B';
    const filter = filterFromParams(new URLSearchParams(`status=approved&building=${building}`));
    expect(filter).toEqual({ status: 'approved', building: building.toLowerCase(), sort: '-date', page: 1 });
    expect(toListQuery(filter, 'me')).toMatchObject({ status: 'approved', building: building.toLowerCase() });
    expect(toExportFilters(filter, 'me')).toMatchObject({ building: building.toLowerCase() });
    expect(hasFilters(filter)).toBe(true);
    expect(activeFilterCount(filter)).toBe(2);
    const initiative = '20000000-0000-4000-8000-000000000002';
    const both = { ...filter, initiative };
    expect(filterToParams(both).toString()).toBe(`status=approved&building=${building.toLowerCase()}&initiative=${initiative}`);
    expect(filterFromParams(filterToParams(both))).toEqual(both);
    expect(filterFromParams(new URLSearchParams('building=42&initiative=x'))).toEqual({ sort: '-date', page: 1 });
  });

  it("reads a staff-output dashboard link (an innovator's activities in a period)", () => {
    const filter = filterFromParams(
      new URLSearchParams('innovator=00000000-0000-4000-8000-00000000000A&type=meeting&from=2026-03-01&to=2026-03-20'),
    );
    expect(toListQuery(filter, 'me')).toMatchObject({
      innovator: '00000000-0000-4000-8000-00000000000a',
      type: 'meeting',
      from: '2026-03-01',
      to: '2026-03-20',
    });
  });
});
