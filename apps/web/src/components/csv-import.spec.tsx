import { describe, expect, it, jest } from '@jest/globals';
import { useMutation } from '@tanstack/react-query';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ApiRequestError } from '../lib/api/api-error';
import { coordinator, renderWithApp } from '../test/render';
import { CsvImport, type CsvImportReport } from './csv-import';

type Run = (args: { file: File; dryRun: boolean }) => Promise<CsvImportReport>;

function Harness({ run, template }: { run: Run; template: () => void }) {
  const importer = useMutation({ mutationFn: run });
  const download = useMutation({ mutationFn: async () => template() });
  return (
    <CsvImport
      texts="buildings.import"
      fieldLabel={(name) => (name === 'condition' ? 'Stato di conservazione' : name)}
      recordPath={(id) => `/immobili/${id}`}
      template={download}
      importer={importer}
    />
  );
}

const B1 = '10000000-0000-4000-8000-000000000001';

describe('CsvImport (the registers’ import page)', () => {
  it('dry-runs the chosen file, allows the apply only without rejected rows, and links what was written', async () => {
    const run = jest.fn<Run>(async ({ dryRun }) =>
      dryRun
        ? { dryRun: true, applied: false, counts: { create: 1, update: 0, reject: 0 }, rows: [{ row: 2, action: 'create', errors: [] }] }
        : {
            dryRun: false,
            applied: true,
            counts: { create: 1, update: 0, reject: 0 },
            rows: [{ row: 2, action: 'create', id: B1, errors: [] }],
          },
    );
    const template = jest.fn();
    renderWithApp(<Harness run={run} template={template} />, { user: coordinator });

    fireEvent.click(screen.getByRole('button', { name: 'Scarica il modello' }));
    await waitFor(() => expect(template).toHaveBeenCalledTimes(1));
    const check = screen.getByRole('button', { name: 'Controlla' });
    const apply = screen.getByRole('button', { name: 'Importa' });
    expect(check).toBeDisabled();
    expect(apply).toBeDisabled();

    const file = new File(['Denominazione;Comune (codice ISTAT)\n'], 'immobili.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByLabelText('File CSV'), { target: { files: [file] } });
    fireEvent.click(check);
    expect(await screen.findByText('Da creare: 1 · da aggiornare: 0 · scartate: 0')).toBeInTheDocument();
    expect(run.mock.lastCall?.[0]).toEqual({ file, dryRun: true });
    expect(within(screen.getByRole('table')).getByText('Nuovo')).toBeInTheDocument();

    await waitFor(() => expect(apply).toBeEnabled());
    fireEvent.click(apply);
    expect(await screen.findByText('Importazione completata.')).toBeInTheDocument();
    expect(run.mock.lastCall?.[0]).toEqual({ file, dryRun: false });
    expect(screen.getByRole('link', { name: 'apri' })).toHaveAttribute('href', `/immobili/${B1}`);
  });

  it('shows the report of a rejected file with each problem in the catalogue’s words, and no apply', async () => {
    const report: CsvImportReport = {
      dryRun: true,
      applied: false,
      counts: { create: 0, update: 0, reject: 1 },
      rows: [{ row: 3, action: 'reject', errors: [{ field: 'condition', code: 'NOT_ALLOWED' }] }],
    };
    const run = jest.fn<Run>(async () => {
      throw new ApiRequestError({ statusCode: 400, error: 'Bad Request', code: 'IMPORT_REJECTED', message: 'rejected', data: { report } });
    });
    renderWithApp(<Harness run={run} template={jest.fn()} />, { user: coordinator });
    fireEvent.change(screen.getByLabelText('File CSV'), { target: { files: [new File(['x'], 'immobili.csv')] } });
    fireEvent.click(screen.getByRole('button', { name: 'Controlla' }));
    expect(await screen.findByText('Da creare: 0 · da aggiornare: 0 · scartate: 1')).toBeInTheDocument();
    const table = screen.getByRole('table');
    expect(within(table).getByText('Scartata')).toBeInTheDocument();
    expect(within(table).getByText(/^Stato di conservazione:/)).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Importazione non riuscita');
    expect(screen.getByRole('button', { name: 'Importa' })).toBeDisabled();
  });
});
