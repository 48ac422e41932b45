/** Built-in functions: nulls (ksqlDB reference: "Scalar functions"). */
import type { FunctionRegistry } from '../function-registry.js';

export function registerNulls(r: FunctionRegistry): void {
  void r;
}
