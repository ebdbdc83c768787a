import { useTranslation } from 'react-i18next';
import { CsvImport } from '../../../components/csv-import';
import { useDownloadBuildingTemplate, useImportBuildings } from '../api/import-buildings';
import '../buildings.css';

/** The template's columns that are not a field of the form. */
const COLUMN_LABELS: Record<string, string> = { id: 'buildings.import.idColumn' };

/** Import buildings from a CSV: the template, a dry run with its report, then the apply (all rows or none). */
export function BuildingImport() {
  const { t } = useTranslation();
  const template = useDownloadBuildingTemplate();
  const importer = useImportBuildings();
  return (
    <CsvImport
      texts="buildings.import"
      fieldLabel={(name) => t(COLUMN_LABELS[name] ?? `buildings.fields.${name}`, { defaultValue: name })}
      recordPath={(id) => `/immobili/${id}`}
      template={template}
      importer={importer}
    />
  );
}
