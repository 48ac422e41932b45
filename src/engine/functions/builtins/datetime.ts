/** Built-in functions: datetime (ksqlDB reference: "Scalar functions"). */
import type { FunctionRegistry } from '../function-registry.js';

export function registerDatetime(r: FunctionRegistry): void {
  void r;
}
