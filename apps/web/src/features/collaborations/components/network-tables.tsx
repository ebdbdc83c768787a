import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Pagination } from '../../../components/pagination';
import { ScrollRegion } from '../../../components/scroll-region';
import { useFormatters } from '../../../lib/i18n/format';
import type { NodeRow, PairRow } from '../utils/network-model';

export const NODE_TABLE_PAGE_SIZE = 25;
export const PAIR_TABLE_PAGE_SIZE = 50;

/** Rows of one page, and the page kept inside the rows there are (the rows change with the search). */
function usePage<T>(rows: readonly T[], size: number): { page: number; items: T[]; setPage: (p: number) => void } {
  const [page, setPage] = useState(1);
  const last = Math.max(1, Math.ceil(rows.length / size));
  const current = Math.min(page, last);
  return { page: current, items: rows.slice((current - 1) * size, current * size), setPage };
}

interface NodeTableProps {
  rows: readonly NodeRow[];
  municipalityName: (istatCode: string) => string;
  selected: string | null;
  onHighlight: (id: string) => void;
  onOpen: (id: string) => void;
}

/**
 * The organizations of the drawn network, one row each with its links and suggested partners: the
 * keyboard's way into the graph. Moving onto a name highlights the organization in the graph; Enter
 * (or a click) opens its panel and brings the graph's camera to it.
 */
export function NodeTable({ rows, municipalityName, selected, onHighlight, onOpen }: NodeTableProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const captionId = useId();
  const hintId = useId();
  const { page, items, setPage } = usePage(rows, NODE_TABLE_PAGE_SIZE);
  return (
    <section className="stack-tight">
      <p className="muted" id={hintId}>
        {t('collaborations.network.nodesHint')}
      </p>
      <ScrollRegion labelledBy={captionId}>
        <table className="table collab-table" data-testid="network-nodes">
          <caption id={captionId}>{t('collaborations.network.nodesCaption', { count: rows.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('collaborations.network.columns.name')}</th>
              <th scope="col">{t('collaborations.network.columns.kind')}</th>
              <th scope="col">{t('collaborations.network.columns.municipality')}</th>
              <th scope="col">{t('collaborations.network.columns.community')}</th>
              <th scope="col" className="table__number">
                {t('collaborations.network.columns.links')}
              </th>
              <th scope="col" className="table__number">
                {t('collaborations.network.columns.suggested')}
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((row) => (
              <tr key={row.node.id} data-node={row.node.id} className={selected === row.node.id ? 'is-selected' : undefined}>
                <th scope="row">
                  <button
                    type="button"
                    className="link-button"
                    aria-describedby={hintId}
                    aria-pressed={selected === row.node.id}
                    onFocus={() => onHighlight(row.node.id)}
                    onClick={() => onOpen(row.node.id)}
                  >
                    {row.node.name}
                  </button>
                </th>
                <td>{t(`vocab.organizationKind.${row.node.kind}`)}</td>
                <td>{municipalityName(row.node.municipality)}</td>
                <td>{row.node.community < 0 ? t('collaborations.network.noCommunity') : format.integer(row.node.community + 1)}</td>
                <td className="table__number">{format.integer(row.links.length)}</td>
                <td className="table__number">{format.integer(row.suggested.length)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <Pagination page={page} pageSize={NODE_TABLE_PAGE_SIZE} total={rows.length} onPage={setPage} />
    </section>
  );
}

/** Every pair the graph draws: the links of joint work with their weight, and the suggested pairs. */
export function PairTable({ rows }: { rows: readonly PairRow[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const captionId = useId();
  const { page, items, setPage } = usePage(rows, PAIR_TABLE_PAGE_SIZE);
  return (
    <section className="stack-tight">
      <ScrollRegion labelledBy={captionId}>
        <table className="table collab-table" data-testid="network-pairs">
          <caption id={captionId}>{t('collaborations.network.pairsCaption', { count: rows.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('collaborations.network.columns.first')}</th>
              <th scope="col">{t('collaborations.network.columns.second')}</th>
              <th scope="col">{t('collaborations.network.columns.type')}</th>
              <th scope="col" className="table__number">
                {t('collaborations.network.columns.weight')}
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((row) => (
              <tr key={row.key} data-pair={row.key} data-suggested={row.suggested}>
                <td>{row.first.name}</td>
                <td>{row.second.name}</td>
                <td>{row.suggested ? t('collaborations.network.pairSuggested') : t('collaborations.network.pairLink')}</td>
                <td className="table__number">{row.suggested ? t('common.none') : format.number(row.weight)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <Pagination page={page} pageSize={PAIR_TABLE_PAGE_SIZE} total={rows.length} onPage={setPage} />
    </section>
  );
}
