/**
 * JSON functions: types and values as ksqlDB prints them. Cases come from the examples of
 * ksqlDB's function reference, its query translation tests, and Jackson's reading and writing
 * rules that its JSON UDFs inherit.
 */
import { expect } from 'chai';
import { quoteJsonString } from '../../src/codec/json-string.js';
import { Decimal } from '../../src/sql/decimal.js';
import { array, BIGINT, BYTES, DATE, decimal, DOUBLE, INTEGER, map, STRING, struct, TIME, TIMESTAMP } from '../../src/sql/types.js';
import { evaluate, type Columns } from '../support/eval-expression.js';

type Case = readonly [expression: string, type: string, json: string, columns?: Columns];

/** A STRING result as it appears in a row. */
const q = (text: string): string => quoteJsonString(text);

/** A SQL string literal holding `text`. */
const lit = (text: string): string => `'${text.replace(/'/g, "''")}'`;

const LOG = '{"log": {"cloud": "gcp836Csd", "app": "ksProcessor", "instance": 4}}';
const NULLS: Columns = { S: [STRING, null] };

const extractJsonField: Case[] = [
  [`EXTRACTJSONFIELD(${lit(LOG)}, '$.log.cloud')`, 'STRING', q('gcp836Csd')],
  [`EXTRACTJSONFIELD(${lit(LOG)}, '$.log.instance')`, 'STRING', q('4')],
  [`EXTRACTJSONFIELD(${lit(LOG)}, '$.log')`, 'STRING', q('{"cloud":"gcp836Csd","app":"ksProcessor","instance":4}')],
  [`EXTRACTJSONFIELD(${lit(LOG)}, '$')`, 'STRING', q('{"log":{"cloud":"gcp836Csd","app":"ksProcessor","instance":4}}')],
  [`EXTRACTJSONFIELD(${lit(LOG)}, '$.log.missing')`, 'STRING', 'null'],
  [`EXTRACTJSONFIELD(${lit(LOG)}, '$.log.cloud.deeper')`, 'STRING', 'null'],
  [`EXTRACTJSONFIELD(${lit('{"array": [1, 2, 3]}')}, '$.array[0]')`, 'STRING', q('1')],
  [`EXTRACTJSONFIELD(${lit('{"array": [1, 2, 3]}')}, '$.array[1]')`, 'STRING', q('2')],
  [`EXTRACTJSONFIELD(${lit('{"array": [1, 2, 3]}')}, '$.array[3]')`, 'STRING', 'null'],
  [`EXTRACTJSONFIELD(${lit('{"array": [1, 2, 3]}')}, '$.array[-1]')`, 'STRING', 'null'],
  [`EXTRACTJSONFIELD(${lit('{"array": [1, 2, 3]}')}, '$.array[x]')`, 'STRING', 'null'],
  [`EXTRACTJSONFIELD(${lit('{"array": [1, 2, 3]}')}, '$.array["2"]')`, 'STRING', q('3')],
  // Numbers keep their exact text; JsonNode.toString() writes exponents as BigDecimal does.
  [`EXTRACTJSONFIELD(${lit('{"array": [1.23450]}')}, '$.array[0]')`, 'STRING', q('1.23450')],
  [`EXTRACTJSONFIELD(${lit('{"a": 1e3}')}, '$.a')`, 'STRING', q('1E+3')],
  [`EXTRACTJSONFIELD(${lit('{"a": -0}')}, '$.a')`, 'STRING', q('0')],
  [`EXTRACTJSONFIELD(${lit('{"a": 123456789012345678901234567890}')}, '$.a')`, 'STRING', q('123456789012345678901234567890')],
  [`EXTRACTJSONFIELD(${lit('{"logs": [{"cloud": {"region": "eu"}}]}')}, '$.logs[0].cloud.region')`, 'STRING', q('eu')],
  // Bracket notation: any name in double quotes, `\\"` and `\\\\` escaped; numbers index arrays.
  [`EXTRACTJSONFIELD(${lit('{"a b": {"c.d": true}}')}, '$["a b"]["c.d"]')`, 'STRING', q('true')],
  [`EXTRACTJSONFIELD(${lit('{"say \\"hi\\"": 1}')}, '$["say \\"hi\\""]')`, 'STRING', q('1')],
  [`EXTRACTJSONFIELD(${lit('{"0": "zero"}')}, '$[0]')`, 'STRING', q('zero')],
  [`EXTRACTJSONFIELD(${lit('{"user_id": 7, "ns:key": 8}')}, '$.user_id')`, 'STRING', q('7')],
  [`EXTRACTJSONFIELD(${lit('{"user_id": 7, "ns:key": 8}')}, '$.ns:key')`, 'STRING', q('8')],
  [`EXTRACTJSONFIELD(${lit('{"été": 1}')}, '$.été')`, 'STRING', q('1')],
  // Paths outside that grammar give NULL.
  [`EXTRACTJSONFIELD(${lit('{"a-b": 1}')}, '$.a-b')`, 'STRING', 'null'],
  [`EXTRACTJSONFIELD(${lit('{"a": 1}')}, '$. a')`, 'STRING', 'null'],
  [`EXTRACTJSONFIELD(${lit('{"a": 1}')}, 'a')`, 'STRING', 'null'],
  [`EXTRACTJSONFIELD(${lit('{"a": 1}')}, '$[''a'']')`, 'STRING', 'null'],
  [`EXTRACTJSONFIELD(${lit('{"a": [1]}')}, '$.a[*]')`, 'STRING', 'null'],
  [`EXTRACTJSONFIELD(${lit('{"a": 1}')}, '')`, 'STRING', 'null'],
  // Strings come back as their text, everything else as JSON (a JSON null is the text null).
  [`EXTRACTJSONFIELD(${lit('{"a": null}')}, '$.a')`, 'STRING', q('null')],
  [`EXTRACTJSONFIELD(${lit('{"a": "caf\\u00e9 \\ud83d\\ude00"}')}, '$.a')`, 'STRING', '"café \\uD83D\\uDE00"'],
  [`EXTRACTJSONFIELD(${lit('{"a": {"b": "x\\"y\\n", "c": "😀"}}')}, '$.a')`, 'STRING', q('{"b":"x\\"y\\n","c":"😀"}')],
  [`EXTRACTJSONFIELD(${lit('{"a": [ 1 , {"b" : [ ] } ]}')}, '$.a')`, 'STRING', q('[1,{"b":[]}]')],
  [`EXTRACTJSONFIELD(${lit('{"a": 1, "a": 2}')}, '$.a')`, 'STRING', q('2')],
  ["EXTRACTJSONFIELD('not json', '$.a')", 'STRING', 'null'],
  ["EXTRACTJSONFIELD('', '$.a')", 'STRING', 'null'],
  ["EXTRACTJSONFIELD(S, '$.a')", 'STRING', 'null', NULLS],
  [`EXTRACTJSONFIELD(${lit('{"a": 1}')}, S)`, 'STRING', 'null', NULLS],
];

