import { ORGANIZATION_KINDS, type OrganizationKind } from '@trama/contracts';
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';

/**
 * The network as the page uses it (the API's `GET /api/collaborations/network`): organizations, the
 * links of joint work (weighted by count and recency) and the suggested links. One pure module turns
 * it into the drawn graph (graphology, for sigma) and into the tables beside it, so that the graph
 * and its tables are built from the same answer.
 */
export interface NetworkNode {
  id: string;
  name: string;
  kind: OrganizationKind;
  /** ISTAT code of its municipality */
  municipality: string;
  /** Louvain community (-1: not computed yet) */
  community: number;
}

export interface NetworkEdge {
  source: string;
  target: string;
  weight: number;
  suggested: boolean;
  suggestionId?: string;
}

export interface NetworkData {
  nodes: readonly NetworkNode[];
  edges: readonly NetworkEdge[];
  truncated?: boolean;
}

export type ColourMode = 'community' | 'kind';

/**
 * Categorical colours, each at least 3:1 against the white page (WCAG 1.4.11, graphical objects).
 * Colour never carries meaning alone: the legend names each one and the tables hold the same data.
 */
export const PALETTE = [
  '#0b5cad',
  '#b3261e',
  '#1e7b34',
  '#7b3fa0',
  '#a15c00',
  '#00727a',
  '#c2185b',
  '#5d6b00',
  '#4a4a8a',
  '#8a4b2a',
  '#2e6e9e',
  '#ad1457',
  '#33691e',
  '#37474f',
  '#6a1b9a',
] as const;
export const NO_COMMUNITY_COLOUR = '#6d6d6d';
/** the suggested links: dashed, in a colour no community or kind uses */
export const SUGGESTED_COLOUR = '#d35400';
export const LINK_COLOUR = '#8c8c8c';

export function communityColour(community: number): string {
  return community < 0 ? NO_COMMUNITY_COLOUR : PALETTE[community % PALETTE.length];
}

export function kindColour(kind: OrganizationKind): string {
  const index = ORGANIZATION_KINDS.indexOf(kind);
  return index < 0 ? NO_COMMUNITY_COLOUR : PALETTE[index % PALETTE.length];
}

export function nodeColour(node: NetworkNode, mode: ColourMode): string {
  return mode === 'kind' ? kindColour(node.kind) : communityColour(node.community);
}

/** The key of an unordered pair: the same for (a, b) and (b, a). */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** The edges whose two ends are in the answer, each pair once (a link wins over a suggestion of the same pair). */
export function usableEdges(data: NetworkData): NetworkEdge[] {
  const ids = new Set(data.nodes.map((n) => n.id));
  const byPair = new Map<string, NetworkEdge>();
  for (const edge of data.edges) {
    if (edge.source === edge.target || !ids.has(edge.source) || !ids.has(edge.target)) continue;
    const key = pairKey(edge.source, edge.target);
    const seen = byPair.get(key);
    if (!seen || (seen.suggested && !edge.suggested)) byPair.set(key, edge);
  }
  return [...byPair.values()];
}

export interface NodeRow {
  node: NetworkNode;
  /** partners with a link of joint work, strongest first */
  links: { partner: NetworkNode; weight: number }[];
  /** organizations suggested to it */
  suggested: { partner: NetworkNode; suggestionId?: string }[];
}

/** One row per organization with its links and suggested partners (the node table and the side panel). */
export function nodeRows(data: NetworkData, compare: (a: string, b: string) => number): NodeRow[] {
  const rows = new Map<string, NodeRow>(data.nodes.map((node) => [node.id, { node, links: [], suggested: [] }]));
  for (const edge of usableEdges(data)) {
    const a = rows.get(edge.source);
    const b = rows.get(edge.target);
    if (!a || !b) continue;
    if (edge.suggested) {
      a.suggested.push({ partner: b.node, suggestionId: edge.suggestionId });
      b.suggested.push({ partner: a.node, suggestionId: edge.suggestionId });
    } else {
      a.links.push({ partner: b.node, weight: edge.weight });
      b.links.push({ partner: a.node, weight: edge.weight });
    }
  }
  const result = [...rows.values()];
  for (const row of result) {
    row.links.sort((x, y) => y.weight - x.weight || compare(x.partner.name, y.partner.name));
    row.suggested.sort((x, y) => compare(x.partner.name, y.partner.name));
  }
  return result.sort((x, y) => compare(x.node.name, y.node.name));
}

export interface PairRow {
  key: string;
  first: NetworkNode;
  second: NetworkNode;
  suggested: boolean;
  weight: number;
  suggestionId?: string;
}

/** Every pair the graph draws: links first (strongest first), then the suggested pairs; names in order within a pair. */
export function pairRows(data: NetworkData, compare: (a: string, b: string) => number): PairRow[] {
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  return usableEdges(data)
    .map((edge) => {
      const [first, second] = [byId.get(edge.source)!, byId.get(edge.target)!].sort((x, y) => compare(x.name, y.name));
      return {
        key: pairKey(edge.source, edge.target),
        first,
        second,
        suggested: edge.suggested,
        weight: edge.weight,
        suggestionId: edge.suggestionId,
      };
    })
    .sort(
      (x, y) =>
        Number(x.suggested) - Number(y.suggested) ||
        y.weight - x.weight ||
        compare(x.first.name, y.first.name) ||
        compare(x.second.name, y.second.name),
    );
}

