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

/**
 * The links of a network as arrays, the recompute's form: each organization's id once, each link by the
 * positions of its two organizations (one per pair, a < b, ordered by a then b, as the repository reads
 * them), its recency weight and its count. 834,000 links take ~17 MB so, against ~150 MB as objects.
 */
export interface LinkArrays {
  ids: readonly string[];
  a: Int32Array;
  b: Int32Array;
  weight: Float64Array;
  count: Int32Array;
}

export function isLinkArrays(x: unknown): x is LinkArrays {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && (x as LinkArrays).a instanceof Int32Array;
}

/** Numbers for strings, in order of first sight. */
export function numbering() {
  const index = new Map<string, number>();
  const values: string[] = [];
  return {
    of(value: string): number {
      let i = index.get(value);
      if (i === undefined) {
        i = values.length;
        index.set(value, i);
        values.push(value);
      }
      return i;
    },
    get: (value: string) => index.get(value),
    values,
  };
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

  /** `pairs`: the links as tuples, or as two parallel arrays of node numbers (the recompute's form). */
  constructor(
    readonly size: number,
    pairs: readonly [number, number][] | { a: ArrayLike<number>; b: ArrayLike<number> },
  ) {
    const from = Array.isArray(pairs) ? Int32Array.from(pairs, (p) => p[0]) : (pairs as { a: ArrayLike<number> }).a;
    const to = Array.isArray(pairs) ? Int32Array.from(pairs, (p) => p[1]) : (pairs as { b: ArrayLike<number> }).b;
    const degree = new Int32Array(size);
    for (let e = 0; e < from.length; e++) {
      degree[from[e]]++;
      degree[to[e]]++;
    }
    this.offsets = new Int32Array(size + 1);
    for (let i = 0; i < size; i++) this.offsets[i + 1] = this.offsets[i] + degree[i];
    this.targets = new Int32Array(this.offsets[size]);
    const fill = this.offsets.slice(0, size);
    for (let e = 0; e < from.length; e++) {
      this.targets[fill[from[e]]++] = to[e];
      this.targets[fill[to[e]]++] = from[e];
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
    if (maxHops <= 0) return;
    while (head < tail) {
      const v = this.queue[head++];
      const d = this.depth[v] + 1;
      // the last ring is marked, not queued: its nodes would only be taken out again (most of the ball)
      const last = d >= maxHops;
      for (let k = this.offsets[v]; k < this.offsets[v + 1]; k++) {
        const w = this.targets[k];
        if (this.stamp[w] === source) continue;
        this.stamp[w] = source;
        this.depth[w] = d;
        if (!last) this.queue[tail++] = w;
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

/**
 * Louvain communities of a graph given as integer arrays (nodes 0..size-1, links `a[e]`–`b[e]` of
 * weight `w[e]`, no repeated pair, no loop): node → community number, the same numbers
 * `communitiesOf(buildGraph(...))` gives for the same nodes and links in the same order and seed.
 *
 * graphology-communities-louvain runs on a read-only view of the arrays instead of a graphology
 * graph: building a graphology graph of 30,000 organizations and 700,000 links (an object, a key and
 * two adjacency entries per link) cost more than Louvain itself. The view offers what the algorithm
 * reads (its `UndirectedLouvainIndex` walks the nodes and the links once and copies them into typed
 * arrays); suggest.spec checks that both give the same communities, so a library upgrade that
 * reads more of the graph fails a test instead of the recompute.
 */
export function louvainCommunities(size: number, a: Int32Array, b: Int32Array, w: Float64Array, seed = 42): Int32Array {
  const out = new Int32Array(size);
  if (size === 0) return out;
  if (a.length === 0) return out.map((_, i) => i);
  const degree = new Int32Array(size);
  for (let e = 0; e < a.length; e++) {
    degree[a[e]]++;
    degree[b[e]]++;
  }
  const refuse = () => {
    throw new Error('a read-only view of the network');
  };
  const view = {
    type: 'undirected',
    multi: false,
    order: size,
    size: a.length,
    selfLoopCount: 0,
    undirectedSize: a.length,
    directedSize: 0,
    // what graphology-utils' isGraph looks for (never called)
    addUndirectedEdgeWithKey: refuse,
    dropNode: refuse,
    setNodeAttribute: refuse,
    forEachNode(callback: (node: number) => void) {
      for (let i = 0; i < size; i++) callback(i);
    },
    undirectedDegreeWithoutSelfLoops: (node: number) => degree[node],
    forEachEdge(callback: (edge: number, attributes: null, source: number, target: number) => void) {
      for (let e = 0; e < a.length; e++) callback(e, null, a[e], b[e]);
    },
  };
  const found = louvain(view as unknown as UndirectedGraph, {
    getEdgeWeight: (edge: unknown) => w[edge as number],
    rng: seededRandom(seed),
  }) as Record<string, number>;
  for (let i = 0; i < size; i++) out[i] = found[i];
  return out;
}

/**
 * Louvain's communities of the last networks computed (a few: one per tenant a replica computes).
 * A change of weights recomputes the suggestions of a network that has not changed, and Louvain was
 * a third of the model's time: the same nodes and links, with weights equal up to one common factor
 * (the recency weights of a later run: 0.5^(Δt / half-life) for every link alike; modularity, which
 * Louvain maximises, does not move with a common factor), give back the communities found before.
 * Any other change (a link, a node, another half-life that weighs links differently) computes again.
 */
const remembered: { size: number; a: Int32Array; b: Int32Array; w: Float64Array; seed: number; communities: Int32Array }[] = [];
const REMEMBERED = 4;

function sameUpToScale(x: Float64Array, y: Float64Array): boolean {
  if (x.length !== y.length) return false;
  if (x.length === 0) return true;
  const ratio = y[0] / x[0];
  if (!(ratio > 0) || !Number.isFinite(ratio)) return false;
  for (let i = 0; i < x.length; i++) if (Math.abs(x[i] * ratio - y[i]) > 1e-9 * Math.abs(y[i])) return false;
  return true;
}

function sameInts(x: Int32Array, y: Int32Array): boolean {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/** `louvainCommunities`, answered from the networks computed before when this one is the same (see `remembered`). */
export function rememberedCommunities(
  size: number,
  a: Int32Array,
  b: Int32Array,
  w: Float64Array,
  seed = 42,
): { communities: Int32Array; reused: boolean } {
  const at = remembered.findIndex(
    (r) => r.size === size && r.seed === seed && sameInts(r.a, a) && sameInts(r.b, b) && sameUpToScale(r.w, w),
  );
  if (at >= 0) {
    const [hit] = remembered.splice(at, 1);
    remembered.unshift(hit);
    return { communities: hit.communities.slice(), reused: true };
  }
  const communities = louvainCommunities(size, a, b, w, seed);
  remembered.unshift({ size, a: a.slice(), b: b.slice(), w: w.slice(), seed, communities: communities.slice() });
  remembered.length = Math.min(remembered.length, REMEMBERED);
  return { communities, reused: false };
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
