/**
 * Scalar functions: each has overloads whose signatures (signature.ts) are matched against the
 * argument types when a query is compiled; the cheapest match (fewest implicit widenings) wins,
 * as in ksqlDB's UdfIndex. Families of built-ins register themselves in builtins/.
 */
import type { SqlType } from '../../sql/types.js';
import { pattern, type Bindings, type Pattern } from './signature.js';

/** A lambda argument as the implementation sees it: a function of the lambda's parameters. */
export type LambdaFn = (...args: unknown[]) => unknown;

export interface ReturnTypeContext {
  /** Argument types after conversion to the parameters' types (null: untyped NULL). */
  readonly args: readonly (SqlType | null)[];
  readonly bindings: Bindings;
  /** Constant argument values where known at compile time (e.g. a literal format or unit). */
  readonly constants: readonly unknown[];
}

export interface OverloadDef {
  /** Parameter patterns; the last may end with `...` (variadic). */
  readonly params: readonly string[];
  /** The result type: a pattern over the bindings, or computed from the arguments. */
  readonly returns: string | ((ctx: ReturnTypeContext) => SqlType);
  // Implementations receive values already converted to their parameter types.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly impl: (...args: any[]) => unknown;
  /**
   * Builds the implementation for one call site from its argument types, for functions whose
   * behaviour depends on a type the values alone do not tell (an INTEGER 1 and a DOUBLE 1.0 are
   * both the number 1). Used instead of `impl` when present.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly bind?: (ctx: ReturnTypeContext) => (...args: any[]) => unknown;
  /**
   * 'propagate' (the default): any NULL argument gives NULL without calling impl.
   * 'call': impl is called with NULLs and decides.
   */
  readonly nulls?: 'propagate' | 'call';
  readonly description?: string;
}

export interface ScalarFunctionDef {
  /** The function's name (looked up case-insensitively). */
  readonly name: string;
  /** The name as ksqlDB declares it, which its messages print; lower case unless given. */
  readonly declaredName?: string;
  readonly category: string;
  readonly description: string;
  readonly overloads: readonly OverloadDef[];
  /** Different results for the same arguments (RANDOM, UUID). */
  readonly volatile?: boolean;
  /**
   * A table function (EXPLODE): impl returns an array and the query emits one row per element;
   * the declared return type is the element type.
   */
  readonly table?: boolean;
}

export interface CompiledOverload {
  readonly def: OverloadDef;
  readonly params: readonly Pattern[];
  readonly variadic?: Pattern;
  readonly returns: Pattern | ((ctx: ReturnTypeContext) => SqlType);
}

export interface RegisteredFunction {
  readonly def: ScalarFunctionDef;
  readonly overloads: readonly CompiledOverload[];
}

function compileOverload(def: OverloadDef): CompiledOverload {
  const params = def.params.map((p) => p.trim());
  const last = params[params.length - 1];
  const variadic = last?.endsWith('...') ? pattern(last.slice(0, -3)) : undefined;
  const fixed = (variadic ? params.slice(0, -1) : params).map(pattern);
  return { def, params: fixed, variadic, returns: typeof def.returns === 'string' ? pattern(def.returns) : def.returns };
}

export class FunctionRegistry {
  private readonly functions = new Map<string, RegisteredFunction>();

  register(def: ScalarFunctionDef): void {
    const name = def.name.toUpperCase();
    const existing = this.functions.get(name);
    const overloads = def.overloads.map(compileOverload);
    this.functions.set(
      name,
      existing ? { def: { ...existing.def, overloads: [...existing.def.overloads, ...def.overloads] }, overloads: [...existing.overloads, ...overloads] } : { def, overloads },
    );
  }

  get(name: string): RegisteredFunction | undefined {
    return this.functions.get(name.toUpperCase());
  }

  list(): RegisteredFunction[] {
    return [...this.functions.values()].sort((a, b) => a.def.name.localeCompare(b.def.name));
  }
}
