import ExcelJS from 'exceljs';
import type { ExportColumn } from './columns';
import { exportFilename, type ExportSpec, xlsxStream } from './export-file';

interface Row {
  id: string;
  title: string;
  date: string;
  status: string;
}

const spec: ExportSpec<Row> = {
  file: 'exports.files.activities',
  sheet: 'activities.title',
  columns: [
    { key: 'id', header: 'exports.columns.id', kind: 'code', width: 10, value: (r) => r.id },
    { key: 'date', header: 'activities.fields.date', kind: 'date', width: 10, value: (r) => r.date },
    { key: 'title', header: 'activities.form.title', kind: 'text', width: 10, value: (r) => r.title },
    { key: 'status', header: 'activities.fields.status', kind: 'label', vocabulary: 'activityStatus', width: 10, value: (r) => r.status },
  ] satisfies ExportColumn<Row>[],
};

async function workbookOf(stream: AsyncIterable<unknown>): Promise<ExcelJS.Workbook> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Uint8Array.from(Buffer.concat(chunks)).buffer as ExcelJS.Buffer);
  return workbook;
}

describe('export file', () => {
  it('names each flavour after the day in Rome, in the language asked for', () => {
    const night = new Date('2026-12-31T23:30:00Z');
    expect(exportFilename(spec, { format: 'xlsx', language: 'it' }, night)).toBe('attivita-2027-01-01.xlsx');
    expect(exportFilename(spec, { format: 'csv', language: 'it' }, night)).toBe('attivita-2027-01-01.csv');
    expect(exportFilename(spec, { format: 'csv-it', language: 'it' }, night)).toBe('attivita-2027-01-01-excel-it.csv');
    expect(exportFilename(spec, { format: 'xlsx', language: 'en' }, night)).toBe('activities-2027-01-01.xlsx');
  });

  it('goes on in a new sheet, with its header, filter and frozen row, past the rows a sheet may hold', async () => {
    const row = (i: number): Row => ({ id: `id-${i}`, title: `Attività ${i}`, date: '2026-01-02', status: 'approved' });
    async function* batches() {
      yield [row(1), row(2), row(3)];
      yield [row(4), row(5)];
    }
    const workbook = await workbookOf(xlsxStream(spec, 'it', batches(), 2));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Attività', 'Attività 2', 'Attività 3']);
    expect(workbook.worksheets.map((s) => s.getColumn(1).values.slice(1))).toEqual([
      ['ID', 'id-1', 'id-2'],
      ['ID', 'id-3', 'id-4'],
      ['ID', 'id-5'],
    ]);
    const first = workbook.worksheets[0];
    expect(first.getRow(2).getCell(2).value).toEqual(new Date(Date.UTC(2026, 0, 2)));
    expect(first.getRow(2).getCell(3).value).toBe('Attività 1');
    expect(first.getRow(2).getCell(4).value).toBe('Approvata');
    expect(first.autoFilter).toBe('A1:D3');
    expect(workbook.worksheets[2].autoFilter).toBe('A1:D2');
    expect(first.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('writes English headers, labels and sheet name when asked', async () => {
    async function* batches() {
      yield [{ id: 'a', title: 'Meeting', date: '2026-01-02', status: 'submitted' }];
    }
    const workbook = await workbookOf(xlsxStream(spec, 'en', batches()));
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('Activities');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['ID', 'Date', 'Title', 'Status']);
    expect(sheet.getRow(2).getCell(4).value).toBe('Under review');
  });
});
