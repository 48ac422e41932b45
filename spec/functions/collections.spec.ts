/**
 * Collection and lambda functions: types and values as ksqlDB prints them. Cases come from the
 * examples of ksqlDB's function reference and from its UDF classes' NULL and error behaviour.
 */
import { expect } from 'chai';
import { Decimal } from '../../src/sql/decimal.js';
import { array, BIGINT, BOOLEAN, BYTES, DATE, decimal, DOUBLE, INTEGER, map, STRING } from '../../src/sql/types.js';
import { compileError, evaluate, type Columns } from '../support/eval-expression.js';

type Case = readonly [expression: string, type: string, json: string, columns?: Columns];

// Columns shared by the cases.
const INTS: Columns = {
  NONE: [array(INTEGER), null],
  EMPTY: [array(INTEGER), []],
  WITH_NULL: [array(INTEGER), [5, null]],
  ONLY_NULLS: [array(INTEGER), [null, null]],
  I: [INTEGER, 10],
  NO_INT: [INTEGER, null],
  NO_STR: [STRING, null],
  NO_BIGINT: [BIGINT, null],
};
const MAPS: Columns = {
  M: [map(STRING, INTEGER), new Map([['12', 7], ['123', 3], ['1234', 2]])],
  NULL_VALUE: [map(STRING, INTEGER), new Map([['a', null], ['b', 2]])],
  NO_MAP: [map(STRING, INTEGER), null],
  EMPTY_MAP: [map(STRING, INTEGER), new Map()],
};

const arrayConcat: Case[] = [
  ['ARRAY_CONCAT(ARRAY[1, 2, 3, 1, 2], ARRAY[4, 1])', 'ARRAY<INTEGER>', '[1,2,3,1,2,4,1]'],
  ["ARRAY_CONCAT(ARRAY['apple', 'apple', NULL, 'cherry'], ARRAY['cherry'])", 'ARRAY<STRING>', '["apple","apple",null,"cherry","cherry"]'],
  ['ARRAY_CONCAT(NONE, ARRAY[1, -2])', 'ARRAY<INTEGER>', '[1,-2]', INTS],
  ['ARRAY_CONCAT(ARRAY[0, 3], NONE)', 'ARRAY<INTEGER>', '[0,3]', INTS],
  ['ARRAY_CONCAT(NONE, NONE)', 'ARRAY<INTEGER>', 'null', INTS],
  ['ARRAY_CONCAT(EMPTY, EMPTY)', 'ARRAY<INTEGER>', '[]', INTS],
  ['ARRAY_CONCAT(ARRAY[ARRAY[1]], ARRAY[ARRAY[2, 3]])', 'ARRAY<ARRAY<INTEGER>>', '[[1],[2,3]]'],
];

const arrayContains: Case[] = [
  ['ARRAY_CONTAINS(ARRAY[1, 2, 3], 3)', 'BOOLEAN', 'true'],
  ['ARRAY_CONTAINS(ARRAY[1, 2, 3], 4)', 'BOOLEAN', 'false'],
  ["ARRAY_CONTAINS(ARRAY['Pink', NULL], 'Pink')", 'BOOLEAN', 'true'],
  ['ARRAY_CONTAINS(NONE, 1)', 'BOOLEAN', 'false', INTS],
  ['ARRAY_CONTAINS(WITH_NULL, NO_INT)', 'BOOLEAN', 'true', INTS],
  ['ARRAY_CONTAINS(ARRAY[1, 2], NO_INT)', 'BOOLEAN', 'false', INTS],
  ['ARRAY_CONTAINS(EMPTY, 1)', 'BOOLEAN', 'false', INTS],
  // Equality is by SQL value at any depth.
  ['ARRAY_CONTAINS(ARRAY[ARRAY[1, 2], ARRAY[3]], ARRAY[3])', 'BOOLEAN', 'true'],
  ["ARRAY_CONTAINS(ARRAY[MAP('a' := 1), MAP('b' := 2)], MAP('b' := 2))", 'BOOLEAN', 'true'],
  ["ARRAY_CONTAINS(ARRAY[STRUCT(X := 1, Y := 'a')], STRUCT(X := 1, Y := 'b'))", 'BOOLEAN', 'false'],
  ['ARRAY_CONTAINS(ARRAY[CAST(1 AS BIGINT)], 1)', 'BOOLEAN', 'true'],
  ['ARRAY_CONTAINS(ARRAY[1.10, 2.20], 1.1)', 'BOOLEAN', 'true'],
  ['ARRAY_CONTAINS(ARRAY[0.1E0, 0.2E0], 0.3E0)', 'BOOLEAN', 'false'],
];

