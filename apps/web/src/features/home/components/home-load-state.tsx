import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/alert';
import { Loading } from '../../../components/loading';
import { errorMessage } from '../../../lib/api/error-message';

/** A home's query while it loads, or when it failed with nothing to show. */
export function HomeLoadState({ query }: { query: { isPending: boolean; isError: boolean; data: unknown; error: unknown } }) {
  const { t } = useTranslation();
  return (
    <>
      {query.isPending ? <Loading /> : null}
      {query.isError && !query.data ? (
        <Alert tone="error" title={t('home.failed')}>
          {errorMessage(t, query.error)}
        </Alert>
      ) : null}
    </>
  );
}
