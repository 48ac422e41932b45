/** Built-in functions: json (ksqlDB reference: "Scalar functions"). */
import type { FunctionRegistry } from '../function-registry.js';

export function registerJson(r: FunctionRegistry): void {
  void r;
}
