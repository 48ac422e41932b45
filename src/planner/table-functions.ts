/**
 * Table functions in a projection (EXPLODE, CUBE_EXPLODE), over one source or a join: the select
 * item yields a list, and the engine makes one output row per element (src/engine/explode.ts).
 */
import { compileExpression } from '../engine/expressions/compile.js';
import type { Compiled, RowScope } from '../engine/expressions/compiled.js';
import { builtinFunctions } from '../engine/functions/builtins/index.js';
import { findExpression, replaceExpression } from '../sql/expression-walk.js';
import type * as ast from '../sql/ast.js';

export function findTableFunction(expr: ast.Expression): ast.FunctionCall | undefined {
  return findExpression(expr, (e) => e.kind === 'FunctionCall' && builtinFunctions().get(e.name)?.def.table === true) as ast.FunctionCall | undefined;
}

/**
 * A select item with a table function inside (`EXPLODE(A)->F`): the function's list, with the
 * rest of the expression applied to each element through a slot.
 */
export function compileWithTableFunction(expr: ast.Expression, call: ast.FunctionCall, scope: RowScope): Compiled {
  const list = compileExpression(call, { scope, clause: 'SELECT' });
  if (call === expr) return list;
  const slot = { value: undefined as unknown };
  const ELEMENT = '\u0000TABLE_FUNCTION_ELEMENT';
  const elementScope: RowScope = {
    resolve: (source, name) => (source === undefined && name === ELEMENT ? { type: list.type!, read: () => slot.value } : scope.resolve(source, name)),
    describe: () => scope.describe(),
  };
  const rest = compileExpression(replaceExpression(expr, call, { kind: 'ColumnRef', name: ELEMENT }), { scope: elementScope, clause: 'SELECT' });
  return {
    type: rest.type,
    eval: (row) => {
      const items = list.eval(row);
      if (!Array.isArray(items)) return null;
      return items.map((el) => {
        slot.value = el;
        return rest.eval(row);
      });
    },
  };
}
