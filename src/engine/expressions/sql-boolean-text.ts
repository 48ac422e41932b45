/**
 * A BOOLEAN spelled as text, as ksqlDB reads string literals for BOOLEAN items (SqlBooleans):
 * any non-empty prefix of `true` or `yes` is TRUE, of `false` or `no` FALSE, ignoring case;
 * anything else is no boolean (undefined).
 */
export function sqlBooleanText(text: string): boolean | undefined {
  if (text === '') return undefined;
  const lower = text.toLowerCase();
  const prefixOf = (word: string): boolean => word.startsWith(lower);
  if (prefixOf('true') || prefixOf('yes')) return true;
  if (prefixOf('false') || prefixOf('no')) return false;
  return undefined;
}