const isJsonString: Case[] = [
  ["IS_JSON_STRING('[1, 2, 3]')", 'BOOLEAN', 'true'],
  ["IS_JSON_STRING('{}')", 'BOOLEAN', 'true'],
  ["IS_JSON_STRING('1')", 'BOOLEAN', 'true'],
  [`IS_JSON_STRING(${lit('"abc"')})`, 'BOOLEAN', 'true'],
  ["IS_JSON_STRING('null')", 'BOOLEAN', 'true'],
  ["IS_JSON_STRING('')", 'BOOLEAN', 'false'],
  ["IS_JSON_STRING('abc')", 'BOOLEAN', 'false'],
  ['IS_JSON_STRING(S)', 'BOOLEAN', 'false', NULLS],
  // Jackson's rules: strict JSON, one value, trailing text ignored after a complete value.
  ["IS_JSON_STRING('  ')", 'BOOLEAN', 'false'],
  ["IS_JSON_STRING(' -1.5e-3 ')", 'BOOLEAN', 'true'],
  [`IS_JSON_STRING(${lit('{"a": 1} trailing')})`, 'BOOLEAN', 'true'],
  ["IS_JSON_STRING('1 2')", 'BOOLEAN', 'true'],
  ["IS_JSON_STRING('1x')", 'BOOLEAN', 'false'],
  ["IS_JSON_STRING('1,2')", 'BOOLEAN', 'false'],
  ["IS_JSON_STRING('truex')", 'BOOLEAN', 'false'],
  ["IS_JSON_STRING('true]')", 'BOOLEAN', 'true'],
  ["IS_JSON_STRING('[1,]')", 'BOOLEAN', 'false'],
  ["IS_JSON_STRING('[1 2]')", 'BOOLEAN', 'false'],
  ["IS_JSON_STRING('{\"a\" 1}')", 'BOOLEAN', 'false'],
  ["IS_JSON_STRING('{a: 1}')", 'BOOLEAN', 'false'],
  ["IS_JSON_STRING('{''a'': 1}')", 'BOOLEAN', 'false'],
  ["IS_JSON_STRING('01')", 'BOOLEAN', 'false'],
  ["IS_JSON_STRING('1.')", 'BOOLEAN', 'false'],
  ["IS_JSON_STRING('.5')", 'BOOLEAN', 'false'],
  ["IS_JSON_STRING('+1')", 'BOOLEAN', 'false'],
  ["IS_JSON_STRING('NaN')", 'BOOLEAN', 'false'],
  [`IS_JSON_STRING(${lit('"a\\x"')})`, 'BOOLEAN', 'false'],
  [`IS_JSON_STRING(${lit('"\\u00e9"')})`, 'BOOLEAN', 'true'],
  [`IS_JSON_STRING(${lit('["unterminated]')})`, 'BOOLEAN', 'false'],
  ["IS_JSON_STRING('/* c */ 1')", 'BOOLEAN', 'false'],
  [`IS_JSON_STRING(${lit('[' .repeat(1000) + ']'.repeat(1000))})`, 'BOOLEAN', 'true'],
  [`IS_JSON_STRING(${lit('['.repeat(1001) + ']'.repeat(1001))})`, 'BOOLEAN', 'false'],
];