const arrayDistinct: Case[] = [
  ['ARRAY_DISTINCT(ARRAY[1, 1, 2, 3, 1, 2])', 'ARRAY<INTEGER>', '[1,2,3]'],
  ["ARRAY_DISTINCT(ARRAY['apple', 'apple', NULL, 'cherry'])", 'ARRAY<STRING>', '["apple",null,"cherry"]'],
  ["ARRAY_DISTINCT(ARRAY['foo', 'Food', NULL, 'food', NULL])", 'ARRAY<STRING>', '["foo","Food",null,"food"]'],
  ['ARRAY_DISTINCT(ARRAY[TRUE, FALSE, TRUE])', 'ARRAY<BOOLEAN>', '[true,false]'],
  ['ARRAY_DISTINCT(ARRAY[1.0, -0.2, 1.0, -9.9])', 'ARRAY<DECIMAL(2, 1)>', '[1.0,-0.2,-9.9]'],
  ['ARRAY_DISTINCT(ARRAY[0.0E0, 0.2E0, -12345.678E0, 0.2E0])', 'ARRAY<DOUBLE>', '[0.0,0.2,-12345.678]'],
  ["ARRAY_DISTINCT(ARRAY[ARRAY['foo', 'bar'], ARRAY['foo', 'bar'], ARRAY['foo']])", 'ARRAY<ARRAY<STRING>>', '[["foo","bar"],["foo"]]'],
  ["ARRAY_DISTINCT(ARRAY[MAP('apple' := 1, 'banana' := 2), MAP('banana' := 2, 'apple' := 1), MAP('apple' := 3)])", 'ARRAY<MAP<STRING, INTEGER>>', '[{"apple":1,"banana":2},{"apple":3}]'],
  ['ARRAY_DISTINCT(ARRAY[STRUCT(A := 1), STRUCT(A := 1), STRUCT(A := 2)])', 'ARRAY<STRUCT<`A` INTEGER>>', '[{"A":1},{"A":2}]'],
  ['ARRAY_DISTINCT(EMPTY)', 'ARRAY<INTEGER>', '[]', INTS],
  ['ARRAY_DISTINCT(ONLY_NULLS)', 'ARRAY<INTEGER>', '[null]', INTS],
  ['ARRAY_DISTINCT(NONE)', 'ARRAY<INTEGER>', 'null', INTS],
];

const arrayExcept: Case[] = [
  ['ARRAY_EXCEPT(ARRAY[1, 2, 3, 1, 2], ARRAY[2, 3])', 'ARRAY<INTEGER>', '[1]'],
  ["ARRAY_EXCEPT(ARRAY['apple', 'apple', NULL, 'cherry'], ARRAY['cherry'])", 'ARRAY<STRING>', '["apple",null]'],
  ['ARRAY_EXCEPT(ARRAY[0, 0, 1, 0, -1], ARRAY[1, -2])', 'ARRAY<INTEGER>', '[0,-1]'],
  ['ARRAY_EXCEPT(ARRAY[0, 0, 1, 0, -1], ARRAY[1, -1, 0])', 'ARRAY<INTEGER>', '[]'],
  ['ARRAY_EXCEPT(ARRAY[0, 0, 1, 0, -1], EMPTY)', 'ARRAY<INTEGER>', '[0,1,-1]', INTS],
  ['ARRAY_EXCEPT(WITH_NULL, ONLY_NULLS)', 'ARRAY<INTEGER>', '[5]', INTS],
  ['ARRAY_EXCEPT(NONE, ARRAY[1])', 'ARRAY<INTEGER>', 'null', INTS],
  ['ARRAY_EXCEPT(ARRAY[1], NONE)', 'ARRAY<INTEGER>', 'null', INTS],
];

const arrayIntersect: Case[] = [
  ['ARRAY_INTERSECT(ARRAY[1, 2, 3, 1, 2], ARRAY[2, 1])', 'ARRAY<INTEGER>', '[1,2]'],
  ["ARRAY_INTERSECT(ARRAY['apple', 'apple', NULL, 'cherry'], ARRAY['apple'])", 'ARRAY<STRING>', '["apple"]'],
  ["ARRAY_INTERSECT(ARRAY['a', NULL, 'b'], ARRAY[NULL, 'b'])", 'ARRAY<STRING>', '[null,"b"]'],
  ['ARRAY_INTERSECT(ARRAY[ARRAY[1], ARRAY[2]], ARRAY[ARRAY[2]])', 'ARRAY<ARRAY<INTEGER>>', '[[2]]'],
  ['ARRAY_INTERSECT(EMPTY, ARRAY[1])', 'ARRAY<INTEGER>', '[]', INTS],
  ['ARRAY_INTERSECT(ARRAY[1], NONE)', 'ARRAY<INTEGER>', 'null', INTS],
];

const arrayUnion: Case[] = [
  ['ARRAY_UNION(ARRAY[1, 2, 3, 1, 2], ARRAY[4, 1])', 'ARRAY<INTEGER>', '[1,2,3,4]'],
  ["ARRAY_UNION(ARRAY['apple', 'apple', NULL, 'cherry'], ARRAY['cherry'])", 'ARRAY<STRING>', '["apple",null,"cherry"]'],
  ["ARRAY_UNION(ARRAY['foo', 'bar', 'foo'], ARRAY['foo', 'baz'])", 'ARRAY<STRING>', '["foo","bar","baz"]'],
  ['ARRAY_UNION(ARRAY[0, 0, 1, 0, -1], ARRAY[1, -2, 0])', 'ARRAY<INTEGER>', '[0,1,-1,-2]'],
  ['ARRAY_UNION(EMPTY, ARRAY[1, -2])', 'ARRAY<INTEGER>', '[1,-2]', INTS],
  ['ARRAY_UNION(NONE, ARRAY[1])', 'ARRAY<INTEGER>', 'null', INTS],
];

