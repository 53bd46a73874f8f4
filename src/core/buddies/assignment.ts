/**
 * Minimum-cost assignment of every row to a distinct column (rows <= columns): the Hungarian
 * method with potentials, O(rows^2 x columns) at worst (Kuhn 1955, Munkres 1957; the
 * shortest-augmenting-path form described by Jonker and Volgenant 1987).
 *
 * Exact and deterministic: for the same matrix it always returns the same assignment. Costs
 * must be finite numbers small enough that sums of a few thousand stay exact in a double;
 * a forbidden cell is Infinity, and every row needs at least one finite column.
 */
export interface CostMatrix {
  rows: number;
  cols: number;
  /** Row-major, rows x cols. */
  cost: Float64Array;
}

/** For each row, the column it is assigned to. */
export function solveAssignment({ rows, cols, cost }: CostMatrix): Int32Array {
  if (rows > cols) throw new Error(`assignment needs rows <= columns (got ${rows} x ${cols})`);
  // 1-based arrays as in the textbook form; index 0 is the virtual start column.
  const u = new Float64Array(rows + 1);
  const v = new Float64Array(cols + 1);
  const rowOfCol = new Int32Array(cols + 1);
  const way = new Int32Array(cols + 1);
  const minv = new Float64Array(cols + 1);
  const used = new Uint8Array(cols + 1);
  for (let i = 1; i <= rows; i++) {
    rowOfCol[0] = i;
    let j0 = 0;
    minv.fill(Infinity);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = rowOfCol[j0]!;
      const base = (i0 - 1) * cols - 1;
      const ui0 = u[i0]!;
      let delta = Infinity;
      let j1 = -1;
      for (let j = 1; j <= cols; j++) {
        if (used[j]) continue;
        const cur = cost[base + j]! - ui0 - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      if (j1 < 0 || delta === Infinity) throw new Error(`assignment: row ${i} has no finite column`);
      for (let j = 0; j <= cols; j++) {
        if (used[j]) {
          u[rowOfCol[j]!]! += delta;
          v[j]! -= delta;
        } else {
          minv[j]! -= delta;
        }
      }
      j0 = j1;
    } while (rowOfCol[j0] !== 0);
    do {
      const j1 = way[j0]!;
      rowOfCol[j0] = rowOfCol[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  const colOfRow = new Int32Array(rows).fill(-1);
  for (let j = 1; j <= cols; j++) if (rowOfCol[j]! > 0) colOfRow[rowOfCol[j]! - 1] = j - 1;
  return colOfRow;
}