const jsonArrayLength: Case[] = [
  ["JSON_ARRAY_LENGTH('[1, 2, 3]')", 'INTEGER', '3'],
  ["JSON_ARRAY_LENGTH('[1, [1, [2]], 3]')", 'INTEGER', '3'],
  ["JSON_ARRAY_LENGTH('[]')", 'INTEGER', '0'],
  [`JSON_ARRAY_LENGTH(${lit('["Pink", "Yellow", "Pink"]')})`, 'INTEGER', '3'],
  ["JSON_ARRAY_LENGTH('{}')", 'INTEGER', 'null'],
  ["JSON_ARRAY_LENGTH('123')", 'INTEGER', 'null'],
  ["JSON_ARRAY_LENGTH('abc')", 'INTEGER', 'null'],
  ["JSON_ARRAY_LENGTH('')", 'INTEGER', 'null'],
  ['JSON_ARRAY_LENGTH(S)', 'INTEGER', 'null', NULLS],
];

const jsonConcat: Case[] = [
  [`JSON_CONCAT(${lit('{"a": 1}')}, ${lit('{"b": 2}')})`, 'STRING', q('{"a":1,"b":2}')],
  [`JSON_CONCAT(${lit('{"a": 1}')}, ${lit('{"b": 2}')}, ${lit('{"c": 3}')})`, 'STRING', q('{"a":1,"b":2,"c":3}')],
  [`JSON_CONCAT(${lit('{"a": {"5": 6}}')}, ${lit('{"a": {"3": 4}}')})`, 'STRING', q('{"a":{"3":4}}')],
  // A repeated key keeps its first position and takes the last value.
  [`JSON_CONCAT(${lit('{"b": 1, "a": 0}')}, ${lit('{"a": 2, "b": 3}')})`, 'STRING', q('{"b":3,"a":2}')],
  ["JSON_CONCAT('{}', '{}')", 'STRING', q('{}')],
  ["JSON_CONCAT('[1, 2]', '[3, 4]')", 'STRING', q('[1,2,3,4]')],
  ["JSON_CONCAT('[1, 2]', '[3, 4]', '[5, 6]')", 'STRING', q('[1,2,3,4,5,6]')],
  ["JSON_CONCAT('[1, [2]]', '[[[3]], [[[4]]]]')", 'STRING', q('[1,[2],[[3]],[[[4]]]]')],
  ["JSON_CONCAT('null', 'null')", 'STRING', q('[null,null]')],
  [`JSON_CONCAT('[1, 2]', ${lit('{"a": 1}')})`, 'STRING', q('[1,2,{"a":1}]')],
  [`JSON_CONCAT('[1, 2]', ${lit('{"a": 1}')}, '4')`, 'STRING', q('[1,2,{"a":1},4]')],
  ["JSON_CONCAT('[1, 2]', '3')", 'STRING', q('[1,2,3]')],
  ["JSON_CONCAT('1', '2')", 'STRING', q('[1,2]')],
  [`JSON_CONCAT(${lit('{"a": 1}')}, '[2]')`, 'STRING', q('[{"a":1},2]')],
  ["JSON_CONCAT('[]', '[]')", 'STRING', q('[]')],
  [`JSON_CONCAT(${lit('"x"')}, '[]')`, 'STRING', q('["x"]')],
  ["JSON_CONCAT('[1]')", 'STRING', q('[1]')],
  // ksqlDB's mapper writes decimals in plain notation.
  ["JSON_CONCAT('[1e3, 1.50]', '[-2.5E-3]')", 'STRING', q('[1000,1.50,-0.0025]')],
  ["JSON_CONCAT('abc', '[1]')", 'STRING', 'null'],
  ["JSON_CONCAT('1', '', '2')", 'STRING', 'null'],
  ["JSON_CONCAT('', '', '')", 'STRING', 'null'],
  ["JSON_CONCAT(S, '[1]')", 'STRING', 'null', NULLS],
  ["JSON_CONCAT('[1]', S)", 'STRING', 'null', NULLS],
];

