/** Built-in functions: collections (ksqlDB reference: "Scalar functions"). */
import type { FunctionRegistry } from '../function-registry.js';

export function registerCollections(r: FunctionRegistry): void {
  void r;
}
