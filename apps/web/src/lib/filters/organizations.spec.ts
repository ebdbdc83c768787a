import { describe, expect, it } from '@jest/globals';
import {
  organizationFilterCount,
  organizationFilterFromParams,
  organizationFilterQuery,
  organizationFilterToParams,
} from './organizations';

describe('organizations filter (shared by the list and the map)', () => {
  it('reads what it knows from the URL and ignores the rest', () => {
    const filter = organizationFilterFromParams(
      new URLSearchParams(
        'municipality=072029&kind=aps&theme=sport&offer=space&need=funding&targetGroup=youth&active=false&placed=true&q=%20orti%20&x=1',
      ),
    );
    expect(filter).toEqual({
      municipality: '072029',
      kind: 'aps',
      theme: 'sport',
      offer: 'space',
      need: 'funding',
      targetGroup: 'youth',
      active: false,
      placed: true,
      q: 'orti',
      socialArea: undefined,
    });
    expect(organizationFilterFromParams(new URLSearchParams('municipality=72029&kind=club&active=maybe'))).toEqual(
      expect.objectContaining({ municipality: undefined, kind: undefined, active: undefined }),
    );
  });

  it('writes a stable, short URL and the API query without empty values', () => {
    const filter = { kind: 'odv' as const, q: 'faro', placed: false };
    expect(organizationFilterToParams(filter, { page: '2' }).toString()).toBe('q=faro&kind=odv&placed=false&page=2');
    expect(organizationFilterQuery({ ...filter, theme: undefined })).toEqual(filter);
    expect(organizationFilterCount(filter)).toBe(3);
  });
});
