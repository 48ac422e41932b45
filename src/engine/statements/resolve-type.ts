/** Resolves a type as written, including CREATE TYPE aliases, to a SqlType. */
import type { Catalog } from '../../catalog/catalog.js';
import { KsqlStatementError } from '../../errors.js';
import type { TypeRef } from '../../sql/ast.js';
import type { SqlType } from '../../sql/types.js';

export function resolveTypeRef(ref: TypeRef, catalog: Catalog): SqlType {
  if (ref.kind === 'sql') return ref.type;
  const t = catalog.getType(ref.name.toUpperCase());
  if (!t) throw new KsqlStatementError(`Unknown type: ${ref.name}`);
  return t;
}
