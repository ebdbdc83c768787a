import { useTranslation } from 'react-i18next';
import { CsvImport } from '../../../components/csv-import';
import { useDownloadTemplate, useImportOrganizations } from '../api/organizations';
import '../organizations.css';

/** Import organizations from a CSV: the template, a dry run with its report, then the apply (all rows or none). */
export function OrganizationImport() {
  const { t } = useTranslation();
  const template = useDownloadTemplate();
  const importer = useImportOrganizations();
  return (
    <CsvImport
      texts="organizations.import"
      fieldLabel={(name) => t(`organizations.fields.${name}` as const, { defaultValue: name })}
      recordPath={(id) => `/organizzazioni/${id}`}
      template={template}
      importer={importer}
    />
  );
}
