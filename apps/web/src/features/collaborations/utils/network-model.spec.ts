import { describe, expect, it } from '@jest/globals';
import {
  buildGraph,
  communityColour,
  kindColour,
  legendEntries,
  matchesName,
  nodeRows,
  pairKey,
  pairRows,
  recolour,
  SUGGESTED_COLOUR,
} from './network-model';
import { id, NETWORK } from '../test-fixtures';

const compare = (a: string, b: string) => a.localeCompare(b, 'it');

describe('the network model', () => {
  it('lists every pair the graph draws, once each: links strongest first, then the suggested pairs', () => {
    const rows = pairRows(NETWORK, compare);
    expect(rows.map((r) => [r.first.name, r.second.name, r.suggested, r.weight])).toEqual([
      ['Associazione Aurora', 'Banco Alimentare', false, 2.5],
      ['Cooperativa Città Nuova', 'Istituto Comprensivo Dante', false, 0.75],
      ['Associazione Aurora', 'Cooperativa Città Nuova', true, 0],
      ['Banco Alimentare', 'Istituto Comprensivo Dante', true, 0],
    ]);
    const graph = buildGraph(NETWORK, 'community');
    // the graph has exactly the pairs of the table, the suggested ones marked as such
    const drawn = graph.mapEdges((_key, a, source, target) => `${pairKey(source, target)}:${a.suggested}`).sort();
    expect(drawn).toEqual(rows.map((r) => `${r.key}:${r.suggested}`).sort());
    expect(graph.order).toBe(5);
  });

  it('draws suggested links dashed in their own colour and links plain, wider as they weigh more', () => {
    const graph = buildGraph(NETWORK, 'community');
    const suggested = graph.getEdgeAttributes(graph.edge(id(2), id(4))!);
    expect(suggested).toMatchObject({ suggested: true, dashSize: 6, color: SUGGESTED_COLOUR, plainColor: '#00000000' });
    const strong = graph.getEdgeAttributes(graph.edge(id(1), id(2))!);
    const weak = graph.getEdgeAttributes(graph.edge(id(3), id(4))!);
    expect(strong.dashSize).toBe(0);
    expect(strong.size).toBeGreaterThan(weak.size);
  });

  it('places the same answer the same way, every node at a finite position', () => {
    const a = buildGraph(NETWORK, 'community');
    const b = buildGraph(NETWORK, 'community');
    a.forEachNode((node, attributes) => {
      expect(Number.isFinite(attributes.x) && Number.isFinite(attributes.y)).toBe(true);
      expect(b.getNodeAttribute(node, 'x')).toBe(attributes.x);
    });
  });

  it('colours by community or by kind, and recolours without moving a node', () => {
    const graph = buildGraph(NETWORK, 'community');
    expect(graph.getNodeAttribute(id(1), 'color')).toBe(communityColour(0));
    expect(graph.getNodeAttribute(id(3), 'color')).toBe(communityColour(1));
    expect(communityColour(0)).not.toBe(communityColour(1));
    const x = graph.getNodeAttribute(id(3), 'x');
    recolour(graph, NETWORK, 'kind');
    expect(graph.getNodeAttribute(id(3), 'color')).toBe(kindColour('social_enterprise'));
    expect(graph.getNodeAttribute(id(4), 'color')).toBe(kindColour('school'));
    expect(graph.getNodeAttribute(id(3), 'x')).toBe(x);
  });

  it("gives each organization its partners and its suggested partners (the table's and the panel's rows)", () => {
    const rows = nodeRows(NETWORK, compare);
    expect(rows.map((r) => r.node.name)).toEqual([
      'Associazione Aurora',
      'Banco Alimentare',
      'Cooperativa Città Nuova',
      'Fondazione Elia',
      'Istituto Comprensivo Dante',
    ]);
    const banco = rows[1];
    expect(banco.links.map((l) => [l.partner.name, l.weight])).toEqual([['Associazione Aurora', 2.5]]);
    expect(banco.suggested.map((s) => [s.partner.name, s.suggestionId])).toEqual([['Istituto Comprensivo Dante', id(90)]]);
    expect(rows[3].links).toEqual([]);
  });

  it('finds names without case or accents', () => {
    expect(matchesName(NETWORK.nodes[2], 'citta nuova')).toBe(true);
    expect(matchesName(NETWORK.nodes[2], 'CITTÀ')).toBe(true);
    expect(matchesName(NETWORK.nodes[2], 'aurora')).toBe(false);
  });

  it('names every colour in the legend with its count, the uncomputed community apart', () => {
    expect(legendEntries(NETWORK, 'community')).toEqual([
      { key: '0', count: 2, colour: communityColour(0) },
      { key: '1', count: 2, colour: communityColour(1) },
      { key: '-1', count: 1, colour: communityColour(-1) },
    ]);
    expect(legendEntries(NETWORK, 'kind')).toHaveLength(5);
  });
});
