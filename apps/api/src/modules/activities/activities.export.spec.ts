import ExcelJS from 'exceljs';
import { csvCell, exportColumns, exportFilename, xlsxCell, xlsxStream } from './activities.export';

describe('export formatting', () => {
  it('writes csv values as they are', () => {
    expect(csvCell({ kind: 'date' }, '2026-03-09', 'csv')).toBe('2026-03-09');
    expect(csvCell({ kind: 'decimal' }, 41.125, 'csv')).toBe('41.125');
    expect(csvCell({ kind: 'text' }, 'Laboratorio, "piazza"', 'csv')).toBe('Laboratorio, "piazza"');
    expect(csvCell({ kind: 'int' }, null, 'csv')).toBe('');
  });

  it('writes csv-it for Italian Excel: dd/mm/yyyy, Rome time, decimal comma', () => {
    expect(csvCell({ kind: 'date' }, '2026-03-09', 'csv-it')).toBe('09/03/2026');
    expect(csvCell({ kind: 'decimal' }, 41.125, 'csv-it')).toBe('41,125');
    expect(csvCell({ kind: 'int' }, 1200, 'csv-it')).toBe('1200');
    // winter (UTC+1) and summer (UTC+2) time
    expect(csvCell({ kind: 'timestamp' }, '2026-01-15T23:30:00.000Z', 'csv-it')).toBe('16/01/2026 00:30');
    expect(csvCell({ kind: 'timestamp' }, '2026-07-15T22:30:00.000Z', 'csv-it')).toBe('16/07/2026 00:30');
  });

  it.each(['=SUM(A1)', '+39 080', '-5', '@cmd', '\tx', '\rx'])(
    'neutralises text %j, which a spreadsheet would run as a formula, in csv and csv-it',
    (text) => {
      expect(csvCell({ kind: 'text' }, text, 'csv-it')).toBe(`'${text}`);
      expect(csvCell({ kind: 'text' }, text, 'csv')).toBe(`'${text}`);
    },
  );

  it('leaves numbers alone, negative ones included', () => {
    expect(csvCell({ kind: 'decimal' }, -12.5, 'csv')).toBe('-12.5');
    expect(csvCell({ kind: 'decimal' }, -12.5, 'csv-it')).toBe('-12,5');
    expect(csvCell({ kind: 'int' }, -3, 'csv')).toBe('-3');
  });

  it('writes xlsx dates as UTC midnights and timestamps as Rome wall-clock times', () => {
    expect(xlsxCell({ kind: 'date' }, '2026-03-09')).toEqual(new Date(Date.UTC(2026, 2, 9)));
    expect(xlsxCell({ kind: 'timestamp' }, '2026-07-15T22:30:00.000Z')).toEqual(new Date(Date.UTC(2026, 6, 16, 0, 30)));
    expect(xlsxCell({ kind: 'int' }, 7)).toBe(7);
  });

  it('drops internal notes and the review for municipality users', () => {
    const staff = exportColumns({ internalNotes: true, review: true }).map((c) => c.key);
    const municipality = exportColumns({ internalNotes: false, review: false }).map((c) => c.key);
    expect(staff).toEqual(expect.arrayContaining(['internalNotes', 'reviewComment', 'reviewer', 'municipalityIstat', 'socialAreaCode']));
    expect(municipality).not.toEqual(expect.arrayContaining(['internalNotes']));
    expect(municipality).not.toContain('reviewComment');
    expect(municipality).not.toContain('reviewer');
  });

  it('names the file after the day in Rome', () => {
    expect(exportFilename('xlsx', new Date('2026-12-31T23:30:00Z'))).toBe('attivita-2027-01-01.xlsx');
    expect(exportFilename('csv-it', new Date('2026-06-01T10:00:00Z'))).toBe('attivita-2026-06-01.csv');
  });
});

describe('xlsx stream', () => {
  it('goes on in a new sheet, with its header, past the rows a sheet may hold', async () => {
    const row = (i: number) => ({ id: `id-${i}`, title: `Attività ${i}`, date: '2026-01-02' }) as never;
    async function* batches() {
      yield [row(1), row(2), row(3)];
      yield [row(4), row(5)];
    }
    const columns = exportColumns({ internalNotes: true, review: true }).filter((c) => ['id', 'title', 'date'].includes(c.key));
    const chunks: Buffer[] = [];
    for await (const chunk of xlsxStream(batches(), columns, 2)) chunks.push(chunk as Buffer);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(Buffer.concat(chunks)).buffer as ExcelJS.Buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Attività', 'Attività 2', 'Attività 3']);
    expect(workbook.worksheets.map((s) => s.getColumn(1).values.slice(1))).toEqual([
      ['ID', 'id-1', 'id-2'],
      ['ID', 'id-3', 'id-4'],
      ['ID', 'id-5'],
    ]);
    expect(workbook.worksheets[0].getRow(2).getCell(2).value).toEqual(new Date(Date.UTC(2026, 0, 2)));
    expect(workbook.worksheets[0].getRow(2).getCell(3).value).toBe('Attività 1');
  });
});
