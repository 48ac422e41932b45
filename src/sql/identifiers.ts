/**
 * ksqlDB's rule for names that arrive outside SQL text, such as an `/inserts-stream` target or
 * row field (Identifiers#getIdentifierText): a back-quoted or double-quoted name keeps its case
 * (a doubled quote is one quote); anything else is upper-cased.
 */
export function resolveIdentifier(text: string): string {
  const t = text.trim();
  const q = t[0];
  if ((q === '`' || q === '"') && t.length >= 2 && t.endsWith(q)) return t.slice(1, -1).split(q + q).join(q);
  return t.toUpperCase();
}
