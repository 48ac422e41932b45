/**
 * ksqlDB's message for an INSERT into a name it does not know, with its hint when only the case
 * differs: `Did you mean "input"? Hint: wrap the source name in double quotes ...`.
 */
import type { Catalog } from '../catalog/catalog.js';

export function unknownTargetMessage(name: string, catalog: Catalog): string {
  const base = `Cannot insert values into an unknown stream/table: \`${name}\``;
  const near = catalog.findSourceIgnoringCase(name);
  // The hint is about quoting: it only helps when the existing name is not all upper case.
  if (!near || near.name === name || near.name === near.name.toUpperCase()) return base;
  return `${base}\nDid you mean "${near.name}"? Hint: wrap the source name in double quotes to make it case-sensitive.`;
}