const OBJ = '{"a": "abc", "b": { "c": "a" }, "d": 1}';

const jsonKeysRecordsItems: Case[] = [
  [`JSON_KEYS(${lit(OBJ)})`, 'ARRAY<STRING>', '["a","b","d"]'],
  ["JSON_KEYS('{}')", 'ARRAY<STRING>', '[]'],
  ["JSON_KEYS('[]')", 'ARRAY<STRING>', 'null'],
  ["JSON_KEYS('123')", 'ARRAY<STRING>', 'null'],
  ["JSON_KEYS('')", 'ARRAY<STRING>', 'null'],
  ["JSON_KEYS('{')", 'ARRAY<STRING>', 'null'],
  ['JSON_KEYS(S)', 'ARRAY<STRING>', 'null', NULLS],
  [`JSON_RECORDS(${lit(OBJ)})`, 'MAP<STRING, STRING>', '{"a":"abc","b":"{\\"c\\":\\"a\\"}","d":"1"}'],
  [`JSON_RECORDS(${lit('{"Red": 3, "Green": 5}')})`, 'MAP<STRING, STRING>', '{"Red":"3","Green":"5"}'],
  [`JSON_RECORDS(${lit('{"White": "Seven", "n": null, "f": 1.50}')})`, 'MAP<STRING, STRING>', '{"White":"Seven","n":"null","f":"1.50"}'],
  [`JSON_RECORDS(${lit('{"Red": 3, "Green": 5}')})['Red']`, 'STRING', q('3')],
  ["JSON_RECORDS('{}')", 'MAP<STRING, STRING>', '{}'],
  ["JSON_RECORDS('[]')", 'MAP<STRING, STRING>', 'null'],
  ["JSON_RECORDS('123')", 'MAP<STRING, STRING>', 'null'],
  ["JSON_RECORDS('abc')", 'MAP<STRING, STRING>', 'null'],
  ["JSON_RECORDS('')", 'MAP<STRING, STRING>', 'null'],
  ['JSON_RECORDS(S)', 'MAP<STRING, STRING>', 'null', NULLS],
  [
    `JSON_ITEMS(${lit('[{"type": "A", "timestamp": "2022-01-27"}, {"type": "B", "timestamp": "2022-05-18"}]')})`,
    'ARRAY<STRING>',
    '["{\\"type\\":\\"A\\",\\"timestamp\\":\\"2022-01-27\\"}","{\\"type\\":\\"B\\",\\"timestamp\\":\\"2022-05-18\\"}"]',
  ],
  [
    `TRANSFORM(JSON_ITEMS(${lit('[{"type": "A", "timestamp": "2022-01-27"}, {"type": "B", "timestamp": "2022-05-18"}]')}), obj => EXTRACTJSONFIELD(obj, '$.timestamp'))`,
    'ARRAY<STRING>',
    '["2022-01-27","2022-05-18"]',
  ],
  ["JSON_ITEMS('[]')", 'ARRAY<STRING>', '[]'],
  ["JSON_ITEMS('[{}, 1]')", 'ARRAY<STRING>', 'null'],
  ["JSON_ITEMS('[{}, null]')", 'ARRAY<STRING>', 'null'],
  ["JSON_ITEMS('{}')", 'ARRAY<STRING>', 'null'],
  ["JSON_ITEMS('null')", 'ARRAY<STRING>', 'null'],
  ["JSON_ITEMS('')", 'ARRAY<STRING>', 'null'],
  ['JSON_ITEMS(S)', 'ARRAY<STRING>', 'null', NULLS],
];