const arrayJoin: Case[] = [
  ["ARRAY_JOIN(ARRAY['a', 'b'])", 'STRING', '"a,b"'],
  ['ARRAY_JOIN(ARRAY[TRUE, NULL, FALSE], \'|\')', 'STRING', '"true|null|false"'],
  ["ARRAY_JOIN(ARRAY[1, 23, -42, 0], '?')", 'STRING', '"1?23?-42?0"'],
  ["ARRAY_JOIN(ARRAY[-4294967297, 8589934592], ';')", 'STRING', '"-4294967297;8589934592"'],
  ["ARRAY_JOIN(ARRAY[1.23E0, -23.42E0, 0.0E0], ' ')", 'STRING', '"1.23 -23.42 0.0"'],
  ["ARRAY_JOIN(ARRAY[1E10, 1E-5])", 'STRING', '"1.0E10,1.0E-5"'],
  ["ARRAY_JOIN(ARRAY[123.45, 987.65], '#')", 'STRING', '"123.45#987.65"'],
  // BigDecimal.toString() switches to an exponent for small values.
  ['ARRAY_JOIN(ARRAY[0.0000001])', 'STRING', '"1E-7"'],
  ["ARRAY_JOIN(ARRAY['Hello', 'From', '', 'Ksqldb', 'Udf'], '_')", 'STRING', '"Hello_From__Ksqldb_Udf"'],
  ["ARRAY_JOIN(ARRAY['Hello', 'From', '', 'Ksqldb', 'Udf'], NULL)", 'STRING', '"HelloFromKsqldbUdf"'],
  ["ARRAY_JOIN(ARRAY[1, 23, -42, 0], '')", 'STRING', '"123-420"'],
  ["ARRAY_JOIN(ARRAY['x'], ', ')", 'STRING', '"x"'],
  ['ARRAY_JOIN(EMPTY)', 'STRING', '""', INTS],
  ['ARRAY_JOIN(ONLY_NULLS)', 'STRING', '"null,null"', INTS],
  ['ARRAY_JOIN(NONE)', 'STRING', 'null', INTS],
  // Only primitive elements are supported: anything else makes the result NULL.
  ['ARRAY_JOIN(ARRAY[ARRAY[1]])', 'STRING', 'null'],
  ['ARRAY_JOIN(DATES)', 'STRING', 'null', { DATES: [array(DATE), [18000]] }],
  ['ARRAY_JOIN(DATES)', 'STRING', '"null"', { DATES: [array(DATE), [null]] }],
];

const arrayLength: Case[] = [
  ['ARRAY_LENGTH(ARRAY[1, 2, 3])', 'INTEGER', '3'],
  ["ARRAY_LENGTH(ARRAY[MAP('a' := 1), MAP('b' := 2)])", 'INTEGER', '2'],
  ['ARRAY_LENGTH(EMPTY)', 'INTEGER', '0', INTS],
  ['ARRAY_LENGTH(ONLY_NULLS)', 'INTEGER', '2', INTS],
  ['ARRAY_LENGTH(NONE)', 'INTEGER', 'null', INTS],
];

const arrayMaxMin: Case[] = [
  ['ARRAY_MAX(ARRAY[-1, 2, NULL, 0])', 'INTEGER', '2'],
  ['ARRAY_MIN(ARRAY[-1, 2, NULL, 0])', 'INTEGER', '-1'],
  ['ARRAY_MAX(ARRAY[FALSE, NULL, TRUE])', 'BOOLEAN', 'true'],
  ['ARRAY_MIN(ARRAY[FALSE, NULL, TRUE])', 'BOOLEAN', 'false'],
  // Strings compare by UTF-16 code unit: lower case sorts after upper case.
  ["ARRAY_MAX(ARRAY['Foo', 'Bar', NULL, 'baz'])", 'STRING', '"baz"'],
  ["ARRAY_MIN(ARRAY['Foo', 'Bar', NULL, 'baz'])", 'STRING', '"Bar"'],
  ["ARRAY_MAX(ARRAY['foo', 'fo', 'Food', NULL, 'F', 'food'])", 'STRING', '"food"'],
  ['ARRAY_MAX(ARRAY[234, -123, 345])', 'INTEGER', '345'],
  ['ARRAY_MAX(ARRAY[5000000000, -1])', 'BIGINT', '5000000000'],
  ['ARRAY_MAX(ARRAY[0.0E0, 0.1E0, -12345.678E0, 0.3E0])', 'DOUBLE', '0.3'],
  ['ARRAY_MIN(ARRAY[0.0E0, 0.1E0, -12345.678E0, 0.3E0])', 'DOUBLE', '-12345.678'],
  ['ARRAY_MAX(ARRAY[1.0, 1.1, 1.2, -0.2, 1.9, 9.0, -9.9, 1.5])', 'DECIMAL(2, 1)', '9.0'],
  ['ARRAY_MIN(ARRAY[1.0, 1.1, 1.2, -0.2, 1.9, 9.0, -9.9, 1.5])', 'DECIMAL(2, 1)', '-9.9'],
  // Double.compareTo: -0.0 is below 0.0.
  ['ARRAY_MAX(ARRAY[-0.0E0, 0.0E0])', 'DOUBLE', '0.0'],
  ['ARRAY_MIN(ARRAY[0.0E0, -0.0E0])', 'DOUBLE', '-0.0'],
  ['ARRAY_MAX(EMPTY)', 'INTEGER', 'null', INTS],
  ['ARRAY_MIN(ONLY_NULLS)', 'INTEGER', 'null', INTS],
  ['ARRAY_MAX(NONE)', 'INTEGER', 'null', INTS],
  ['ARRAY_MAX(ARRAY[ARRAY[1]])', 'ARRAY<INTEGER>', 'null'],
];

