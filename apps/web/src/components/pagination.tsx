import { useTranslation } from 'react-i18next';
import { useFormatters } from '../lib/i18n/format';

interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  /**
   * `total` is where the server stopped counting (more match): the last page is unknown. The pages
   * the count covers are offered, and past them Next stays while pages come back full.
   */
  totalCapped?: boolean;
  /** items on this page (used with `totalCapped`) */
  itemCount?: number;
  onPage: (page: number) => void;
}

export function Pagination({ page, pageSize, total, totalCapped = false, itemCount = pageSize, onPage }: PaginationProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  // Capped: more than `total` items, so more than floor(total / pageSize) pages.
  const pages = totalCapped ? Math.floor(total / pageSize) : Math.max(1, Math.ceil(total / pageSize));
  const hasNext = totalCapped ? page < pages || itemCount >= pageSize : page < pages;
  if (!totalCapped && pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={t('common.pagination')}>
      <button type="button" className="button button--secondary button--small" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('common.previous')}
      </button>
      <span>
        {!totalCapped
          ? t('common.pageOf', { page: format.integer(page), pages: format.integer(pages) })
          : page <= pages
            ? t('common.pageOfMore', { page: format.integer(page), pages: format.integer(pages) })
            : t('common.page', { page: format.integer(page) })}
      </span>
      <button type="button" className="button button--secondary button--small" disabled={!hasNext} onClick={() => onPage(page + 1)}>
        {t('common.next')}
      </button>
    </nav>
  );
}
