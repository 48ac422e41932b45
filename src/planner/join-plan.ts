/** Plans a SELECT with JOIN clauses (see docs.ksqldb.io, "Join event streams with ksqlDB"). */
import type { Catalog } from '../catalog/catalog.js';
import { KsqlStatementError } from '../errors.js';
import type * as ast from '../sql/ast.js';
import type { PlanOptions } from './plan-select.js';
import type { QueryPlan } from './query-plan.js';

export function planJoin(_query: ast.Query, _catalog: Catalog, _options: PlanOptions): QueryPlan {
  throw new KsqlStatementError('JOIN is not supported by this server yet.');
}