const arrayRemove: Case[] = [
  ['ARRAY_REMOVE(ARRAY[1, 2, 3, 2, 1], 2)', 'ARRAY<INTEGER>', '[1,3,1]'],
  ['ARRAY_REMOVE(ARRAY[FALSE, NULL, TRUE, TRUE], FALSE)', 'ARRAY<BOOLEAN>', '[null,true,true]'],
  ["ARRAY_REMOVE(ARRAY['Foo', 'Bar', NULL, 'baz'], NULL)", 'ARRAY<STRING>', '["Foo","Bar","baz"]'],
  ['ARRAY_REMOVE(ARRAY[0.3E0, -12345.678E0, NULL, 0.3E0], 0.3E0)', 'ARRAY<DOUBLE>', '[-12345.678,null]'],
  ['ARRAY_REMOVE(ARRAY[1.0, 1.1, -0.2, NULL, 1.0], -0.2)', 'ARRAY<DECIMAL(2, 1)>', '[1.0,1.1,null,1.0]'],
  ["ARRAY_REMOVE(ARRAY[ARRAY['foo', 'bar'], NULL, ARRAY['foo']], ARRAY['foo', 'bar'])", 'ARRAY<ARRAY<STRING>>', '[null,["foo"]]'],
  ["ARRAY_REMOVE(ARRAY[MAP('apple' := 1), MAP('apple' := 3)], MAP('apple' := 1))", 'ARRAY<MAP<STRING, INTEGER>>', '[{"apple":3}]'],
  ['ARRAY_REMOVE(WITH_NULL, NO_INT)', 'ARRAY<INTEGER>', '[5]', INTS],
  ['ARRAY_REMOVE(EMPTY, 1)', 'ARRAY<INTEGER>', '[]', INTS],
  ['ARRAY_REMOVE(NONE, 1)', 'ARRAY<INTEGER>', 'null', INTS],
];

const arraySort: Case[] = [
  ['ARRAY_SORT(ARRAY[-1, 2, NULL, 0])', 'ARRAY<INTEGER>', '[-1,0,2,null]'],
  ['ARRAY_SORT(ARRAY[FALSE, NULL, TRUE])', 'ARRAY<BOOLEAN>', '[false,true,null]'],
  ["ARRAY_SORT(ARRAY['Foo', 'Bar', NULL, 'baz'])", 'ARRAY<STRING>', '["Bar","Foo","baz",null]'],
  ["ARRAY_SORT(ARRAY['foo', 'fo', 'Food', NULL, 'F', 'food'])", 'ARRAY<STRING>', '["F","Food","fo","foo","food",null]'],
  // NULLs stay last when descending.
  ["ARRAY_SORT(ARRAY['Foo', 'Bar', NULL, 'baz'], 'DESC')", 'ARRAY<STRING>', '["baz","Foo","Bar",null]'],
  ["ARRAY_SORT(ARRAY[0, NULL, 1, 0, -1], 'desc')", 'ARRAY<INTEGER>', '[1,0,0,-1,null]'],
  ["ARRAY_SORT(ARRAY[3, 1, 2], 'descending')", 'ARRAY<INTEGER>', '[3,2,1]'],
  ["ARRAY_SORT(ARRAY[3, 1, 2], 'Ascending')", 'ARRAY<INTEGER>', '[1,2,3]'],
  ["ARRAY_SORT(ARRAY[3, 1, 2], 'asc')", 'ARRAY<INTEGER>', '[1,2,3]'],
  ["ARRAY_SORT(ARRAY[3, 1, 2], 'up')", 'ARRAY<INTEGER>', 'null'],
  ['ARRAY_SORT(ARRAY[3, 1, 2], NO_STR)', 'ARRAY<INTEGER>', 'null', INTS],
  ['ARRAY_SORT(ARRAY[0.0E0, 0.1E0, -12345.678E0, NULL, 0.3E0])', 'ARRAY<DOUBLE>', '[-12345.678,0.0,0.1,0.3,null]'],
  ['ARRAY_SORT(ARRAY[1.0, 1.1, 1.2, -0.2, NULL, 9.0])', 'ARRAY<DECIMAL(2, 1)>', '[-0.2,1.0,1.1,1.2,9.0,null]'],
  ['ARRAY_SORT(ARRAY[-123, 5000000000, 345])', 'ARRAY<BIGINT>', '[-123,345,5000000000]'],
  ['ARRAY_SORT(EMPTY)', 'ARRAY<INTEGER>', '[]', INTS],
  ['ARRAY_SORT(NONE)', 'ARRAY<INTEGER>', 'null', INTS],
  // Arrays, maps and structs have no natural order: two of them cannot be sorted.
  ['ARRAY_SORT(ARRAY[ARRAY[2], ARRAY[1]])', 'ARRAY<ARRAY<INTEGER>>', 'null'],
  ['ARRAY_SORT(ARRAY[ARRAY[2]])', 'ARRAY<ARRAY<INTEGER>>', '[[2]]'],
];