const jsonArrayContains: Case[] = [
  ["JSON_ARRAY_CONTAINS('[1, 2, 3]', 3)", 'BOOLEAN', 'true'],
  ["JSON_ARRAY_CONTAINS('[1, 2, 3]', 4)", 'BOOLEAN', 'false'],
  [`JSON_ARRAY_CONTAINS(${lit('["Pink", "Yellow", "Pink"]')}, 'Pink')`, 'BOOLEAN', 'true'],
  [`JSON_ARRAY_CONTAINS(${lit('["Pink", null]')}, 'Pink')`, 'BOOLEAN', 'true'],
  [`JSON_ARRAY_CONTAINS(${lit('["Red", "Green"]')}, 'Pink')`, 'BOOLEAN', 'false'],
  ["JSON_ARRAY_CONTAINS('[true, false]', FALSE)", 'BOOLEAN', 'true'],
  ["JSON_ARRAY_CONTAINS('[true]', FALSE)", 'BOOLEAN', 'false'],
  ["JSON_ARRAY_CONTAINS('[1, null]', NULL)", 'BOOLEAN', 'true'],
  ["JSON_ARRAY_CONTAINS('[1]', S)", 'BOOLEAN', 'false', NULLS],
  ["JSON_ARRAY_CONTAINS('[5000000000]', 5000000000)", 'BOOLEAN', 'true'],
  ["JSON_ARRAY_CONTAINS('[1.5, 2.25]', 2.25E0)", 'BOOLEAN', 'true'],
  // Only values of the searched type match: a JSON integer is never a DOUBLE, and so on.
  ["JSON_ARRAY_CONTAINS('[1.0]', 1)", 'BOOLEAN', 'false'],
  ["JSON_ARRAY_CONTAINS('[1]', 1.0E0)", 'BOOLEAN', 'false'],
  [`JSON_ARRAY_CONTAINS(${lit('["1"]')}, 1)`, 'BOOLEAN', 'false'],
  ["JSON_ARRAY_CONTAINS('[1.5]', 1.5)", 'BOOLEAN', 'false'],
  ["JSON_ARRAY_CONTAINS('[[1], {\"a\": 1}]', 1)", 'BOOLEAN', 'false'],
  // An integer too large for the searched INTEGER ends the search.
  ["JSON_ARRAY_CONTAINS('[5000000000, 1]', 1)", 'BOOLEAN', 'false'],
  // The array is read up to the first match.
  ["JSON_ARRAY_CONTAINS('[1, 2', 1)", 'BOOLEAN', 'true'],
  ["JSON_ARRAY_CONTAINS('[2, oops, 1]', 1)", 'BOOLEAN', 'false'],
  ["JSON_ARRAY_CONTAINS('{\"a\": 1}', 1)", 'BOOLEAN', 'false'],
  ["JSON_ARRAY_CONTAINS('1', 1)", 'BOOLEAN', 'false'],
  ["JSON_ARRAY_CONTAINS('', 1)", 'BOOLEAN', 'false'],
  ["JSON_ARRAY_CONTAINS(S, 1)", 'BOOLEAN', 'null', NULLS],
];

