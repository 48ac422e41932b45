/** Built-in functions: bytes-url (ksqlDB reference: "Scalar functions"). */
import type { FunctionRegistry } from '../function-registry.js';

export function registerBytesUrl(r: FunctionRegistry): void {
  void r;
}
