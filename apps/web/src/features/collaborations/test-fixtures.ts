import type { NetworkData } from './utils/network-model';

export const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
/** A small network: two linked pairs in two communities, two suggested pairs, one isolated organization. */
export const NETWORK: NetworkData = {
  nodes: [
    { id: id(1), name: 'Associazione Aurora', kind: 'aps', municipality: '072006', community: 0 },
    { id: id(2), name: 'Banco Alimentare', kind: 'odv', municipality: '072006', community: 0 },
    { id: id(3), name: 'Cooperativa Città Nuova', kind: 'social_enterprise', municipality: '072029', community: 1 },
    { id: id(4), name: 'Istituto Comprensivo Dante', kind: 'school', municipality: '072029', community: 1 },
    { id: id(5), name: 'Fondazione Elia', kind: 'foundation', municipality: '072011', community: -1 },
  ],
  edges: [
    { source: id(1), target: id(2), weight: 2.5, suggested: false },
    { source: id(3), target: id(4), weight: 0.75, suggested: false },
    { source: id(2), target: id(4), weight: 0, suggested: true, suggestionId: id(90) },
    { source: id(1), target: id(3), weight: 0, suggested: true, suggestionId: id(91) },
    // the same link listed twice, reversed: one pair
    { source: id(2), target: id(1), weight: 2.5, suggested: false },
    // an end outside the answer (the network was cut at maxNodes): not drawn, not listed
    { source: id(1), target: id(99), weight: 1, suggested: false },
  ],
  truncated: false,
};
