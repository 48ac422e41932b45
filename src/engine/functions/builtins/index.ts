/** The built-in scalar functions, registered once per process on first use. */
import { FunctionRegistry } from '../function-registry.js';
import { registerBytesUrl } from './bytes-url.js';
import { registerCollections } from './collections.js';
import { registerDatetime } from './datetime.js';
import { registerJson } from './json.js';
import { registerMath } from './math.js';
import { registerNulls } from './nulls.js';
import { registerStrings } from './strings.js';
import { registerTableFunctions } from './table-functions.js';

let registry: FunctionRegistry | undefined;

export function builtinFunctions(): FunctionRegistry {
  if (!registry) {
    registry = new FunctionRegistry();
    for (const register of [registerMath, registerNulls, registerStrings, registerBytesUrl, registerJson, registerDatetime, registerCollections, registerTableFunctions]) {
      register(registry);
    }
  }
  return registry;
}
