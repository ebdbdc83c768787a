import { UndirectedGraph } from 'graphology';
import { connectedComponents } from 'graphology-components';
import louvain from 'graphology-communities-louvain';
import { bfsFromNode } from 'graphology-traversal';

/*
 * The network of organizations (docs/collaborations.md, "The network"): pure functions, no I/O.
 * Two organizations are linked when they took part in the same approved activity, the same
 * initiative (lead or partners) or were assigned the same building; each joint event weighs
 * 0.5^(age in months / half-life), so a link fades unless renewed.
 */

/** One joint event of two organizations, `ageMonths` before the computation (never negative). */
export interface JointEvent {
  a: string;
  b: string;
  ageMonths: number;
}

export interface Edge {
  a: string;
  b: string;
  weight: number;
  /** joint events behind the link */
  count: number;
}

/** How much an event of that age counts: 1 today, 0.5 after one half-life, 0.25 after two. */
export function recencyWeight(ageMonths: number, halfLifeMonths: number): number {
  if (!(halfLifeMonths > 0)) throw new Error('the half-life must be positive');
  return Math.pow(0.5, Math.max(0, ageMonths) / halfLifeMonths);
}

export const pairKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** The links of a set of joint events: one per pair, the events' recency weights added up. */
export function edgesOf(events: Iterable<JointEvent>, halfLifeMonths: number): Edge[] {
  const byPair = new Map<string, Edge>();
  for (const e of events) {
    if (e.a === e.b) continue;
    const key = pairKey(e.a, e.b);
    const w = recencyWeight(e.ageMonths, halfLifeMonths);
    const edge = byPair.get(key);
    if (edge) {
      edge.weight += w;
      edge.count += 1;
    } else {
      byPair.set(key, { a: e.a < e.b ? e.a : e.b, b: e.a < e.b ? e.b : e.a, weight: w, count: 1 });
    }
  }
  return [...byPair.values()];
}

/** The weighted undirected graph of the organizations (every organization a node, linked or not). */
export function buildGraph(nodes: Iterable<string>, edges: Iterable<Edge>): UndirectedGraph {
  const graph = new UndirectedGraph();
  for (const id of nodes) if (!graph.hasNode(id)) graph.addNode(id);
  for (const e of edges) {
    if (!graph.hasNode(e.a)) graph.addNode(e.a);
    if (!graph.hasNode(e.b)) graph.addNode(e.b);
    // one edge per pair (edgesOf and the repository aggregate by pair); a repeated pair adds up
    if (graph.hasEdge(e.a, e.b)) graph.updateEdgeAttribute(e.a, e.b, 'weight', (w: number) => w + e.weight);
    else graph.addEdge(e.a, e.b, { weight: e.weight });
  }
  return graph;
}

/**
 * The network as integer adjacency lists (CSR) over `ids` (index = position), for the hot loops of
 * the recompute: a bounded breadth-first search per organization must cost its ball, not the graph
 * (graphology-traversal's bfsFromNode allocates a queue of the graph's order on every call).
 */
export class Adjacency {
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  private readonly stamp: Int32Array;
  private readonly depth: Int8Array;
  private readonly queue: Int32Array;

  constructor(
    readonly size: number,
    pairs: readonly [number, number][],
  ) {
    const degree = new Int32Array(size);
    for (const [a, b] of pairs) {
      degree[a]++;
      degree[b]++;
    }
    this.offsets = new Int32Array(size + 1);
    for (let i = 0; i < size; i++) this.offsets[i + 1] = this.offsets[i] + degree[i];
    this.targets = new Int32Array(this.offsets[size]);
    const fill = this.offsets.slice(0, size);
    for (const [a, b] of pairs) {
      this.targets[fill[a]++] = b;
      this.targets[fill[b]++] = a;
    }
    this.stamp = new Int32Array(size).fill(-1);
    this.depth = new Int8Array(size);
    this.queue = new Int32Array(size);
  }

  /** Marks the nodes at most `maxHops` from `source`; `hops(source, v)` reads them until the next call. */
  explore(source: number, maxHops: number): void {
    let head = 0;
    let tail = 0;
    this.stamp[source] = source;
    this.depth[source] = 0;
    this.queue[tail++] = source;
    while (head < tail) {
      const v = this.queue[head++];
      const d = this.depth[v];
      if (d >= maxHops) continue;
      for (let k = this.offsets[v]; k < this.offsets[v + 1]; k++) {
        const w = this.targets[k];
        if (this.stamp[w] === source) continue;
        this.stamp[w] = source;
        this.depth[w] = d + 1;
        this.queue[tail++] = w;
      }
    }
  }

  /** Hops from the last explored source to `v`, or null when farther than its maxHops. */
  hops(source: number, v: number): number | null {
    return this.stamp[v] === source ? this.depth[v] : null;
  }

  /** Connected components (union–find): node → component number. */
  components(): Int32Array {
    const parent = new Int32Array(this.size).map((_, i) => i);
    const find = (x: number): number => {
      while (parent[x] !== x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
      }
      return x;
    };
    for (let v = 0; v < this.size; v++) {
      for (let k = this.offsets[v]; k < this.offsets[v + 1]; k++) {
        const a = find(v);
        const b = find(this.targets[k]);
        if (a !== b) parent[a] = b;
      }
    }
    return parent.map((_, i) => find(i));
  }
}

/** A small seeded PRNG (mulberry32): Louvain visits nodes in random order; a seed makes its communities reproducible. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Communities by Louvain (graphology-communities-louvain) on the weighted graph: node → community
 * number. An organization without links is its own community. Reproducible for a given seed.
 */
export function communitiesOf(graph: UndirectedGraph, seed = 42): Map<string, number> {
  const out = new Map<string, number>();
  if (graph.order === 0) return out;
  const found =
    graph.size === 0
      ? Object.fromEntries(graph.nodes().map((n, i) => [n, i]))
      : louvain(graph, { getEdgeWeight: 'weight', rng: seededRandom(seed) });
  for (const [node, community] of Object.entries(found)) out.set(node, community);
  return out;
}

/** Connected components: node → component number (no path between different numbers). */
export function componentsOf(graph: UndirectedGraph): Map<string, number> {
  const out = new Map<string, number>();
  connectedComponents(graph).forEach((nodes, i) => {
    for (const n of nodes) out.set(n, i);
  });
  return out;
}

/**
 * Hops from `source` to every node at most `maxHops` away (breadth-first, graphology-traversal);
 * nodes farther away are absent. The source is at 0.
 */
export function hopsWithin(graph: UndirectedGraph, source: string, maxHops: number): Map<string, number> {
  const out = new Map<string, number>();
  if (!graph.hasNode(source)) return out;
  bfsFromNode(graph, source, (node, _attributes, depth) => {
    out.set(node, depth);
    // true: do not go on from this node (its neighbours would be farther than maxHops)
    return depth >= maxHops;
  });
  return out;
}