const asMap: Case[] = [
  ["AS_MAP(ARRAY['a', 'b'], ARRAY[1, 2])", 'MAP<STRING, INTEGER>', '{"a":1,"b":2}'],
  ["AS_MAP(ARRAY['a', 'b', 'c'], ARRAY[1])", 'MAP<STRING, INTEGER>', '{"a":1,"b":null,"c":null}'],
  ["AS_MAP(ARRAY['a'], ARRAY[1, 2])", 'MAP<STRING, INTEGER>', '{"a":1}'],
  ["AS_MAP(ARRAY['a', 'a'], ARRAY[1, 2])", 'MAP<STRING, INTEGER>', '{"a":2}'],
  ["AS_MAP(ARRAY['x'], ARRAY[ARRAY['y']])", 'MAP<STRING, ARRAY<STRING>>', '{"x":["y"]}'],
  ["AS_MAP(KEYS, ARRAY[1])", 'MAP<STRING, INTEGER>', 'null', { KEYS: [array(STRING), null] }],
  ["AS_MAP(ARRAY['a'], NONE)", 'MAP<STRING, INTEGER>', 'null', INTS],
  ['AS_MAP(KEYS, NONE)', 'MAP<STRING, INTEGER>', '{}', { ...INTS, KEYS: [array(STRING), []] }],
];

const eltField: Case[] = [
  ["ELT(2, 'ignored', 'something')", 'STRING', '"something"'],
  ["ELT(1, 'a', 'b')", 'STRING', '"a"'],
  ["ELT(0, 'a', 'b')", 'STRING', 'null'],
  ["ELT(-1, 'a', 'b')", 'STRING', 'null'],
  ["ELT(3, 'a', 'b')", 'STRING', 'null'],
  ["ELT(NO_INT, 'a')", 'STRING', 'null', INTS],
  ["ELT(1, NO_STR, 'b')", 'STRING', 'null', INTS],
  ['ELT(1)', 'STRING', 'null'],
  ["FIELD('hello', 'hello', 'world')", 'INTEGER', '1'],
  ["FIELD('hello', 'world', 'hello')", 'INTEGER', '2'],
  ["FIELD('hello', 'world', 'Hello')", 'INTEGER', '0'],
  ["FIELD('hello', NO_STR, 'hello')", 'INTEGER', '2', INTS],
  ["FIELD(NO_STR, NO_STR, 'hello')", 'INTEGER', '0', INTS],
  ["FIELD('a')", 'INTEGER', '0'],
  // ELT undoes FIELD.
  ["ELT(FIELD('b', 'a', 'b'), 'a', 'b')", 'STRING', '"b"'],
  ["ELT(FIELD('c', 'a', 'b'), 'a', 'b')", 'STRING', 'null'],
];

const entries: Case[] = [
  ["ENTRIES(MAP('b' := 1, 'a' := 2), TRUE)", 'ARRAY<STRUCT<`K` STRING, `V` INTEGER>>', '[{"K":"a","V":2},{"K":"b","V":1}]'],
  ["ENTRIES(MAP('b' := 1, 'a' := 2), FALSE)", 'ARRAY<STRUCT<`K` STRING, `V` INTEGER>>', '[{"K":"b","V":1},{"K":"a","V":2}]'],
  // Keys sort by UTF-16 code unit, as String.compareTo.
  ["ENTRIES(MAP('b' := 'x', 'B' := 'y', 'a' := NULL), TRUE)", 'ARRAY<STRUCT<`K` STRING, `V` STRING>>', '[{"K":"B","V":"y"},{"K":"a","V":null},{"K":"b","V":"x"}]'],
  ["ENTRIES(MAP('a' := 5000000000), TRUE)", 'ARRAY<STRUCT<`K` STRING, `V` BIGINT>>', '[{"K":"a","V":5000000000}]'],
  ["ENTRIES(MAP('a' := 1.5E0), TRUE)", 'ARRAY<STRUCT<`K` STRING, `V` DOUBLE>>', '[{"K":"a","V":1.5}]'],
  ["ENTRIES(MAP('a' := TRUE), TRUE)", 'ARRAY<STRUCT<`K` STRING, `V` BOOLEAN>>', '[{"K":"a","V":true}]'],
  ["ENTRIES(MAP('a' := STRUCT(X := 1)), TRUE)", 'ARRAY<STRUCT<`K` STRING, `V` STRUCT<`X` INTEGER>>>', '[{"K":"a","V":{"X":1}}]'],
  ['ENTRIES(EMPTY_MAP, TRUE)', 'ARRAY<STRUCT<`K` STRING, `V` INTEGER>>', '[]', MAPS],
  ['ENTRIES(NO_MAP, TRUE)', 'ARRAY<STRUCT<`K` STRING, `V` INTEGER>>', 'null', MAPS],
];

