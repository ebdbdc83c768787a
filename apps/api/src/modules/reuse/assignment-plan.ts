/**
 * The assignment plan (issue 11): the Hungarian method (Kuhn–Munkres with potentials, O(n²·m)) on a
 * rectangular matrix of fits, maximising the total fit with at most one building per organization and
 * one organization per building. Written here (60 lines, tested on known optima) rather than taken
 * from npm: the one package found, munkres-js, has had no release since 2019 and ships no types.
 */

/**
 * The rows' columns that minimise the total cost (`result[i]` = column of row i, or -1). Requires
 * rows ≤ columns (the caller transposes otherwise).
 */
function minimiseCost(cost: readonly (readonly number[])[]): number[] {
  const n = cost.length;
  const m = n === 0 ? 0 : cost[0].length;
  const INF = Number.POSITIVE_INFINITY;
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(m + 1).fill(0);
  const p = new Array<number>(m + 1).fill(0); // p[j]: the row (1-based) holding column j
  const way = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Array<number>(m + 1).fill(INF);
    const used = new Array<boolean>(m + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = p[j0];
      let delta = INF;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = cost[i0 - 1][j - 1] - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0 !== 0);
  }
  const result = new Array<number>(n).fill(-1);
  for (let j = 1; j <= m; j++) if (p[j] > 0) result[p[j] - 1] = j - 1;
  return result;
}

/**
 * Pairs (row, column) maximising the total of `fit` (rows: buildings, columns: organizations), each
 * row and column used at most once; a pair of fit ≤ 0 (no match) is never proposed.
 */
export function maximiseFit(fit: readonly (readonly number[])[]): { row: number; col: number; fit: number }[] {
  const rows = fit.length;
  const cols = rows === 0 ? 0 : fit[0].length;
  if (rows === 0 || cols === 0) return [];
  const max = Math.max(0, ...fit.flat());
  const transpose = rows > cols;
  const cost = transpose
    ? Array.from({ length: cols }, (_, c) => Array.from({ length: rows }, (_, r) => max - Math.max(0, fit[r][c])))
    : fit.map((row) => row.map((f) => max - Math.max(0, f)));
  const chosen = minimiseCost(cost);
  const pairs: { row: number; col: number; fit: number }[] = [];
  chosen.forEach((other, i) => {
    if (other < 0) return;
    const [row, col] = transpose ? [other, i] : [i, other];
    if (fit[row][col] > 0) pairs.push({ row, col, fit: fit[row][col] });
  });
  return pairs.sort((a, b) => a.row - b.row);
}
