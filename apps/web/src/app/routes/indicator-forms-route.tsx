import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert } from '../../components/alert';
import { CsvImport } from '../../components/csv-import';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { errorMessage } from '../../lib/api/error-message';
import { useIndicator } from '../../features/indicators/api/get-indicator';
import { useImportIndicatorValues, useIndicatorImportTemplate } from '../../features/indicators/api/import-indicator-values';
import { IndicatorForm } from '../../features/indicators/components/indicator-form';
import { ValueEntryForm } from '../../features/indicators/components/value-entry-form';
import { ValueQueue } from '../../features/indicators/components/value-queue';
import { useIndicatorName } from '../../features/indicators/utils/use-value-format';
import '../../features/indicators/indicators.css';

function Back() {
  const { t } = useTranslation();
  return (
    <p className="breadcrumb">
      <Link to="/indicatori">{t('indicators.back')}</Link>
    </p>
  );
}

export function NewIndicatorRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="narrow stack">
      <Back />
      <PageHeading title={t('indicators.form.newTitle')} />
      <IndicatorForm onDone={(saved) => void navigate(`/indicatori/${saved.code}`)} onCancel={() => void navigate('/indicatori')} />
    </div>
  );
}

export function EditIndicatorRoute() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const query = useIndicator(code);
  const name = useIndicatorName();
  if (query.isPending) return <Loading />;
  if (query.isError) return <Alert tone="error">{errorMessage(t, query.error)}</Alert>;
  return (
    <div className="narrow stack">
      <p className="breadcrumb">
        <Link to={`/indicatori/${code}`}>{name(query.data)}</Link>
      </p>
      <PageHeading title={t('indicators.form.editTitle')} />
      <IndicatorForm
        key={query.data.code}
        indicator={query.data}
        onDone={(saved) => void navigate(`/indicatori/${saved.code}`)}
        onCancel={() => void navigate(`/indicatori/${code}`)}
      />
    </div>
  );
}

export function EnterIndicatorValueRoute() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const query = useIndicator(code);
  const name = useIndicatorName();
  if (query.isPending) return <Loading />;
  if (query.isError) return <Alert tone="error">{errorMessage(t, query.error)}</Alert>;
  return (
    <div className="narrow stack">
      <p className="breadcrumb">
        <Link to={`/indicatori/${code}`}>{name(query.data)}</Link>
      </p>
      <PageHeading title={t('indicators.values.title', { name: name(query.data) })} lead={t('indicators.values.lead')} />
      {query.data.source === 'manual' ? <ValueEntryForm code={code} /> : <Alert tone="info">{t('indicators.values.computed')}</Alert>}
    </div>
  );
}

export function IndicatorValueQueueRoute() {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <Back />
      <PageHeading title={t('indicators.queue.title')} lead={t('indicators.queue.lead')} />
      <ValueQueue />
    </div>
  );
}

export function ImportIndicatorValuesRoute() {
  const { t } = useTranslation();
  const importer = useImportIndicatorValues();
  const template = useIndicatorImportTemplate();
  return (
    <div className="narrow stack">
      <Back />
      <PageHeading title={t('indicators.import.title')} lead={t('indicators.import.lead')} />
      <CsvImport
        texts="indicators.import"
        fieldLabel={(field) => t(`indicators.import.fields.${field}`, { defaultValue: field })}
        recordPath={() => '/indicatori/da-validare'}
        template={template}
        importer={importer}
      />
    </div>
  );
}
