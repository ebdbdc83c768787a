import type Graph from 'graphology';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import Sigma, { DEFAULT_STYLES } from 'sigma';
import { layerDashed, layerFill, layerPlain, sdfCircle } from 'sigma/rendering';
import type { EdgeAttributes, NodeAttributes } from '../utils/network-model';

/** sigma over the page's graph: one circle shape, plain links and dashed suggested links, highlighted items on top. */
function createRenderer(graph: Graph<NodeAttributes, EdgeAttributes>, container: HTMLElement) {
  return new Sigma(graph, container, {
    primitives: {
      nodes: { shapes: [sdfCircle()], layers: [layerFill()] },
      edges: {
        variables: {
          plainColor: { type: 'color', default: '#8c8c8c' },
          dashSize: { type: 'number', default: 0 },
          gapSize: { type: 'number', default: 0 },
        },
        layers: [
          layerPlain({ color: { attribute: 'plainColor' } }),
          layerDashed({
            dashSize: { attribute: 'dashSize', default: 0, mode: 'pixels' },
            gapSize: { attribute: 'gapSize', default: 0, mode: 'pixels' },
          }),
        ],
      },
    },
    styles: {
      nodes: [
        DEFAULT_STYLES.nodes,
        {
          whenState: 'isHighlighted',
          then: { labelVisibility: 'visible', backdropVisibility: 'visible', depth: 'topNodes', size: { attribute: 'size' } },
        },
      ],
      edges: [DEFAULT_STYLES.edges],
    },
    settings: { itemSizesReference: 'screen', renderEdgeLabels: false, labelRenderedSizeThreshold: 8 },
  });
}

type Renderer = ReturnType<typeof createRenderer>;

export interface NetworkGraphProps {
  graph: Graph<NodeAttributes, EdgeAttributes>;
  /** the organization highlighted (focused in the tables, found by the search, opened in the panel) */
  highlighted: string | null;
  /** bumped to move the camera onto `highlighted` (a search, Enter in the table) */
  focusRequest: number;
  onSelect: (id: string) => void;
  /** sigma could not start (no WebGL 2 context): the page says so and keeps the tables */
  onFailure: () => void;
  label: string;
}

/**
 * The network drawn by sigma.js 4 (WebGL 2) over the graphology graph the page built. The links of
 * joint work are plain lines whose width follows their weight; the suggested links are dashed
 * (sigma's `layerDashed`: the plain layer is transparent for them and the dash layer draws them).
 * A highlighted organization shows its label and its links on top. Loaded on demand (its own chunk).
 */
export function NetworkGraph({ graph, highlighted, focusRequest, onSelect, onFailure, label }: NetworkGraphProps) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const sigma = useRef<Renderer | null>(null);
  const select = useRef(onSelect);
  useEffect(() => {
    select.current = onSelect;
  }, [onSelect]);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    let renderer: Renderer;
    try {
      renderer = createRenderer(graph, el);
    } catch {
      onFailure();
      return;
    }
    sigma.current = renderer;
    renderer.on('clickNode', ({ node }) => select.current(node));
    return () => {
      renderer.kill();
      sigma.current = null;
    };
    // a new graph (another answer) is a new renderer; onFailure is stable enough for a one-off call
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [graph]);

  // the highlighted organization and its edges on top, with its label
  useEffect(() => {
    const renderer = sigma.current;
    if (!renderer) return;
    const nodes = graph.nodes();
    renderer.setNodesState(nodes, { isHighlighted: false });
    renderer.setEdgesState(graph.edges(), { isHighlighted: false });
    if (highlighted && graph.hasNode(highlighted)) {
      renderer.setNodeState(highlighted, { isHighlighted: true });
      renderer.setEdgesState(graph.edges(highlighted), { isHighlighted: true });
    }
    renderer.refresh({ skipIndexation: true });
  }, [graph, highlighted]);

  // the camera onto the highlighted organization when asked
  useEffect(() => {
    const renderer = sigma.current;
    if (!renderer || !highlighted || focusRequest === 0) return;
    const data = renderer.getNodeDisplayData(highlighted);
    if (data) void renderer.getCamera().animate({ x: data.x, y: data.y, ratio: 0.4 }, { duration: 400 });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusRequest]);

  const camera = () => sigma.current?.getCamera();
  return (
    <div className="collab-graph">
      <div
        ref={container}
        className="collab-graph__canvas"
        role="img"
        aria-label={label}
        data-nodes={graph.order}
        data-edges={graph.size}
        data-suggested={graph.filterEdges((_k, a) => a.suggested).length}
      />
      <div className="collab-graph__zoom" role="group" aria-label={t('collaborations.network.zoomReset')}>
        <button type="button" className="button button--secondary button--small" onClick={() => void camera()?.zoomIn()}>
          {t('collaborations.network.zoomIn')}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={() => void camera()?.zoomOut()}>
          {t('collaborations.network.zoomOut')}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={() => void camera()?.reset()}>
          {t('collaborations.network.zoomReset')}
        </button>
      </div>
    </div>
  );
}

export default NetworkGraph;
