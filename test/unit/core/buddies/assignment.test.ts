import { solveAssignment } from '../../../../src/core/buddies/assignment';
import { rng } from '../../../../scripts/bench-buddies/generate';

/** Every injective row -> column map, the cheapest total: the definition of the optimum. */
function bruteForce(rows: number, cols: number, cost: Float64Array): number {
  let best = Infinity;
  const used = new Array<boolean>(cols).fill(false);
  const visit = (r: number, total: number): void => {
    if (total >= best) return;
    if (r === rows) {
      best = total;
      return;
    }
    for (let c = 0; c < cols; c++) {
      if (used[c]) continue;
      used[c] = true;
      visit(r + 1, total + cost[r * cols + c]!);
      used[c] = false;
    }
  };
  visit(0, 0);
  return best;
}

describe('solveAssignment', () => {
  it('finds the cheapest assignment, matching exhaustive search on 200 random matrices', () => {
    const r = rng(7);
    for (let n = 0; n < 200; n++) {
      const rows = 1 + Math.floor(r() * 5);
      const cols = rows + Math.floor(r() * 3);
      const cost = new Float64Array(rows * cols).map(() => (r() < 0.2 ? Infinity : Math.floor(r() * 50)));
      for (let i = 0; i < rows; i++) cost[i * cols + ((i + n) % cols)] = Math.floor(r() * 50); // keep it feasible
      const best = bruteForce(rows, cols, cost);
      if (best === Infinity) continue;
      const colOf = solveAssignment({ rows, cols, cost });
      expect(new Set(colOf).size).toBe(rows);
      expect(Array.from(colOf).reduce((sum, c, i) => sum + cost[i * cols + c]!, 0)).toBe(best);
    }
  });

  it('refuses more rows than columns and a row with no finite column', () => {
    expect(() => solveAssignment({ rows: 2, cols: 1, cost: new Float64Array(2) })).toThrow('rows <= columns');
    expect(() => solveAssignment({ rows: 1, cols: 2, cost: new Float64Array([Infinity, Infinity]) })).toThrow('no finite column');
  });
});
