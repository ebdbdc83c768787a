import { lazy, Suspense, useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../../components/alert';
import { Loading } from '../../../components/loading';
import { errorMessage } from '../../../lib/api/error-message';
import { useFormatters } from '../../../lib/i18n/format';
import { useMunicipalities } from '../../../lib/reference/municipalities';
import { useNetwork } from '../api/network';
import {
  buildGraph,
  legendEntries,
  matchesName,
  nodeRows,
  pairRows,
  recolour,
  SUGGESTED_COLOUR,
  LINK_COLOUR,
  type ColourMode,
  type NetworkData,
  type NodeRow,
} from '../utils/network-model';
import { suggestionFilterFromParams, suggestionFilterToParams } from '../utils/suggestion-filter';
import { webgl2Available } from '../utils/webgl';
import { CollaborationFilterFields } from './collaboration-filter-fields';
import { NodeTable, PairTable } from './network-tables';

const NetworkGraph = lazy(() => import('./network-graph'));

function useMunicipalityNames(): (istatCode: string) => string {
  const municipalities = useMunicipalities();
  const names = useMemo(() => new Map((municipalities.data ?? []).map((m) => [m.istatCode, m.name])), [municipalities.data]);
  return useCallback((code: string) => names.get(code) ?? code, [names]);
}

function Legend({ data, mode }: { data: NetworkData; mode: ColourMode }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const entries = legendEntries(data, mode);
  return (
    <section className="collab-legend" aria-labelledby="collab-legend-title">
      <h2 id="collab-legend-title" className="collab-legend__title">
        {t('collaborations.network.legend')}
      </h2>
      <ul className="collab-legend__list">
        <li>
          <span className="collab-legend__line" style={{ borderTopColor: LINK_COLOUR }} aria-hidden="true" />
          {t('collaborations.network.legendLink')}
        </li>
        <li>
          <span
            className="collab-legend__line collab-legend__line--dashed"
            style={{ borderTopColor: SUGGESTED_COLOUR }}
            aria-hidden="true"
          />
          {t('collaborations.network.legendSuggested')}
        </li>
        {entries.map((entry) => (
          <li key={entry.key}>
            <span className="collab-legend__dot" style={{ background: entry.colour }} aria-hidden="true" />
            {mode === 'kind'
              ? t(`vocab.organizationKind.${entry.key}`)
              : Number(entry.key) < 0
                ? t('collaborations.network.legendNoCommunity')
                : t('collaborations.network.legendCommunity', { number: format.integer(Number(entry.key) + 1) })}{' '}
            <span className="muted">({format.integer(entry.count)})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

interface PanelProps {
  row: NodeRow;
  municipalityName: (istatCode: string) => string;
  onClose: () => void;
  onOpen: (id: string) => void;
}

/** The side panel of one organization: its links (strongest first) and the organizations suggested to it. */
function NodePanel({ row, municipalityName, onClose, onOpen }: PanelProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [row.node.id]);
  const partner = (id: string, name: string) => (
    <button type="button" className="link-button" onClick={() => onOpen(id)} aria-label={t('collaborations.network.panel.focus', { name })}>
      {name}
    </button>
  );
  return (
    <aside className="collab-panel" aria-labelledby="collab-panel-title">
      <div className="collab-panel__head">
        <h2 id="collab-panel-title" className="collab-panel__title" tabIndex={-1} ref={heading}>
          {row.node.name}
        </h2>
        <button type="button" className="button button--secondary button--small" onClick={onClose}>
          {t('collaborations.network.panel.close')}
        </button>
      </div>
      <p className="muted">
        {t(`vocab.organizationKind.${row.node.kind}`)} · {municipalityName(row.node.municipality)}
      </p>
      <p className="collab-actions">
        <Link to={`/organizzazioni/${row.node.id}`}>{t('collaborations.network.panel.open')}</Link>
        <Link to={`/collaborazioni?${suggestionFilterToParams({ organization: row.node.id }).toString()}`}>
          {t('collaborations.network.panel.suggestions')}
        </Link>
      </p>
      <h3 className="collab-panel__subtitle">{t('collaborations.network.panel.links')}</h3>
      {row.links.length ? (
        <ul className="collab-panel__list">
          {row.links.map((l) => (
            <li key={l.partner.id}>
              {partner(l.partner.id, l.partner.name)}{' '}
              <span className="muted">({t('collaborations.network.panel.weight', { weight: format.number(l.weight) })})</span>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('collaborations.network.panel.none')}</p>
      )}
      <h3 className="collab-panel__subtitle">{t('collaborations.network.panel.suggested')}</h3>
      {row.suggested.length ? (
        <ul className="collab-panel__list">
          {row.suggested.map((s) => (
            <li key={s.partner.id}>{partner(s.partner.id, s.partner.name)}</li>
          ))}
        </ul>
      ) : (
        <p>{t('collaborations.network.panel.none')}</p>
      )}
    </aside>
  );
}

/**
 * The network page: filters (municipality, theme; the organization from a link), a search that
 * finds an organization and focuses it, the graph (sigma, coloured by community or kind, suggested
 * links dashed) with its legend, the side panel of the chosen organization, and the same data as two
 * tables. Without WebGL 2 the graph is replaced by a message and the tables serve alone.
 */
export function NetworkView() {
  const { t } = useTranslation();
  const format = useFormatters();
  const [params, setParams] = useSearchParams();
  const { page: _page, ...filter } = suggestionFilterFromParams(params);
  const network = useNetwork(filter);
  const municipalityName = useMunicipalityNames();
  const [mode, setMode] = useState<ColourMode>('community');
  const [highlighted, setHighlighted] = useState<string | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const [query, setQuery] = useState('');
  const [searchMessage, setSearchMessage] = useState('');
  const [graphFailed, setGraphFailed] = useState(false);
  const webgl = useMemo(() => webgl2Available(), []);
  const searchId = useId();
  const modeId = useId();

  const data = network.data;
  // the layout is computed once per answer; a change of colours recolours the same graph
  const graph = useMemo(() => (data ? buildGraph(data, 'community') : null), [data]);
  const coloured = useMemo(() => {
    if (graph && data) recolour(graph, data, mode);
    return graph;
  }, [graph, data, mode]);
  const rows = useMemo(() => (data ? nodeRows(data, format.compare) : []), [data, format.compare]);
  const pairs = useMemo(() => (data ? pairRows(data, format.compare) : []), [data, format.compare]);
  const shownRows = useMemo(() => rows.filter((r) => matchesName(r.node, query)), [rows, query]);
  const openedRow = opened ? rows.find((r) => r.node.id === opened) : undefined;
  const onFailure = useCallback(() => setGraphFailed(true), []);

  const open = (id: string) => {
    setHighlighted(id);
    setOpened(id);
    setFocusRequest((n) => n + 1);
  };

  const search = (event: FormEvent) => {
    event.preventDefault();
    const found = query.trim() ? rows.find((r) => matchesName(r.node, query)) : undefined;
    if (!found) {
      setSearchMessage(t('collaborations.network.notFound'));
      return;
    }
    setSearchMessage(t('collaborations.network.found', { name: found.node.name }));
    open(found.node.id);
  };

  const suggestedCount = pairs.filter((p) => p.suggested).length;
  return (
    <div className="stack">
      <details className="filters-disclosure" open>
        <summary>{t('collaborations.network.filters')}</summary>
        <CollaborationFilterFields
          key={params.toString()}
          filter={filter}
          label={t('collaborations.network.filters')}
          onApply={(next) => setParams(suggestionFilterToParams({ ...next, organization: filter.organization }))}
        />
      </details>
      <div className="collab-toolbar">
        <form className="collab-search" role="search" aria-label={t('collaborations.network.search')} onSubmit={search}>
          <label className="field__label" htmlFor={searchId}>
            {t('collaborations.network.search')}
          </label>
          <div className="collab-search__row">
            <input
              id={searchId}
              className="input"
              type="search"
              value={query}
              onChange={(e) => {
                setQuery(e.target.value);
                setSearchMessage('');
              }}
            />
            <button type="submit" className="button button--primary">
              {t('collaborations.network.searchButton')}
            </button>
          </div>
        </form>
        <fieldset className="collab-mode">
          <legend id={modeId}>{t('collaborations.network.colourBy')}</legend>
          {(['community', 'kind'] as const).map((m) => (
            <label key={m} className="check">
              <input type="radio" name={modeId} value={m} checked={mode === m} onChange={() => setMode(m)} />
              {t(`collaborations.network.${m}`)}
            </label>
          ))}
        </fieldset>
      </div>
      <p role="status" className="collab-search__status">
        {searchMessage}
      </p>
      {network.isPending ? (
        <Loading />
      ) : !data ? (
        <Alert tone="error" title={t('collaborations.network.failed')}>
          {errorMessage(t, network.error)}
        </Alert>
      ) : data.nodes.length === 0 ? (
        <p>{t('collaborations.network.empty')}</p>
      ) : (
        <>
          {data.truncated ? <Alert tone="info">{t('collaborations.network.truncated', { count: data.nodes.length })}</Alert> : null}
          <div className={`collab-network${openedRow ? ' collab-network--panel' : ''}`}>
            <div className="collab-network__graph">
              {!webgl || graphFailed ? (
                <Alert tone="warning">{t(webgl ? 'collaborations.network.graphFailed' : 'collaborations.network.webglUnavailable')}</Alert>
              ) : coloured ? (
                <Suspense fallback={<Loading label={t('collaborations.network.loadingGraph')} />}>
                  <NetworkGraph
                    graph={coloured}
                    highlighted={highlighted}
                    focusRequest={focusRequest}
                    onSelect={open}
                    onFailure={onFailure}
                    label={t('collaborations.network.graphLabel', {
                      nodes: format.integer(data.nodes.length),
                      links: format.integer(pairs.length - suggestedCount),
                      suggested: format.integer(suggestedCount),
                    })}
                  />
                </Suspense>
              ) : null}
              <Legend data={data} mode={mode} />
            </div>
            {openedRow ? (
              <NodePanel row={openedRow} municipalityName={municipalityName} onClose={() => setOpened(null)} onOpen={open} />
            ) : null}
          </div>
          <NodeTable rows={shownRows} municipalityName={municipalityName} selected={opened} onHighlight={setHighlighted} onOpen={open} />
          <PairTable rows={pairs} />
        </>
      )}
    </div>
  );
}
