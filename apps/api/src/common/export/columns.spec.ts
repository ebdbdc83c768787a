import { csvCell, xlsxCell, xlsxNumFmt } from './columns';

describe('export cells', () => {
  it('writes csv values as they are, codes included', () => {
    expect(csvCell({ kind: 'date' }, '2026-03-09', 'csv')).toBe('2026-03-09');
    expect(csvCell({ kind: 'number' }, 41.125, 'csv')).toBe('41.125');
    expect(csvCell({ kind: 'text' }, 'Laboratorio, "piazza"', 'csv')).toBe('Laboratorio, "piazza"');
    expect(csvCell({ kind: 'number' }, null, 'csv')).toBe('');
    expect(csvCell({ kind: 'label', vocabulary: 'activityStatus' }, 'submitted', 'csv', 'it')).toBe('submitted');
    expect(csvCell({ kind: 'label', vocabulary: 'theme' }, ['youth', 'legality'], 'csv', 'it')).toBe('youth; legality');
    expect(csvCell({ kind: 'istat' }, '072029', 'csv')).toBe('072029');
  });

  it('writes csv-it for Italian Excel: dd/mm/yyyy, Rome time, decimal comma', () => {
    expect(csvCell({ kind: 'date' }, '2026-03-09', 'csv-it')).toBe('09/03/2026');
    expect(csvCell({ kind: 'number' }, 41.125, 'csv-it')).toBe('41,125');
    expect(csvCell({ kind: 'number' }, 1200, 'csv-it')).toBe('1200');
    // winter (UTC+1) and summer (UTC+2) time
    expect(csvCell({ kind: 'timestamp' }, '2026-01-15T23:30:00.000Z', 'csv-it')).toBe('16/01/2026 00:30');
    expect(csvCell({ kind: 'timestamp' }, new Date('2026-07-15T22:30:00.000Z'), 'csv-it')).toBe('16/07/2026 00:30');
  });

  it('writes coded values as their labels in the language asked for, in csv-it and xlsx', () => {
    expect(csvCell({ kind: 'label', vocabulary: 'activityStatus' }, 'submitted', 'csv-it', 'it')).toBe('In revisione');
    expect(csvCell({ kind: 'label', vocabulary: 'activityStatus' }, 'submitted', 'csv-it', 'en')).toBe('Under review');
    expect(csvCell({ kind: 'label', vocabulary: 'theme' }, ['youth', 'legality'], 'csv-it', 'it')).toBe('Giovani; Legalità');
    expect(xlsxCell({ kind: 'label', vocabulary: 'activityType' }, 'info_desk', 'it')).toBe('Sportello informativo');
    expect(xlsxCell({ kind: 'label', vocabulary: 'activityType' }, 'info_desk', 'en')).toBe('Information desk');
    expect(xlsxCell({ kind: 'label', vocabulary: 'theme' }, [], 'it')).toBeNull();
    // a code the catalogue does not know yet is written as it is
    expect(xlsxCell({ kind: 'label', vocabulary: 'theme' }, 'not_yet_labelled', 'it')).toBe('not_yet_labelled');
  });

  it('keeps ISTAT codes text: ="072029" in csv-it, a string cell with the @ format in xlsx', () => {
    expect(csvCell({ kind: 'istat' }, '072029', 'csv-it')).toBe('="072029"');
    expect(xlsxCell({ kind: 'istat' }, '072029')).toBe('072029');
    expect(xlsxNumFmt('istat')).toBe('@');
    // only digits get the formula guard: anything else is text, neutralised like any text
    expect(csvCell({ kind: 'istat' }, '=1+1', 'csv-it')).toBe("'=1+1");
    expect(csvCell({ kind: 'istat' }, '07"2029', 'csv-it')).toBe('07"2029');
  });

  it.each(['=SUM(A1)', '+39 080', '-5', '@cmd', '\tx', '\rx'])(
    'neutralises text %j, which a spreadsheet would run as a formula, in csv and csv-it',
    (text) => {
      expect(csvCell({ kind: 'text' }, text, 'csv-it')).toBe(`'${text}`);
      expect(csvCell({ kind: 'text' }, text, 'csv')).toBe(`'${text}`);
      expect(csvCell({ kind: 'code' }, text, 'csv')).toBe(`'${text}`);
    },
  );

  it('leaves numbers alone, negative ones included', () => {
    expect(csvCell({ kind: 'number' }, -12.5, 'csv')).toBe('-12.5');
    expect(csvCell({ kind: 'number' }, -12.5, 'csv-it')).toBe('-12,5');
    expect(csvCell({ kind: 'number' }, -3, 'csv')).toBe('-3');
  });

  it('writes xlsx dates as UTC midnights and timestamps as Rome wall-clock times', () => {
    expect(xlsxCell({ kind: 'date' }, '2026-03-09')).toEqual(new Date(Date.UTC(2026, 2, 9)));
    expect(xlsxCell({ kind: 'timestamp' }, '2026-07-15T22:30:00.000Z')).toEqual(new Date(Date.UTC(2026, 6, 16, 0, 30)));
    expect(xlsxCell({ kind: 'number' }, 7)).toBe(7);
  });
});
