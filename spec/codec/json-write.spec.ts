import { expect } from 'chai';
import { compileRowWriter, compileValueWriter, writeJsonValue } from '../../src/codec/json-write.js';
import { JsonFloat } from '../../src/codec/json-parse.js';
import { Decimal } from '../../src/sql/decimal.js';
import {
  array,
  BIGINT,
  BOOLEAN,
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

// Expected text is what ksqlDB's ApiJsonMapper writes (protocol spec §2.8; map keys, escapes and
// temporal formats checked with a Jackson 2.17 harness).
const valueCases: ReadonlyArray<readonly [SqlType, unknown, string]> = [
  [BOOLEAN, true, 'true'],
  [BOOLEAN, false, 'false'],
  [INTEGER, 123, '123'],
  [INTEGER, -2147483648, '-2147483648'],
  [BIGINT, 9007199254740993n, '9007199254740993'],
  [BIGINT, -9223372036854775808n, '-9223372036854775808'],
  [BIGINT, 1700000000000, '1700000000000'],
  [DOUBLE, 1, '1.0'],
  [DOUBLE, 234, '234.0'],
  [DOUBLE, 0.1111, '0.1111'],
  [DOUBLE, 1e10, '1.0E10'],
  [DOUBLE, -0, '-0.0'],
  [DOUBLE, NaN, '"NaN"'],
  [DOUBLE, Infinity, '"Infinity"'],
  [DOUBLE, -Infinity, '"-Infinity"'],
  [decimal(3, 2), dec('1.10'), '1.10'],
  [decimal(4, 0), dec('1000'), '1000'],
  [decimal(4, 0), dec('1E+3'), '1000'],
  [decimal(5, 3), dec('0.000'), '0.000'],
  [decimal(2, 1), dec('-0.5'), '-0.5'],
  [decimal(4, 2), dec('1.1'), '1.10'],
  [decimal(10, 7), dec('0.0000001'), '0.0000001'],
  [STRING, 'hello', '"hello"'],
  [STRING, '', '""'],
  [STRING, 'a"b\\c/d', '"a\\"b\\\\c/d"'],
  [STRING, '\b\t\n\f\r', '"\\b\\t\\n\\f\\r"'],
  [STRING, '\u0000\u001f\u007f', '"\\u0000\\u001F\u007f"'],
  [STRING, 'é漢字\u2028', '"é漢字\u2028"'],
  [STRING, '😀', '"\\uD83D\\uDE00"'],
  [STRING, 'x\ud800', '"x\\uD800"'],
  [BYTES, new Uint8Array([0, 1, 2, 3, 4, 5]), '"AAECAwQF"'],
  [BYTES, new Uint8Array([0xfb, 0xff, 0x3e]), '"+/8+"'],
  [BYTES, new Uint8Array([1]), '"AQ=="'],
  [BYTES, new Uint8Array(0), '""'],
  [TIMESTAMP, 1577853634789, '"2020-01-01T04:40:34.789"'],
  [TIMESTAMP, 0, '"1970-01-01T00:00:00.000"'],
  [DATE, 18262, '"2020-01-01"'],
  [TIME, 16834789, '"04:40:34"'],
  [TIME, 43200000, '"12:00"'],
  [array(STRING), ['hello'], '["hello"]'],
  [array(INTEGER), [], '[]'],
  [array(DOUBLE), [1, null, 2.5], '[1.0,null,2.5]'],
  [array(TIMESTAMP), [1577853634789], '["2020-01-01T04:40:34.789"]'],
  [array(array(decimal(3, 2))), [[dec('1.10')], null], '[[1.10],null]'],
  [map(STRING, INTEGER), new Map([['a', 1], ['b', null]]), '{"a":1,"b":null}'],
  [map(STRING, STRING), new Map(), '{}'],
  [map(STRING, DOUBLE), { x: 1 }, '{"x":1.0}'],
  [map(INTEGER, BIGINT), new Map([[1, 2n]]), '{"1":2}'],
  [map(DOUBLE, DOUBLE), new Map([[1, 1], [1e7, NaN]]), '{"1.0":1.0,"1.0E7":"NaN"}'],
  [map(decimal(3, 2), decimal(3, 2)), new Map([[dec('1.10'), dec('1.10')]]), '{"1.10":1.10}'],
  [map(decimal(8, 7), decimal(8, 7)), new Map([[dec('0.0000001'), dec('0.0000001')]]), '{"1E-7":0.0000001}'],
  [map(BOOLEAN, BOOLEAN), new Map([[true, false]]), '{"true":false}'],
  [map(TIMESTAMP, TIMESTAMP), new Map([[1577853634789, 1577853634789]]), '{"2020-01-01T04:40:34.789":"2020-01-01T04:40:34.789"}'],
  [map(DATE, DATE), new Map([[18262, 18262]]), '{"2020-01-01T00:00:00.000":"2020-01-01"}'],
  [map(TIME, TIME), new Map([[16834789, 16834789]]), '{"1970-01-01T04:40:34.789":"04:40:34"}'],
  [map(STRING, array(STRING)), new Map([['s\u0001😀', ['x']]]), '{"s\\u0001\\uD83D\\uDE00":["x"]}'],
  [struct([{ name: 'F1', type: STRING }, { name: 'F2', type: INTEGER }]), { F1: 'v1', F2: 1 }, '{"F1":"v1","F2":1}'],
  [struct([{ name: 'F2', type: INTEGER }, { name: 'F1', type: STRING }]), { F1: 'v1', F2: 1 }, '{"F2":1,"F1":"v1"}'],
  [struct([{ name: 'a', type: STRING }, { name: 'B', type: STRING }]), { a: null }, '{"a":null,"B":null}'],
  [struct([{ name: 'toString', type: STRING }]), {}, '{"toString":null}'],
  // Inside a STRUCT: Kafka Connect's rules.
  [struct([{ name: 'T', type: TIMESTAMP }]), { T: 1577853634789 }, '{"T":1577853634789}'],
  [struct([{ name: 'D', type: DATE }]), { D: 18262 }, '{"D":18262}'],
  [struct([{ name: 'T', type: TIME }]), { T: 16834789 }, '{"T":16834789}'],
  [struct([{ name: 'D', type: decimal(3, 2) }]), { D: dec('1.10') }, '{"D":1.1}'],
  [struct([{ name: 'D', type: decimal(4, 2) }]), { D: dec('10.00') }, '{"D":10.0}'],
  [struct([{ name: 'D', type: decimal(20, 0) }]), { D: dec('12345678901234567890') }, '{"D":12345678901234567890}'],
  [struct([{ name: 'D', type: DOUBLE }]), { D: 1e7 }, '{"D":1.0E7}'],
  [struct([{ name: 'B', type: BYTES }]), { B: new Uint8Array([0xfb, 0xff, 0x3e]) }, '{"B":"+/8+"}'],
  [struct([{ name: 'M', type: map(STRING, TIMESTAMP) }]), { M: new Map([['k', 5]]) }, '{"M":{"k":5}}'],
  [struct([{ name: 'M', type: map(INTEGER, STRING) }]), { M: new Map([[1, 'a'], [2, 'b']]) }, '{"M":[[1,"a"],[2,"b"]]}'],
  [struct([{ name: 'A', type: array(DATE) }]), { A: [18262, null] }, '{"A":[18262,null]}'],
  [
    struct([{ name: 'S', type: struct([{ name: 'N', type: decimal(5, 3) }]) }]),
    { S: { N: dec('1.500') } },
    '{"S":{"N":1.5}}',
  ],
  [array(struct([{ name: 'T', type: TIMESTAMP }])), [{ T: 0 }], '[{"T":0}]'],
  [map(STRING, struct([{ name: 'D', type: DATE }])), new Map([['k', { D: 1 }]]), '{"k":{"D":1}}'],
];

describe('compileValueWriter', () => {
  for (const [type, value, expected] of valueCases) {
    it(`${typeToString(type)} ${expected}`, () => {
      expect(compileValueWriter(type)(value)).to.equal(expected);
    });
  }

  it('writes null and undefined as null for every type', () => {
    for (const [type] of valueCases) {
      expect(compileValueWriter(type)(null)).to.equal('null');
      expect(compileValueWriter(type)(undefined)).to.equal('null');
    }
  });

  it('accepts neighbouring representations', () => {
    expect(compileValueWriter(BIGINT)(2 ** 60)).to.equal('1152921504606846976');
    expect(compileValueWriter(INTEGER)(7n)).to.equal('7');
    expect(compileValueWriter(DOUBLE)(dec('1.10'))).to.equal('1.1');
    expect(compileValueWriter(decimal(4, 2))(3n)).to.equal('3.00');
    expect(compileValueWriter(decimal(4, 2))(1.005)).to.equal('1.01');
    expect(compileValueWriter(decimal(4, 2))(dec('1.005'))).to.equal('1.01');
    expect(compileValueWriter(TIMESTAMP)(1577853634789n)).to.equal('"2020-01-01T04:40:34.789"');
  });
});

describe('compileRowWriter', () => {
  it('writes the spec example [123,234.0,["hello"]]', () => {
    const write = compileRowWriter([INTEGER, DOUBLE, array(STRING)]);
    expect(write([123, 234, ['hello']])).to.equal('[123,234.0,["hello"]]');
  });

  it('writes a typical row', () => {
    const write = compileRowWriter([STRING, STRING, BIGINT, DOUBLE, INTEGER]);
    expect(write(['User_1', 'Page_42', 1700000000000n, 12.5, 7])).to.equal('["User_1","Page_42",1700000000000,12.5,7]');
    expect(write([null, 'x', null, null, null])).to.equal('[null,"x",null,null,null]');
  });

  it('writes one column and no columns', () => {
    expect(compileRowWriter([DOUBLE])([1e-5])).to.equal('[1.0E-5]');
    expect(compileRowWriter([])([])).to.equal('[]');
  });

  it('writes missing trailing values as null', () => {
    expect(compileRowWriter([STRING, STRING])(['a'])).to.equal('["a",null]');
  });
});

describe('writeJsonValue', () => {
  const cases: ReadonlyArray<readonly [unknown, string]> = [
    [null, 'null'],
    [undefined, 'null'],
    [true, 'true'],
    [1.5, '1.5'],
    [1e21, '1e+21'],
    [NaN, 'null'],
    [9007199254740993n, '9007199254740993'],
    ['a"\u0001😀', '"a\\"\\u0001\\uD83D\\uDE00"'],
    [new JsonFloat('11.0'), '11.0'],
    [dec('1.10'), '1.10'],
    [new Uint8Array([0, 1, 2, 3, 4, 5]), '"AAECAwQF"'],
    [[1, undefined, () => 1, 'x'], '[1,null,null,"x"]'],
    [{ b: 1, a: undefined, c: null, f: () => 1 }, '{"b":1,"c":null}'],
    [{ '@type': 'currentStatus', statementText: 'x', warnings: [] }, '{"@type":"currentStatus","statementText":"x","warnings":[]}'],
    [new Map<unknown, unknown>([['k', 1n], [2, 'v']]), '{"k":1,"2":"v"}'],
    [new Date(0), '"1970-01-01T00:00:00.000Z"'],
    [{ nested: { seq: 3n, amount: dec('-0.50'), list: [new JsonFloat('1e3')] } }, '{"nested":{"seq":3,"amount":-0.50,"list":[1e3]}}'],
  ];
  for (const [value, expected] of cases) {
    it(expected, () => expect(writeJsonValue(value)).to.equal(expected));
  }

  it('matches JSON.stringify on plain JSON data', () => {
    const data = { a: [1, 2.5, -0.001, 'x', true, null, { b: 'c\nd' }], e: {}, f: [] };
    expect(writeJsonValue(data)).to.equal(JSON.stringify(data));
  });

  it('throws on cycles instead of overflowing the stack', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(() => writeJsonValue(cyclic)).to.throw(RangeError);
  });
});
