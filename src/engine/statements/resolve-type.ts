/** Resolves a type as written, including CREATE TYPE aliases anywhere inside it, to a SqlType. */
import type { Catalog } from '../../catalog/catalog.js';
import { KsqlStatementError } from '../../errors.js';
import type { TypeExpr, TypeRef } from '../../sql/ast.js';
import { array, map, struct, type SqlType } from '../../sql/types.js';

export function resolveTypeRef(ref: TypeRef, catalog: Catalog): SqlType {
  if (ref.kind === 'sql') return ref.type;
  return resolveTypeExpr(ref.tree ?? { kind: 'custom', name: ref.name }, catalog);
}

function resolveTypeExpr(t: TypeExpr, catalog: Catalog): SqlType {
  switch (t.kind) {
    case 'sql':
      return t.type;
    case 'custom': {
      const found = catalog.getType(t.name.toUpperCase());
      if (!found) throw new KsqlStatementError(`Cannot resolve unknown type: ${t.name}`);
      return found;
    }
    case 'ARRAY':
      return array(resolveTypeExpr(t.element, catalog));
    case 'MAP':
      return map(resolveTypeExpr(t.key, catalog), resolveTypeExpr(t.value, catalog));
    case 'STRUCT':
      return struct(t.fields.map((f) => ({ name: f.name, type: resolveTypeExpr(f.type, catalog) })));
  }
}