const generateSeries: Case[] = [
  ['GENERATE_SERIES(0, 3)', 'ARRAY<INTEGER>', '[0,1,2,3]'],
  ['GENERATE_SERIES(-2, 1)', 'ARRAY<INTEGER>', '[-2,-1,0,1]'],
  ['GENERATE_SERIES(4, 3)', 'ARRAY<INTEGER>', '[4,3]'],
  ['GENERATE_SERIES(4, 0)', 'ARRAY<INTEGER>', '[4,3,2,1,0]'],
  ['GENERATE_SERIES(1, 1)', 'ARRAY<INTEGER>', '[1]'],
  ['GENERATE_SERIES(1, 10, 3)', 'ARRAY<INTEGER>', '[1,4,7,10]'],
  ['GENERATE_SERIES(1, 9, 3)', 'ARRAY<INTEGER>', '[1,4,7]'],
  ['GENERATE_SERIES(10, 1, -3)', 'ARRAY<INTEGER>', '[10,7,4,1]'],
  ['GENERATE_SERIES(1, 1, -1)', 'ARRAY<INTEGER>', '[1]'],
  // Errors make the result NULL: a zero step, or a step away from the end.
  ['GENERATE_SERIES(1, 5, 0)', 'ARRAY<INTEGER>', 'null'],
  ['GENERATE_SERIES(5, 1, 2)', 'ARRAY<INTEGER>', 'null'],
  ['GENERATE_SERIES(1, 5, -1)', 'ARRAY<INTEGER>', 'null'],
  ['GENERATE_SERIES(NO_INT, 5)', 'ARRAY<INTEGER>', 'null', INTS],
  // Java int arithmetic: end - start overflows to -1, so the default step is -1.
  ['GENERATE_SERIES(-2147483648, 2147483647)', 'ARRAY<INTEGER>', '[-2147483648,2147483647]'],
  ['GENERATE_SERIES(2147483646, 2147483647)', 'ARRAY<INTEGER>', '[2147483646,2147483647]'],
  ['GENERATE_SERIES(1, 5000000000, 2000000000)', 'ARRAY<BIGINT>', '[1,2000000001,4000000001]'],
  ['GENERATE_SERIES(5000000000, 4999999998)', 'ARRAY<BIGINT>', '[5000000000,4999999999,4999999998]'],
  ['GENERATE_SERIES(CAST(1 AS BIGINT), 3)', 'ARRAY<BIGINT>', '[1,2,3]'],
  ['GENERATE_SERIES(5000000000, 1, 1)', 'ARRAY<BIGINT>', 'null'],
  ['GENERATE_SERIES(NO_BIGINT, 1)', 'ARRAY<BIGINT>', 'null', INTS],
];

const mapFunctions: Case[] = [
  ["MAP_KEYS(MAP('apple' := 10, 'banana' := 20))", 'ARRAY<STRING>', '["apple","banana"]'],
  ["MAP_VALUES(MAP('apple' := 10, 'banana' := 20))", 'ARRAY<INTEGER>', '[10,20]'],
  ["MAP_VALUES(MAP('foo' := ARRAY[1, 2, 3]))", 'ARRAY<ARRAY<INTEGER>>', '[[1,2,3]]'],
  ['MAP_KEYS(EMPTY_MAP)', 'ARRAY<STRING>', '[]', MAPS],
  ['MAP_VALUES(NULL_VALUE)', 'ARRAY<INTEGER>', '[null,2]', MAPS],
  ['MAP_KEYS(NO_MAP)', 'ARRAY<STRING>', 'null', MAPS],
  ['MAP_VALUES(NO_MAP)', 'ARRAY<INTEGER>', 'null', MAPS],
  ["MAP_UNION(MAP('apple' := 10, 'banana' := 20), MAP('cherry' := 99))", 'MAP<STRING, INTEGER>', '{"apple":10,"banana":20,"cherry":99}'],
  ["MAP_UNION(MAP('apple' := 10, 'banana' := 20), MAP('apple' := 50))", 'MAP<STRING, INTEGER>', '{"apple":50,"banana":20}'],
  ["MAP_UNION(MAP('foo' := 10, 'bar' := 20), NULL_VALUE)", 'MAP<STRING, INTEGER>', '{"foo":10,"bar":20,"a":null,"b":2}', MAPS],
  ["MAP_UNION(NO_MAP, MAP('foo' := 1))", 'MAP<STRING, INTEGER>', '{"foo":1}', MAPS],
  ["MAP_UNION(MAP('foo' := 1), NO_MAP)", 'MAP<STRING, INTEGER>', '{"foo":1}', MAPS],
  ['MAP_UNION(EMPTY_MAP, EMPTY_MAP)', 'MAP<STRING, INTEGER>', '{}', MAPS],
  ['MAP_UNION(NO_MAP, NO_MAP)', 'MAP<STRING, INTEGER>', 'null', MAPS],
];

const slice: Case[] = [
  ["SLICE(ARRAY['a', 'b', 'c', 'd'], 2, 3)", 'ARRAY<STRING>', '["b","c"]'],
  ["SLICE(ARRAY['a', 'b', 'c', 'd'], 1, 4)", 'ARRAY<STRING>', '["a","b","c","d"]'],
  ["SLICE(ARRAY['a', 'b', 'c', 'd'], 3, 3)", 'ARRAY<STRING>', '["c"]'],
  ["SLICE(ARRAY['a', 'b', 'c', 'd'], 3, 2)", 'ARRAY<STRING>', '[]'],
  ["SLICE(ARRAY['a', 'b', 'c', 'd'], 4, 2)", 'ARRAY<STRING>', 'null'],
  ["SLICE(ARRAY['a', 'b', 'c', 'd'], 0, 2)", 'ARRAY<STRING>', 'null'],
  ["SLICE(ARRAY['a', 'b', 'c', 'd'], 2, 5)", 'ARRAY<STRING>', 'null'],
  ["SLICE(ARRAY['a', 'b', 'c', 'd'], NO_INT, 2)", 'ARRAY<STRING>', '["a","b"]', INTS],
  ["SLICE(ARRAY['a', 'b', 'c', 'd'], 2, NO_INT)", 'ARRAY<STRING>', '["b","c","d"]', INTS],
  ["SLICE(ARRAY[ARRAY['a'], ARRAY['b'], ARRAY['c']], 2, 3)", 'ARRAY<ARRAY<STRING>>', '[["b"],["c"]]'],
  ["SLICE(ARRAY[MAP('a' := '1'), MAP('b' := '2'), MAP('c' := '3')], 2, 3)", 'ARRAY<MAP<STRING, STRING>>', '[{"b":"2"},{"c":"3"}]'],
  ['SLICE(NONE, 1, 2)', 'ARRAY<INTEGER>', 'null', INTS],
];

