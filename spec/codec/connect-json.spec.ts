import { expect } from 'chai';
import { compileConnectObjectWriter, compileConnectValueWriter } from '../../src/codec/connect-json.js';
import { Decimal } from '../../src/sql/decimal.js';
import {
  array,
  BIGINT,
  BYTES,
  DATE,
  decimal,
  DOUBLE,
  INTEGER,
  map,
  STRING,
  struct,
  TIME,
  TIMESTAMP,
  typeToString,
  type SqlType,
} from '../../src/sql/types.js';

const dec = (text: string): Decimal => Decimal.parse(text);

// Kafka Connect JsonConverter output (schemas off, decimal.format=NUMERIC) as written to topics.
describe('compileConnectValueWriter (exact decimals, topic records)', () => {
  const cases: ReadonlyArray<readonly [SqlType, unknown, string]> = [
    [INTEGER, 1, '1'],
    [BIGINT, 9007199254740993n, '9007199254740993'],
    [DOUBLE, 1, '1.0'],
    [DOUBLE, NaN, '"NaN"'],
    [decimal(3, 2), dec('1.10'), '1.10'],
    [decimal(4, 0), dec('1000'), '1000'],
    [decimal(8, 7), dec('0.0000001'), '1E-7'],
    // A decimal keeps its own scale (no rescaling on the way out); other numbers take the column's.
    [decimal(4, 2), dec('1.005'), '1.005'],
    [decimal(13, 6), dec('1234567.89'), '1234567.89'],
    [decimal(4, 2), 3n, '3.00'],
    [STRING, 'é😀', '"é\\uD83D\\uDE00"'],
    [BYTES, new Uint8Array([0, 1, 2, 3, 4, 5]), '"AAECAwQF"'],
    [TIMESTAMP, 1577853634789, '1577853634789'],
    [DATE, 18262, '18262'],
    [TIME, 16834789, '16834789'],
    [array(decimal(3, 2)), [dec('1.10'), null], '[1.10,null]'],
    [map(STRING, DATE), new Map([['a', 1]]), '{"a":1}'],
    [map(BIGINT, STRING), new Map([[1n, 'a']]), '[[1,"a"]]'],
    [struct([{ name: 'F1', type: decimal(3, 2) }, { name: 'F2', type: TIMESTAMP }]), { F1: dec('1.10'), F2: 0 }, '{"F1":1.10,"F2":0}'],
  ];
  for (const [type, value, expected] of cases) {
    it(`${typeToString(type)} ${expected}`, () => expect(compileConnectValueWriter(type)(value)).to.equal(expected));
  }

  it("re-parses decimals as doubles in 'reparsed' mode (REST STRUCT contents)", () => {
    expect(compileConnectValueWriter(decimal(3, 2), 'reparsed')(dec('1.10'))).to.equal('1.1');
    expect(compileConnectValueWriter(decimal(8, 7), 'reparsed')(dec('0.0000001'))).to.equal('1.0E-7');
    expect(compileConnectValueWriter(decimal(4, 0), 'reparsed')(dec('1000'))).to.equal('1000');
  });
});

describe('compileConnectObjectWriter', () => {
  it('writes positional values as an object in field order, nulls included', () => {
    const write = compileConnectObjectWriter([
      { name: 'ID', type: INTEGER },
      { name: 'name', type: STRING },
      { name: 'AT', type: TIMESTAMP },
    ]);
    expect(write([10, 'x', 5])).to.equal('{"ID":10,"name":"x","AT":5}');
    expect(write([10, null])).to.equal('{"ID":10,"name":null,"AT":null}');
  });

  it('writes no fields as {}', () => expect(compileConnectObjectWriter([])([])).to.equal('{}'));
});