const COLS: Columns = {
  I: [INTEGER, 1],
  B: [BIGINT, 5000000000n],
  D: [DOUBLE, 123.456],
  WHOLE: [DOUBLE, 1],
  NAN: [DOUBLE, NaN],
  INF: [DOUBLE, -Infinity],
  DEC: [decimal(6, 3), Decimal.parse('123.456')],
  TINY: [decimal(8, 7), Decimal.parse('0.0000001')],
  BYT: [BYTES, Buffer.from([0x21])],
  DAY: [DATE, 1000],
  T: [TIME, 60220000],
  T2: [TIME, 48300000],
  TS: [TIMESTAMP, 1625055519446],
  OLD: [TIMESTAMP, -62135596800000 - 86400000],
  S: [STRING, null],
  NL: [STRING, 'line\nbreak\t"q" \\ \u0001'],
  EMOJI: [STRING, '😀 é'],
  ST: [struct([{ name: 'ID', type: INTEGER }, { name: 'NAME', type: STRING }]), { ID: 1, NAME: 'Alice' }],
  M: [map(STRING, array(INTEGER)), new Map([['id', [1, 2, 3]]])],
  DM: [map(STRING, DOUBLE), new Map([['b', 1], ['a', null]])],
  AD: [array(DOUBLE), [1, 2.5, null]],
  ADATE: [array(DATE), [0, null]],
};

