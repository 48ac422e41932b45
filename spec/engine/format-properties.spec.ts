/** Which column types a key or value format can hold, refused with the reasons ksqlDB's serde factories give. */
import { expect } from 'chai';
import type { Column } from '../../src/catalog/schema.js';
import { resolveFormats } from '../../src/engine/statements/format-properties.js';
import type { WithProperties } from '../../src/sql/ast.js';
import { DOUBLE, INTEGER, STRING, array, decimal, map, struct, type SqlType } from '../../src/sql/types.js';

const props = (format: string): WithProperties => new Map([['FORMAT', { value: { type: 'STRING', value: format } }]]);
const key = (name: string, type: SqlType): Column => ({ name, type, namespace: 'KEY' });
const value = (name: string, type: SqlType): Column => ({ name, type, namespace: 'VALUE' });

function refusal(format: string, keys: readonly Column[], values: readonly Column[]): string | undefined {
  try {
    resolveFormats(props(format), new Map(), keys, values);
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

describe('format support for column types', () => {
  const K = key('K', STRING);
  const cases: ReadonlyArray<readonly [string, string, readonly Column[], readonly Column[], string | undefined]> = [
    ['JSON holds a map with STRING keys', 'JSON', [K], [value('M', map(STRING, DOUBLE))], undefined],
    [
      'JSON refuses a map with other keys',
      'JSON',
      [K],
      [value('M', map(INTEGER, DOUBLE))],
      'Value format does not support schema.\nformat: JSON\nschema: Persistence{columns=[`M` MAP<INTEGER, DOUBLE>], features=[]}\nreason: JSON only supports MAP types with STRING keys',
    ],
    ['JSON refuses one however deep', 'JSON', [K], [value('S', struct([{ name: 'F', type: array(map(STRING, map(DOUBLE, STRING))) }]))], 'JSON only supports MAP types with STRING keys'],
    [
      'KAFKA refuses several key columns, listed as key columns',
      'KAFKA',
      [key('F1', INTEGER), key('F2', INTEGER)],
      [value('V', INTEGER)],
      "Key format does not support schema.\nformat: KAFKA\nschema: Persistence{columns=[`F1` INTEGER KEY, `F2` INTEGER KEY], features=[]}\nreason: The 'KAFKA' format only supports a single field. Got: [`F1` INTEGER KEY, `F2` INTEGER KEY]",
    ],
    ['KAFKA refuses several value columns', 'KAFKA', [K], [value('V0', INTEGER), value('V1', STRING)], "reason: The 'KAFKA' format only supports a single field. Got: [`V0` INTEGER, `V1` STRING]"],
    ['KAFKA refuses a DECIMAL', 'KAFKA', [key('K', decimal(2, 1))], [value('V', INTEGER)], "reason: The 'KAFKA' format does not support type 'DECIMAL'"],
    ['DELIMITED refuses a STRUCT, naming the column', 'DELIMITED', [K], [value('S', struct([{ name: 'F', type: INTEGER }]))], "reason: The 'DELIMITED' format does not support type 'STRUCT', column: `S`"],
  ];
  for (const [name, format, keys, values, expected] of cases) {
    it(name, () => {
      const message = refusal(format, keys, values);
      if (expected === undefined) expect(message).to.equal(undefined);
      else expect(message).to.contain(expected);
    });
  }
});
