/** The built-in scalar functions, registered once per process on first use. */
import { FunctionRegistry } from '../function-registry.js';
import { registerMath } from './math.js';

let registry: FunctionRegistry | undefined;

export function builtinFunctions(): FunctionRegistry {
  if (!registry) {
    registry = new FunctionRegistry();
    registerMath(registry);
  }
  return registry;
}