const transform: Case[] = [
  ['TRANSFORM(ARRAY[3, 6], x => x + 5)', 'ARRAY<INTEGER>', '[8,11]'],
  ['TRANSFORM(ARRAY[1, 2], x => x > 1)', 'ARRAY<BOOLEAN>', '[false,true]'],
  ["TRANSFORM(ARRAY['a', 'b'], (s) => s + '!')", 'ARRAY<STRING>', '["a!","b!"]'],
  // Lambdas see the row's columns and nest.
  ['TRANSFORM(ARRAY[1, 2], x => x * I)', 'ARRAY<INTEGER>', '[10,20]', INTS],
  ['TRANSFORM(ARRAY[ARRAY[1, 2], ARRAY[3]], a => TRANSFORM(a, x => x * 10))', 'ARRAY<ARRAY<INTEGER>>', '[[10,20],[30]]'],
  ['TRANSFORM(EMPTY, x => x + 1)', 'ARRAY<INTEGER>', '[]', INTS],
  ['TRANSFORM(NONE, x => x + 1)', 'ARRAY<INTEGER>', 'null', INTS],
  ["TRANSFORM(MAP('a' := 1, 'b' := 2), (k, v) => v, (k, v) => k)", 'MAP<INTEGER, STRING>', '{"1":"a","2":"b"}'],
  ["TRANSFORM(M, (k, v) => k + '!', (k, v) => v * 2)", 'MAP<STRING, INTEGER>', '{"12!":14,"123!":6,"1234!":4}', MAPS],
  // Collectors.toMap: a repeated key or a NULL value fails the call.
  ["TRANSFORM(MAP('a' := 1, 'b' := 1), (k, v) => v, (k, v) => k)", 'MAP<INTEGER, STRING>', 'null'],
  ["TRANSFORM(MAP('a' := 1), (k, v) => k, (k, v) => CAST(NULL AS INTEGER))", 'MAP<STRING, INTEGER>', 'null'],
  ['TRANSFORM(NO_MAP, (k, v) => k, (k, v) => v)', 'MAP<STRING, INTEGER>', 'null', MAPS],
  [
    'TRANSFORM(BIGINTS, x => ARRAY[STRUCT(X := I, Y := x)])',
    'ARRAY<ARRAY<STRUCT<`X` INTEGER, `Y` BIGINT>>>',
    '[[{"X":10,"Y":40}],[{"X":10,"Y":50}]]',
    { I: [INTEGER, 10], BIGINTS: [array(BIGINT), [40n, 50n]] },
  ],
];

const filter: Case[] = [
  ['FILTER(ARRAY[3, 6, 2, 10], x => x > 5)', 'ARRAY<INTEGER>', '[6,10]'],
  // A comparison with NULL keeps the element out (ksqlDB's comparisons give false).
  ['FILTER(WITH_NULL, x => x > 5)', 'ARRAY<INTEGER>', '[]', INTS],
  ['FILTER(WITH_NULL, x => x IS NULL)', 'ARRAY<INTEGER>', '[null]', INTS],
  ['FILTER(NONE, x => x > 5)', 'ARRAY<INTEGER>', 'null', INTS],
  ["FILTER(ARRAY['a', 'bb', 'ccc'], s => s <> 'bb')", 'ARRAY<STRING>', '["a","ccc"]'],
  ["FILTER(M, (k, v) => v > 2)", 'MAP<STRING, INTEGER>', '{"12":7,"123":3}', MAPS],
  ["FILTER(M, (k, v) => k = '1234')", 'MAP<STRING, INTEGER>', '{"1234":2}', MAPS],
  ['FILTER(NULL_VALUE, (k, v) => v IS NOT NULL)', 'MAP<STRING, INTEGER>', '{"b":2}', MAPS],
  // A kept entry with a NULL value fails the whole call (Collectors.toMap).
  ['FILTER(NULL_VALUE, (k, v) => TRUE)', 'MAP<STRING, INTEGER>', 'null', MAPS],
  ['FILTER(NO_MAP, (k, v) => TRUE)', 'MAP<STRING, INTEGER>', 'null', MAPS],
];

const reduce: Case[] = [
  ['REDUCE(ARRAY[1, 2, 3], 0, (s, x) => s + x)', 'INTEGER', '6'],
  ["REDUCE(ARRAY['blah', 'blah', 'blaaah'], '', (state, x) => state + x)", 'STRING', '"blahblahblaaah"'],
  ['REDUCE(ARRAY[1, 2], CAST(10 AS BIGINT), (s, x) => s + x)', 'BIGINT', '13'],
  ['REDUCE(NONE, 5, (s, x) => s + x)', 'INTEGER', '5', INTS],
  ['REDUCE(EMPTY, 5, (s, x) => s + x)', 'INTEGER', '5', INTS],
  ['REDUCE(ARRAY[1], NO_INT, (s, x) => s + x)', 'INTEGER', 'null', INTS],
  ["REDUCE(M, 0, (s, k, v) => CASE WHEN k = '1234' THEN s + v ELSE s - v END)", 'INTEGER', '-8', MAPS],
  ['REDUCE(M, 0, (s, k, v) => s + v)', 'INTEGER', '12', MAPS],
  ['REDUCE(NO_MAP, 7, (s, k, v) => s + v)', 'INTEGER', '7', MAPS],
  ['REDUCE(M, NO_BIGINT, (s, k, v) => v + s)', 'BIGINT', 'null', { ...MAPS, NO_BIGINT: [BIGINT, null] }],
  [
    'REDUCE(ARRAY[MAP(\'a\' := 1), MAP(\'b\' := 2, \'c\' := 3)], 5, (s, m) => s + REDUCE(m, 0, (t, k, v) => t + v))',
    'INTEGER',
    '11',
  ],
];