const toJsonString: Case[] = [
  ['TO_JSON_STRING(1)', 'STRING', q('1')],
  ['TO_JSON_STRING(15.3)', 'STRING', q('15.3')],
  ["TO_JSON_STRING('abc')", 'STRING', q('"abc"')],
  ['TO_JSON_STRING(TRUE)', 'STRING', q('true')],
  ['TO_JSON_STRING(NULL)', 'STRING', q('null')],
  ['TO_JSON_STRING(ARRAY[1, 2, 3])', 'STRING', q('[1,2,3]')],
  ["TO_JSON_STRING(STRUCT(id := 1, name := 'A'))", 'STRING', q('{"ID":1,"NAME":"A"}')],
  ["TO_JSON_STRING(MAP('c' := 2, 'd' := 4))", 'STRING', q('{"c":2,"d":4}')],
  ["TO_JSON_STRING(ARRAY[STRUCT(json_key := 1, json_value := MAP('c' := 2, 'd' := 3))])", 'STRING', q('[{"JSON_KEY":1,"JSON_VALUE":{"c":2,"d":3}}]')],
  ['TO_JSON_STRING(I)', 'STRING', q('1'), COLS],
  ['TO_JSON_STRING(B)', 'STRING', q('5000000000'), COLS],
  ['TO_JSON_STRING(D)', 'STRING', q('123.456'), COLS],
  ['TO_JSON_STRING(WHOLE)', 'STRING', q('1.0'), COLS],
  ['TO_JSON_STRING(1E21)', 'STRING', q('1.0E21'), COLS],
  ['TO_JSON_STRING(NAN)', 'STRING', q('"NaN"'), COLS],
  ['TO_JSON_STRING(INF)', 'STRING', q('"-Infinity"'), COLS],
  ['TO_JSON_STRING(DEC)', 'STRING', q('123.456'), COLS],
  ['TO_JSON_STRING(TINY)', 'STRING', q('0.0000001'), COLS],
  ['TO_JSON_STRING(BYT)', 'STRING', q('"IQ=="'), COLS],
  ['TO_JSON_STRING(DAY)', 'STRING', q('"1972-09-27"'), COLS],
  ['TO_JSON_STRING(T)', 'STRING', q('"16:43:40"'), COLS],
  ['TO_JSON_STRING(T2)', 'STRING', q('"13:25"'), COLS],
  ['TO_JSON_STRING(TS)', 'STRING', q('"2021-06-30T12:18:39.446"'), COLS],
  // java.time prints years of era, proleptic Gregorian: the day before 0001-01-01 is in 1 BC.
  ['TO_JSON_STRING(OLD)', 'STRING', q('"0001-12-31T00:00:00.000"'), COLS],
  ['TO_JSON_STRING(S)', 'STRING', q('null'), COLS],
  ['TO_JSON_STRING(NL)', 'STRING', q('"line\\nbreak\\t\\"q\\" \\\\ \\u0001"'), COLS],
  // Non-ASCII characters stay as they are inside the JSON text (the row escapes the emoji).
  ['TO_JSON_STRING(EMOJI)', 'STRING', '"\\"\\uD83D\\uDE00 é\\""', COLS],
  ['TO_JSON_STRING(ST)', 'STRING', q('{"ID":1,"NAME":"Alice"}'), COLS],
  ['TO_JSON_STRING(M)', 'STRING', q('{"id":[1,2,3]}'), COLS],
  ['TO_JSON_STRING(DM)', 'STRING', q('{"a":null,"b":1.0}'), COLS],
  ['TO_JSON_STRING(AD)', 'STRING', q('[1.0,2.5,null]'), COLS],
  ['TO_JSON_STRING(ADATE)', 'STRING', q('["1970-01-01",null]'), COLS],
  // Struct fields and map keys come out sorted (ksqlDB builds a TreeMap).
  ["TO_JSON_STRING(STRUCT(b := 1, a := 'x', C := CAST(NULL AS STRING)))", 'STRING', q('{"A":"x","B":1,"C":null}')],
  ["TO_JSON_STRING(MAP('b' := 1, 'a' := 2, 'B' := 3))", 'STRING', q('{"B":3,"a":2,"b":1}')],
  ["TO_JSON_STRING(MAP(2 := 'x', 10 := 'y'))", 'STRING', q('{"10":"y","2":"x"}')],
  ['TO_JSON_STRING(ARRAY[ARRAY[1.5E0], ARRAY[CAST(NULL AS DOUBLE)]])', 'STRING', q('[[1.5],[null]]')],
];

const families: [string, Case[]][] = [
  ['EXTRACTJSONFIELD', extractJsonField],
  ['IS_JSON_STRING', isJsonString],
  ['JSON_ARRAY_LENGTH', jsonArrayLength],
  ['JSON_CONCAT', jsonConcat],
  ['JSON_KEYS / JSON_RECORDS / JSON_ITEMS', jsonKeysRecordsItems],
  ['JSON_ARRAY_CONTAINS', jsonArrayContains],
  ['TO_JSON_STRING', toJsonString],
];

describe('functions: json', () => {
  for (const [family, cases] of families) {
    describe(family, () => {
      for (const [expr, type, json, columns] of cases) {
        it(`${expr.length > 120 ? expr.slice(0, 117) + '...' : expr} → ${json}`, () => {
          const r = evaluate(expr, columns);
          expect([r.type, r.json]).to.deep.equal([type, json]);
        });
      }
    });
  }

  it('TO_JSON_STRING writes each call site with its own argument type', () => {
    const cols: Columns = { X: [DOUBLE, 2], Y: [INTEGER, 2] };
    expect(evaluate('ARRAY[TO_JSON_STRING(X), TO_JSON_STRING(Y)]', cols).json).to.equal('["2.0","2"]');
  });
});
