/** DELIMITED values, written as ksqlDB's serializer (Commons CSV 1.4, QuoteMode.MINIMAL) writes them. */
import { expect } from 'chai';
import { delimitedSerde } from '../../src/catalog/formats/delimited-format.js';
import type { Column } from '../../src/catalog/schema.js';
import { DOUBLE, INTEGER, STRING, type SqlType } from '../../src/sql/types.js';

const column = (name: string, type: SqlType): Column => ({ name, type, namespace: 'VALUE' });

function line(types: readonly SqlType[], values: readonly unknown[], delimiter?: string): string {
  const columns = types.map((t, i) => column(`C${i}`, t));
  return Buffer.from(delimitedSerde(columns, delimiter).serialize(values)!).toString('utf8');
}

describe('DELIMITED serializer quoting', () => {
  type Case = readonly [name: string, types: readonly SqlType[], values: readonly unknown[], line: string, delimiter?: string];
  const cases: readonly Case[] = [
    ['negative doubles after the first field stay bare', [INTEGER, DOUBLE, DOUBLE], [0, -4.9e-324, -1.7976931348623157e308], '0,-4.9E-324,-1.7976931348623157E308'],
    ['a first field that does not start with a letter or digit is quoted', [DOUBLE, DOUBLE], [-1.5, -2.5], '"-1.5",-2.5'],
    ['a field starting with a character up to # is quoted anywhere', [STRING, STRING, STRING], ['a', '#x', ' y'], 'a,"#x"," y"'],
    ['a later field starting with $ or - is not', [STRING, STRING, STRING], ['a', '$x', '-y'], 'a,$x,-y'],
    ['delimiter, quote and line breaks are quoted, quotes doubled', [STRING, STRING, STRING], ['a,b', 'say "hi"', 'l\nm'], '"a,b","say ""hi""","l\nm"'],
    ['trailing white space is quoted', [STRING, STRING], ['a', 'b '], 'a,"b "'],
    ['an empty string is quoted only as the first field', [STRING, STRING], ['', ''], '"",'],
    ['NULL is an empty field', [STRING, INTEGER, STRING], [null, null, 'x'], ',,x'],
    ['the delimiter in force decides', [STRING, STRING], ['a,b', 'c|d'], 'a,b|"c|d"', '|'],
  ];
  for (const [name, types, values, expected, delimiter] of cases) {
    it(name, () => expect(line(types, values, delimiter)).to.equal(expected));
  }
});