/** Names compared without case and accents ("citta" finds "Città"). */
export function normalizeName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLocaleLowerCase('it')
    .trim();
}

export function matchesName(node: NetworkNode, query: string): boolean {
  const q = normalizeName(query);
  return q === '' || normalizeName(node.name).includes(q);
}

/** The communities and kinds present, with how many organizations each has (the legend). */
export function legendEntries(data: NetworkData, mode: ColourMode): { key: string; colour: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const node of data.nodes) {
    const key = mode === 'kind' ? node.kind : String(node.community);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([key, count]) => ({
      key,
      count,
      colour: mode === 'kind' ? kindColour(key as OrganizationKind) : communityColour(Number(key)),
    }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

export interface NodeAttributes {
  label: string;
  x: number;
  y: number;
  size: number;
  color: string;
  community: number;
  kind: OrganizationKind;
}

export interface EdgeAttributes {
  size: number;
  color: string;
  /** the plain layer's colour: transparent for a suggested link, whose dashes are drawn instead */
  plainColor: string;
  /** dash and gap lengths in pixels: 0 for a link (no dashes) */
  dashSize: number;
  gapSize: number;
  suggested: boolean;
  weight: number;
}

const TRANSPARENT = '#00000000';

/** How many layout iterations: fewer as the graph grows (the layout runs once, in the browser's main thread). */
export function layoutIterations(order: number): number {
  if (order <= 200) return 100;
  if (order <= 800) return 40;
  return 15;
}

/**
 * The graph sigma draws: organizations placed first on a circle per community (deterministic, so
 * the same answer draws the same picture), then spread by ForceAtlas2 over the links of joint work
 * only (a suggested link joins organizations that are far apart: it must not pull them together).
 */
export function buildGraph(data: NetworkData, mode: ColourMode): Graph<NodeAttributes, EdgeAttributes> {
  const graph = new Graph<NodeAttributes, EdgeAttributes>({ type: 'undirected', multi: false, allowSelfLoops: false });
  const edges = usableEdges(data);
  const degree = new Map<string, number>();
  for (const edge of edges) {
    if (edge.suggested) continue;
    degree.set(edge.source, (degree.get(edge.source) ?? 0) + 1);
    degree.set(edge.target, (degree.get(edge.target) ?? 0) + 1);
  }
  // communities on a big circle, the members of each on a small one around its centre
  const groups = new Map<number, NetworkNode[]>();
  for (const node of data.nodes) groups.set(node.community, [...(groups.get(node.community) ?? []), node]);
  const communities = [...groups.keys()].sort((a, b) => a - b);
  const spread = Math.max(10, Math.sqrt(data.nodes.length) * 10);
  communities.forEach((community, ci) => {
    const members = groups.get(community)!;
    const angle = (2 * Math.PI * ci) / communities.length;
    const cx = communities.length > 1 ? spread * Math.cos(angle) : 0;
    const cy = communities.length > 1 ? spread * Math.sin(angle) : 0;
    const radius = Math.max(2, Math.sqrt(members.length) * 3);
    members.forEach((node, i) => {
      const a = (2 * Math.PI * i) / members.length;
      graph.addNode(node.id, {
        label: node.name,
        x: cx + radius * Math.cos(a),
        y: cy + radius * Math.sin(a),
        size: 4 + Math.min(8, Math.sqrt(degree.get(node.id) ?? 0) * 2),
        color: nodeColour(node, mode),
        community: node.community,
        kind: node.kind,
      });
    });
  });
  const maxWeight = Math.max(1, ...edges.filter((e) => !e.suggested).map((e) => e.weight));
  for (const edge of edges) {
    graph.addEdge(edge.source, edge.target, {
      size: edge.suggested ? 1.5 : 1 + 3 * (edge.weight / maxWeight),
      color: edge.suggested ? SUGGESTED_COLOUR : LINK_COLOUR,
      plainColor: edge.suggested ? TRANSPARENT : LINK_COLOUR,
      dashSize: edge.suggested ? 6 : 0,
      gapSize: edge.suggested ? 4 : 0,
      suggested: edge.suggested,
      weight: edge.weight,
    });
  }
  if (graph.size > 0 && graph.order > 1) {
    // the layout sees only the links: a copy without the suggested ones
    const links = graph.copy();
    links.filterEdges((_key, attributes) => attributes.suggested).forEach((key) => links.dropEdge(key));
    const positions = forceAtlas2(links, {
      iterations: layoutIterations(graph.order),
      settings: { ...forceAtlas2.inferSettings(links), edgeWeightInfluence: 1, barnesHutOptimize: graph.order > 1000 },
      getEdgeWeight: 'weight',
    });
    graph.updateEachNodeAttributes((node, attributes) => ({ ...attributes, ...positions[node] }));
  }
  return graph;
}

/** Recolours the nodes for another mode without laying the graph out again. */
export function recolour(graph: Graph<NodeAttributes, EdgeAttributes>, data: NetworkData, mode: ColourMode): void {
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  graph.updateEachNodeAttributes((id, attributes) => {
    const node = byId.get(id);
    return node ? { ...attributes, color: nodeColour(node, mode) } : attributes;
  });
}
