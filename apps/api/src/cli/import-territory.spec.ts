import { resolve } from 'node:path';
import { formatSummary, parseImportArgs, UsageError } from './import-territory';

describe('import-territory command line', () => {
  it('reads the tenant and defaults the folder', () => {
    expect(parseImportArgs(['--istat', '272', '--name', 'Città Metropolitana di Bari', '--slug', 'bari'], '/data/territory')).toEqual({
      manifest: { istatCode: '272', name: 'Città Metropolitana di Bari', slug: 'bari' },
      dir: '/data/territory',
      populationYear: undefined,
      overwriteMemberships: false,
      checkOnly: false,
    });
  });

  it('takes --dir (resolved), --population-year, --overwrite-memberships and --check', () => {
    const command = parseImportArgs(
      [
        '--istat=237',
        '--name',
        'Bologna',
        '--slug',
        'bologna',
        '--dir',
        'some/dir',
        '--population-year',
        '2025',
        '--overwrite-memberships',
        '--check',
      ],
      '/x',
    );
    expect(command).toMatchObject({ dir: resolve('some/dir'), populationYear: 2025, overwriteMemberships: true, checkOnly: true });
  });

  it('returns null for --help', () => {
    expect(parseImportArgs(['--help'], '/x')).toBeNull();
  });

  it.each([
    [['--name', 'Bari', '--slug', 'bari'], 'missing --istat'],
    [['--istat', '272'], 'missing --name, --slug'],
    [['--istat', '272', '--name', 'Bari', '--slug', 'bari', '--population-year', '26'], '--population-year "26" is not a year'],
    [['--istat', '272', '--name', 'Bari', '--slug', 'bari', '--verbose'], "Unknown option '--verbose'"],
    [['--istat', '272', '--name', 'Bari', '--slug', 'bari', 'extra'], 'extra'],
  ])('rejects %j', (argv, message) => {
    expect(() => parseImportArgs(argv, '/x')).toThrow(UsageError);
    expect(() => parseImportArgs(argv, '/x')).toThrow(message);
  });

  it('prints a summary with kept memberships and warnings', () => {
    const text = formatSummary(
      { istatCode: '272', name: 'Città Metropolitana di Bari', slug: 'bari' },
      {
        tenantId: 'abc',
        created: false,
        socialAreas: 12,
        municipalities: 41,
        socialAreasCreated: 0,
        socialAreasUpdated: 1,
        municipalitiesCreated: 0,
        municipalitiesUpdated: 2,
        municipalitiesUnchanged: 39,
        membershipsKept: ['072029 Molfetta: ATS_BA_CORATO (file: ATS_BA_MOLFETTA)'],
        populationYear: 2026,
        populations: 82,
        populationYears: [2021, 2026],
        indicatorsSeeded: 0,
        warnings: ['072010 Bitetto: no boundary in bari-comuni.geojson'],
        durationMs: 42,
      },
    );
    expect(text).toContain('Città Metropolitana di Bari (272): tenant updated abc');
    expect(text).toContain('municipalities: 41 in the files — 0 created, 2 updated, 39 unchanged');
    expect(text).toContain('population year: 2026 (figures for 2021, 2026: 82 written)');
    expect(text).toContain('    072029 Molfetta: ATS_BA_CORATO (file: ATS_BA_MOLFETTA)');
    expect(text).toContain('  warnings (1):\n    072010 Bitetto: no boundary in bari-comuni.geojson');
  });
});
