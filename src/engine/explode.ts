/**
 * Rows out of one projected row: itself, or, with table functions, one row per element, the
 * functions zipped and the shorter lists padded with NULL (ksqlDB's KudtfFlatMapper). A NULL or
 * empty list gives no rows.
 */
export function outputRows(projected: unknown[], explode: readonly number[] | undefined): unknown[][] {
  if (!explode) return [projected];
  const lists = explode.map((i) => (Array.isArray(projected[i]) ? (projected[i] as unknown[]) : []));
  const n = Math.max(0, ...lists.map((l) => l.length));
  const rows: unknown[][] = [];
  for (let k = 0; k < n; k++) {
    const row = projected.slice();
    explode.forEach((pos, j) => (row[pos] = lists[j]![k] ?? null));
    rows.push(row);
  }
  return rows;
}