const families: [string, Case[]][] = [
  ['ARRAY_CONCAT', arrayConcat],
  ['ARRAY_CONTAINS', arrayContains],
  ['ARRAY_DISTINCT', arrayDistinct],
  ['ARRAY_EXCEPT', arrayExcept],
  ['ARRAY_INTERSECT', arrayIntersect],
  ['ARRAY_UNION', arrayUnion],
  ['ARRAY_JOIN', arrayJoin],
  ['ARRAY_LENGTH', arrayLength],
  ['ARRAY_MAX / ARRAY_MIN', arrayMaxMin],
  ['ARRAY_REMOVE', arrayRemove],
  ['ARRAY_SORT', arraySort],
  ['AS_MAP', asMap],
  ['ELT / FIELD', eltField],
  ['ENTRIES', entries],
  ['GENERATE_SERIES', generateSeries],
  ['MAP_KEYS / MAP_VALUES / MAP_UNION', mapFunctions],
  ['SLICE', slice],
  ['TRANSFORM', transform],
  ['FILTER', filter],
  ['REDUCE', reduce],
];

describe('functions: collections', () => {
  for (const [family, cases] of families) {
    describe(family, () => {
      for (const [expr, type, json, columns] of cases) {
        it(`${expr} → ${json}`, () => {
          const r = evaluate(expr, columns);
          expect([r.type, r.json]).to.deep.equal([type, json]);
        });
      }
    });
  }

  describe('values from columns', () => {
    it('compares BIGINT, DECIMAL and BYTES elements by value', () => {
      const cols: Columns = {
        B: [array(BIGINT), [1n, 5000000000n, 1n]],
        D: [array(decimal(3, 2)), [Decimal.parse('1.10'), Decimal.parse('1.10'), Decimal.parse('2.00')]],
        Y: [array(BYTES), [Buffer.from([1, 2]), Buffer.from([1, 2]), Buffer.from([0xff])]],
      };
      expect(evaluate('ARRAY_DISTINCT(B)', cols).json).to.equal('[1,5000000000]');
      expect(evaluate('ARRAY_DISTINCT(D)', cols).json).to.equal('[1.10,2.00]');
      expect(evaluate('ARRAY_LENGTH(ARRAY_DISTINCT(Y))', cols).json).to.equal('2');
      // ByteBuffer.compareTo compares signed bytes: 0xFF (-1) sorts before 0x01.
      expect(evaluate('ARRAY_SORT(Y)', cols).json).to.equal('["/w==","AQI=","AQI="]');
    });

    it('keeps doubles NaN-equal and orders NaN last', () => {
      const cols: Columns = { X: [array(DOUBLE), [NaN, 1, NaN, -Infinity]] };
      expect(evaluate('ARRAY_DISTINCT(X)', cols).json).to.equal('["NaN",1.0,"-Infinity"]');
      expect(evaluate('ARRAY_SORT(X)', cols).json).to.equal('["-Infinity",1.0,"NaN","NaN"]');
      expect(evaluate('ARRAY_MAX(X)', cols).json).to.equal('"NaN"');
    });

    it('sorts booleans false first', () => {
      expect(evaluate('ARRAY_SORT(X)', { X: [array(BOOLEAN), [true, null, false]] }).json).to.equal('[false,true,null]');
    });
  });

  describe('signatures', () => {
    const rejected: [string, RegExp][] = [
      ["ARRAY_LENGTH('abc')", /^Function 'array_length' does not accept parameters \(STRING\)\.$/],
      ["ENTRIES(MAP('a' := ARRAY[1]), TRUE)", /^Function 'entries' does not accept parameters \(MAP<STRING, ARRAY<INTEGER>>, BOOLEAN\)\.$/],
      ['GENERATE_SERIES(1, 5, 10000000000)', /^Function 'generate_series' does not accept parameters \(INTEGER, INTEGER, BIGINT\)\.$/],
      ["MAP_KEYS(MAP(1 := 'a'))", /^Function 'map_keys' does not accept parameters \(MAP<INTEGER, STRING>\)\.$/],
      ["AS_MAP(ARRAY[1], ARRAY['a'])", /^Function 'as_map' does not accept parameters \(ARRAY<INTEGER>, ARRAY<STRING>\)\.$/],
      ['SLICE(ARRAY[1], 1, 10000000000)', /does not accept parameters/],
      ["ARRAY_CONTAINS(ARRAY[1], 'a')", /does not accept parameters/],
      ['TRANSFORM(ARRAY[1], (x, y) => x)', /^Function 'transform' does not accept parameters \(ARRAY<INTEGER>, LAMBDA \(X, Y\)\)\.$/],
      ['FILTER(ARRAY[1], x => x + 1)', /does not accept parameters/],
      ["REDUCE(ARRAY[1], 'a', (s, x) => s + x)", /./],
      ['ELT(1, 2)', /does not accept parameters/],
    ];
    for (const [expr, message] of rejected) {
      it(`rejects ${expr}`, () => {
        expect(compileError(expr)).to.match(message);
      });
    }
  });
});
