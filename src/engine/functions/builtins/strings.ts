/** Built-in functions: strings (ksqlDB reference: "Scalar functions"). */
import type { FunctionRegistry } from '../function-registry.js';

export function registerStrings(r: FunctionRegistry): void {
  void r;
}
