/**
 * String functions: types and values as ksqlDB prints them. Expected values follow ksqlDB's
 * documented examples, its QTT cases (chr, concat, encode, instr, md5, regex, replace, split,
 * split-to-map, string-lpad-rpad, substring) and the Java library semantics its UDFs rely on.
 */
import { expect } from 'chai';
import { INTEGER, STRING } from '../../src/sql/types.js';
import { compileError, evaluate, itEvaluates } from '../support/eval-expression.js';

type Case = [expression: string, type: string, json: string];

const cases: Record<string, Case[]> = {
  CHR: [
    ['CHR(75)', 'STRING', '"K"'],
    ['CHR(22909)', 'STRING', '"好"'],
    // (supplementary characters shown as UTF-8 hex: the row writer escapes them)
    ["ENCODE(CHR(99000), 'utf8', 'hex')", 'STRING', '"f0988ab8"'],
    ['CHR(-1)', 'STRING', 'null'],
    ['CHR(1114112)', 'STRING', 'null'],
    ["CHR('\\u004b')", 'STRING', '"K"'],
    ["CHR('\\u597d')", 'STRING', '"好"'],
    ["ENCODE(CHR('\\ud820\\udeb8'), 'utf8', 'hex')", 'STRING', '"f0988ab8"'],
    ["CHR('\\u004bxyz')", 'STRING', '"Kxyz"'],
    ["CHR('75')", 'STRING', 'null'],
    ["CHR('004b')", 'STRING', 'null'],
    ["CHR('bogus')", 'STRING', 'null'],
    ["CHR('')", 'STRING', 'null'],
    ["CHR('\\u00zz')", 'STRING', 'null'],
  ],
  CONCAT: [
    ["CONCAT('prefix-', 's1', '-postfix')", 'STRING', '"prefix-s1-postfix"'],
    ["CONCAT('a', NULL, 'b')", 'STRING', '"ab"'],
    ["CONCAT('a')", 'STRING', '"a"'],
    ["CONCAT('\"', CONCAT('foo', '\\'))", 'STRING', '"\\"foo\\\\"'],
    ["ENCODE(CONCAT('😀', 'x'), 'utf8', 'hex')", 'STRING', '"f09f988078"'],
    ["CONCAT(TO_BYTES('yes', 'utf8'), NULL, TO_BYTES('no', 'utf8'))", 'BYTES', '"eWVzbm8="'],
    ["CONCAT(TO_BYTES('', 'utf8'), TO_BYTES('no', 'utf8'))", 'BYTES', '"bm8="'],
  ],
  CONCAT_WS: [
    ["CONCAT_WS('SEP', 'foo', 'bar', 'baz', NULL, 'literal')", 'STRING', '"fooSEPbarSEPbazSEPliteral"'],
    ["CONCAT_WS('SEP', NULL, NULL, 'literal')", 'STRING', '"literal"'],
    ["CONCAT_WS(', ', NULL, NULL)", 'STRING', '""'],
    ["CONCAT_WS(NULL, 'a', 'b')", 'STRING', 'null'],
    // fewer than two arguments fails at run time
    ["CONCAT_WS('-')", 'STRING', 'null'],
    ["CONCAT_WS(TO_BYTES('a', 'utf8'), TO_BYTES('b', 'utf8'), TO_BYTES('yes', 'utf8'), NULL, TO_BYTES('no', 'utf8'))", 'BYTES', '"YmF5ZXNhbm8="'],
  ],
  ENCODE: [
    ["ENCODE('4578616d706C6521', 'hex', 'ascii')", 'STRING', '"Example!"'],
    ["ENCODE('4578616d706C6521', 'hex', 'base64')", 'STRING', '"RXhhbXBsZSE="'],
    ["ENCODE('ce95cebbcebbceacceb4ceb1', 'hex', 'utf8')", 'STRING', '"Ελλάδα"'],
    // bytes above 0x7F are not ASCII
    ["ENCODE('c39c6265726d656e736368', 'hex', 'ascii')", 'STRING', '"��bermensch"'],
    ["ENCODE('0x4578616d706C6521', 'hex', 'utf8')", 'STRING', '"Example!"'],
    ["ENCODE('X''4578616d706C6521''', 'hex', 'utf8')", 'STRING', '"Example!"'],
    ["ENCODE('x''''', 'hex', 'utf8')", 'STRING', '""'],
    // an odd digit count after 0x gets a leading zero
    ["ENCODE('0x578616d706C6521', 'hex', 'base64')", 'STRING', '"BXhhbXBsZSE="'],
    ["ENCODE('578616d706C6521', 'hex', 'utf8')", 'STRING', 'null'],
    ["ENCODE('0x0x', 'hex', 'utf8')", 'STRING', 'null'],
    ["ENCODE('X''', 'hex', 'utf8')", 'STRING', 'null'],
    ["ENCODE('Example!', 'ascii', 'hex')", 'STRING', '"4578616d706c6521"'],
    ["ENCODE('Ελλάδα', 'ascii', 'hex')", 'STRING', '"3f3f3f3f3f3f"'],
    ["ENCODE('Ελλάδα', 'ascii', 'utf8')", 'STRING', '"??????"'],
    ["ENCODE('Ελλάδα', 'ascii', 'base64')", 'STRING', '"Pz8/Pz8/"'],
    ["ENCODE('é', 'utf8', 'ascii')", 'STRING', '"��"'],
    ["ENCODE('Example!', 'UTF8', 'HEX')", 'STRING', '"4578616d706c6521"'],
    // commons-codec Base64 is lenient: no padding, skipped characters, URL-safe alphabet
    ["ENCODE('RXhhbXBsZSE', 'base64', 'utf8')", 'STRING', '"Example!"'],
    ["ENCODE('RXhh bXBs ZSE=', 'base64', 'ascii')", 'STRING', '"Example!"'],
    ["ENCODE('_w', 'base64', 'hex')", 'STRING', '"ff"'],
    ["ENCODE('abc', 'utf8', 'utf8')", 'STRING', 'null'],
    ["ENCODE('abc', 'utf16', 'hex')", 'STRING', 'null'],
    ["ENCODE(NULL, 'hex', 'utf8')", 'STRING', 'null'],
  ],
  INITCAP: [
    ["INITCAP('the quick BROWN fox')", 'STRING', '"The Quick Brown Fox"'],
    // whitespace before the first word is not kept
    ["INITCAP('  hello   world ')", 'STRING', '"Hello   World "'],
    ["INITCAP('o''neil mc-donald')", 'STRING', '"O\'neil Mc-donald"'],
    ["INITCAP('ßtraße')", 'STRING', '"SStraße"'],
    ["INITCAP('')", 'STRING', '""'],
  ],
  INSTR: [
    ["INSTR('CORPORATE FLOOR', 'OR')", 'INTEGER', '2'],
    ["INSTR('CORPORATE FLOOR', 'OR', 3)", 'INTEGER', '5'],
    ["INSTR('CORPORATE FLOOR', 'OR', 3, 2)", 'INTEGER', '14'],
    ["INSTR('CORPORATE FLOOR', 'OR', -3)", 'INTEGER', '5'],
    ["INSTR('CORPORATE FLOOR', 'OR', -3, 2)", 'INTEGER', '2'],
    ["INSTR('CORPORATE FLOOR', 'MISSING')", 'INTEGER', '0'],
    ["INSTR('should I stay or should I go', 'or')", 'INTEGER', '15'],
    ["INSTR('short', 'or', 4)", 'INTEGER', '0'],
    ["INSTR('aaaa', 'aa', 1, 2)", 'INTEGER', '2'],
    ["INSTR('abc', '')", 'INTEGER', '1'],
    ["INSTR('abc', 'a', 10)", 'INTEGER', '0'],
    ["INSTR('abc', 'a', 1, 0)", 'INTEGER', '0'],
    ["INSTR(NULL, 'a')", 'INTEGER', '0'],
    ["INSTR('abc', 'b', NULL)", 'INTEGER', 'null'],
  ],
  LCASE: [
    ["LCASE('Hello WORLD')", 'STRING', '"hello world"'],
    ["LEN(LCASE('İ'))", 'INTEGER', '2'],
    ['LCASE(NULL)', 'STRING', 'null'],
  ],
  UCASE: [
    ["UCASE('Hello world')", 'STRING', '"HELLO WORLD"'],
    ["UCASE('straße')", 'STRING', '"STRASSE"'],
  ],
  LEN: [
    ["LEN('ABC')", 'INTEGER', '3'],
    ["LEN('')", 'INTEGER', '0'],
    // UTF-16 code units, as Java's String.length()
    ["LEN('😀')", 'INTEGER', '2'],
    ["LEN(TO_BYTES('YWJj', 'base64'))", 'INTEGER', '3'],
    ["LEN(TO_BYTES('é', 'utf8'))", 'INTEGER', '2'],
  ],
  LPAD: [
    ["LPAD('Foo', 7, 'Bar')", 'STRING', '"BarBFoo"'],
    ["LPAD('foo', 5, 'Bar')", 'STRING', '"Bafoo"'],
    ["LPAD('Foo', 2, 'Bar')", 'STRING', '"Fo"'],
    ["LPAD('', 2, 'Bar')", 'STRING', '"Ba"'],
    ["LPAD('', 7, 'Bar')", 'STRING', '"BarBarB"'],
    ["LPAD('123', 5, '0')", 'STRING', '"00123"'],
    ["LPAD('foo', 0, 'x')", 'STRING', '""'],
    ["LPAD('foo', -1, 'Bar')", 'STRING', 'null'],
    ["LPAD('foo', 7, '')", 'STRING', 'null'],
    ["LPAD('foo', 7, NULL)", 'STRING', 'null'],
    ["LPAD(TO_BYTES('yes', 'utf8'), 8, TO_BYTES('no', 'utf8'))", 'BYTES', '"bm9ub255ZXM="'],
    ["LPAD(TO_BYTES('yes', 'utf8'), 5, TO_BYTES('no', 'utf8'))", 'BYTES', '"bm95ZXM="'],
    ["LPAD(TO_BYTES('yes', 'utf8'), 2, TO_BYTES('no', 'utf8'))", 'BYTES', '"eWU="'],
    ["LPAD(TO_BYTES('yes', 'utf8'), 0, TO_BYTES('no', 'utf8'))", 'BYTES', '""'],
    ["LPAD(TO_BYTES('yes', 'utf8'), -1, TO_BYTES('no', 'utf8'))", 'BYTES', 'null'],
    ["LPAD(TO_BYTES('yes', 'utf8'), 3, TO_BYTES('', 'utf8'))", 'BYTES', 'null'],
  ],
  RPAD: [
    ["RPAD('Foo', 7, 'Bar')", 'STRING', '"FooBarB"'],
    ["RPAD('Foo', 2, 'Bar')", 'STRING', '"Fo"'],
    ["RPAD('', 2, 'Bar')", 'STRING', '"Ba"'],
    ["RPAD('foo', -1, 'Bar')", 'STRING', 'null'],
    ["RPAD(TO_BYTES('yes', 'utf8'), 8, TO_BYTES('no', 'utf8'))", 'BYTES', '"eWVzbm9ub24="'],
    ["RPAD(TO_BYTES('yes', 'utf8'), 2, TO_BYTES('no', 'utf8'))", 'BYTES', '"eWU="'],
  ],
  MASK: [
    ["MASK('My Test $123')", 'STRING', '"Xx-Xxxx--nnn"'],
    ["MASK('My Test $123', '*', NULL, '1', NULL)", 'STRING', '"*y *est $111"'],
    ["MASK('AbC1', 'XX', NULL, NULL, NULL)", 'STRING', 'null'],
    // Unicode letter and digit categories
    ["MASK('ÀéΣ٣')", 'STRING', '"XxXn"'],
    // every UTF-16 position is masked: a supplementary character gives two masks
    ["MASK('a😀')", 'STRING', '"x--"'],
  ],
  MASK_KEEP_LEFT: [
    ["MASK_KEEP_LEFT('My Test $123', 4)", 'STRING', '"My Txxx--nnn"'],
    ["MASK_KEEP_LEFT('abc', 10)", 'STRING', '"abc"'],
    ["MASK_KEEP_LEFT('abcD', 1, 'U', 'l', NULL, NULL)", 'STRING', '"allU"'],
    ["MASK_KEEP_LEFT('abc', -1)", 'STRING', 'null'],
  ],
  MASK_KEEP_RIGHT: [
    ["MASK_KEEP_RIGHT('My Test $123', 4)", 'STRING', '"Xx-Xxxx-$123"'],
    ["MASK_KEEP_RIGHT('abc', 0)", 'STRING', '"xxx"'],
  ],
  MASK_LEFT: [
    ["MASK_LEFT('My Test $123', 4)", 'STRING', '"Xx-Xest $123"'],
    ["MASK_LEFT('abc', 10)", 'STRING', '"xxx"'],
    ["MASK_LEFT('aBc', 2, '*', '#', NULL, NULL)", 'STRING', '"#*c"'],
    ["MASK_LEFT('abc', NULL)", 'STRING', 'null'],
  ],
  MASK_RIGHT: [
    ["MASK_RIGHT('My Test $123', 4)", 'STRING', '"My Test -nnn"'],
    ["MASK_RIGHT('abc', -2)", 'STRING', 'null'],
  ],
  MD5: [
    ["MD5('r1')", 'STRING', '"7c92cf1eee8d99cc85f8355a3d6e4b86"'],
    ["MD5('')", 'STRING', '"d41d8cd98f00b204e9800998ecf8427e"'],
    ["MD5(' ')", 'STRING', '"7215ee9c7d9dc229d2921a40e899ec5f"'],
    ["MD5('  ')", 'STRING', '"23b58def11b45727d3351702515f86af"'],
  ],
  REPLACE: [
    ["REPLACE('anaconda', 'a', 'o')", 'STRING', '"onocondo"'],
    ["REPLACE('popcorn', 'a', 'o')", 'STRING', '"popcorn"'],
    ["REPLACE('aaa', 'aa', 'b')", 'STRING', '"ba"'],
    ["REPLACE('a$b.c', '$', '$$')", 'STRING', '"a$$b.c"'],
    ["REPLACE('abc', '', '-')", 'STRING', '"-a-b-c-"'],
    ["REPLACE('', '', '-')", 'STRING', '"-"'],
    ["REPLACE('anaconda', NULL, 'o')", 'STRING', 'null'],
    ["REPLACE('anaconda', 'a', NULL)", 'STRING', 'null'],
  ],
  REGEXP_EXTRACT: [
    ["REGEXP_EXTRACT('test.', 'some_test_string')", 'STRING', '"test_"'],
    ["REGEXP_EXTRACT('test.', 'anothertest')", 'STRING', 'null'],
    ["REGEXP_EXTRACT('(.*) (.*)', 'hello there', 2)", 'STRING', '"there"'],
    ["REGEXP_EXTRACT('.*', REGEXP_EXTRACT('(.*) (.*)', 'steven zhang', 2))", 'STRING', '"zhang"'],
    ["REGEXP_EXTRACT('(([AEIOU]).)', 'xAbc', 2)", 'STRING', '"A"'],
    ["REGEXP_EXTRACT('\\d+', 'abc123def')", 'STRING', '"123"'],
    // a group that did not take part, a group the pattern lacks, a negative group
    ["REGEXP_EXTRACT('(a)|(b)', 'b', 1)", 'STRING', 'null'],
    ["REGEXP_EXTRACT('a', 'a', 1)", 'STRING', 'null'],
    ["REGEXP_EXTRACT('a', 'a', -1)", 'STRING', 'null'],
    ["REGEXP_EXTRACT('[', 'x')", 'STRING', 'null'],
    ["REGEXP_EXTRACT('x*', 'abc')", 'STRING', '""'],
    // Java syntax: inline flags, possessive quantifiers, named groups, class intersection
    ["REGEXP_EXTRACT('(?i)HELLO', 'say hello')", 'STRING', '"hello"'],
    ["REGEXP_EXTRACT('a(?i:b)c', 'aBc')", 'STRING', '"aBc"'],
    ["REGEXP_EXTRACT('a(?i:b)c', 'abC')", 'STRING', 'null'],
    ["REGEXP_EXTRACT('a++b', 'aab')", 'STRING', '"aab"'],
    ["REGEXP_EXTRACT('a++a', 'aaa')", 'STRING', 'null'],
    ["REGEXP_EXTRACT('(?>ab|a)c', 'ac')", 'STRING', '"ac"'],
    ["REGEXP_EXTRACT('(?>a|ab)c', 'abc')", 'STRING', 'null'],
    ["REGEXP_EXTRACT('(?<year>\\d{4})-(\\d\\d)', 'on 2024-05', 2)", 'STRING', '"05"'],
    ["REGEXP_EXTRACT('(?<d>\\d)\\k<d>', 'a1223')", 'STRING', '"22"'],
    ["REGEXP_EXTRACT('[a-z&&[^aeiou]]+', 'aeixyz')", 'STRING', '"xyz"'],
    ["REGEXP_EXTRACT('[a-c[x-z]]+', 'mbxaq')", 'STRING', '"bxa"'],
    ["REGEXP_EXTRACT('\\p{Lu}+', 'abcDEFghi')", 'STRING', '"DEF"'],
    ["REGEXP_EXTRACT('\\p{IsGreek}+', 'abc αβγ')", 'STRING', '"αβγ"'],
    ["REGEXP_EXTRACT('\\p{Punct}+', 'ab!?c')", 'STRING', '"!?"'],
    ["REGEXP_EXTRACT('\\Qa.b\\E', 'axb a.b')", 'STRING', '"a.b"'],
    ["LEN(REGEXP_EXTRACT('.', '😀x'))", 'INTEGER', '2'],
    // \w is ASCII unless (?U); \b uses letters and digits of any script
    ["REGEXP_EXTRACT('\\w+', 'héllo')", 'STRING', '"h"'],
    ["REGEXP_EXTRACT('(?U)\\w+', 'héllo')", 'STRING', '"héllo"'],
    ["REGEXP_EXTRACT('\\bfoo', 'éfoo')", 'STRING', 'null'],
    ["REGEXP_EXTRACT('(?x) a b  # comment', 'ab')", 'STRING', '"ab"'],
    ["REGEXP_EXTRACT('*a', 'a')", 'STRING', 'null'],
    ["REGEXP_EXTRACT('\\y', 'y')", 'STRING', 'null'],
  ],
  REGEXP_EXTRACT_ALL: [
    ["REGEXP_EXTRACT_ALL('(\\w+) (\\w+)', 'hello there nice day', 2)", 'ARRAY<STRING>', '["there","day"]'],
    ["REGEXP_EXTRACT_ALL('(\\w+) (\\w*)', 'apurva mehta agavra ', 2)", 'ARRAY<STRING>', '["mehta",""]'],
    ["REGEXP_EXTRACT_ALL('(\\w+) (\\w*)', 'agavra', 2)", 'ARRAY<STRING>', '[]'],
    ["REGEXP_EXTRACT_ALL('\\d', 'a1b2c3')", 'ARRAY<STRING>', '["1","2","3"]'],
    ["REGEXP_EXTRACT_ALL('(a)|(b)', 'ab', 2)", 'ARRAY<STRING>', '[null,"b"]'],
    ["REGEXP_EXTRACT_ALL('a', 'a', 2)", 'ARRAY<STRING>', 'null'],
    ["REGEXP_EXTRACT_ALL('x*', 'axx')", 'ARRAY<STRING>', '["","xx",""]'],
    ["REGEXP_EXTRACT_ALL('', 'ab')", 'ARRAY<STRING>', '["","",""]'],
  ],
  REGEXP_REPLACE: [
    ["REGEXP_REPLACE('baababaa', '(ab)+', 'cat')", 'STRING', '"bacataa"'],
    ["REGEXP_REPLACE('baabbabaa', '(ab)+', 'cat')", 'STRING', '"bacatbcataa"'],
    ["REGEXP_REPLACE('John Smith', '(\\w+) (\\w+)', '$2, $1')", 'STRING', '"Smith, John"'],
    ["REGEXP_REPLACE('a1b22', '\\d+', '<$0>')", 'STRING', '"a<1>b<22>"'],
    ["REGEXP_REPLACE('abc', '(?<x>b)', '[${x}]')", 'STRING', '"a[b]c"'],
    ["REGEXP_REPLACE('a.b', '\\.', '\\$')", 'STRING', '"a$b"'],
    ["REGEXP_REPLACE('abc', 'x*', '-')", 'STRING', '"-a-b-c-"'],
    // $10 is group 10 when there is one, else group 1 and a '0'
    ["REGEXP_REPLACE('abcdefghij', '(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)', '$10$1')", 'STRING', '"ja"'],
    ["REGEXP_REPLACE('abcdefghi', '(a)(b)(c)(d)(e)(f)(g)(h)(i)', '$10')", 'STRING', '"a0"'],
    // bad group references fail, but only once something matched
    ["REGEXP_REPLACE('abc', 'b', '$1')", 'STRING', 'null'],
    ["REGEXP_REPLACE('abc', 'b', '$')", 'STRING', 'null'],
    ["REGEXP_REPLACE('abc', 'z', '$1')", 'STRING', '"abc"'],
    ["REGEXP_REPLACE('abc', '[', 'x')", 'STRING', 'null'],
    ["REGEXP_REPLACE('baababaa', NULL, 'cat')", 'STRING', 'null'],
  ],
  REGEXP_SPLIT_TO_ARRAY: [
    ["REGEXP_SPLIT_TO_ARRAY('a.b+c', '\\.|\\+')", 'ARRAY<STRING>', '["a","b","c"]'],
    ["REGEXP_SPLIT_TO_ARRAY('.abc.', '\\.')", 'ARRAY<STRING>', '["","abc",""]'],
    ["REGEXP_SPLIT_TO_ARRAY('a,b,,', ',')", 'ARRAY<STRING>', '["a","b","",""]'],
    ["REGEXP_SPLIT_TO_ARRAY('abc', 'x')", 'ARRAY<STRING>', '["abc"]'],
    ["REGEXP_SPLIT_TO_ARRAY('abc', '')", 'ARRAY<STRING>', '["a","b","c"]'],
    ["REGEXP_SPLIT_TO_ARRAY('', 'x')", 'ARRAY<STRING>', '[""]'],
    // patterns that match the empty string split as Pattern.split: trailing empties dropped
    ["REGEXP_SPLIT_TO_ARRAY('a,b,,', ',*')", 'ARRAY<STRING>', '["a","","b"]'],
    ["REGEXP_SPLIT_TO_ARRAY('abab', '(?=b)')", 'ARRAY<STRING>', '["a","ba","b"]'],
    ["REGEXP_SPLIT_TO_ARRAY('abc', NULL)", 'ARRAY<STRING>', 'null'],
  ],
  SPLIT: [
    ["SPLIT('a.b.c', '.')", 'ARRAY<STRING>', '["a","b","c"]'],
    ["SPLIT('.abc.', '.')", 'ARRAY<STRING>', '["","abc",""]'],
    ["SPLIT('..a..', '.')", 'ARRAY<STRING>', '["","","a","",""]'],
    ["SPLIT('a$$b.c', '$$')", 'ARRAY<STRING>', '["a","b.c"]'],
    ["SPLIT('abc', '')", 'ARRAY<STRING>', '["a","b","c"]'],
    ["SPLIT('', '')", 'ARRAY<STRING>', '[""]'],
    ["SPLIT('', ',')", 'ARRAY<STRING>', '[""]'],
    ["SPLIT(TO_BYTES('a.b.c', 'utf8'), TO_BYTES('.', 'utf8'))", 'ARRAY<BYTES>', '["YQ==","Yg==","Yw=="]'],
    ["SPLIT(TO_BYTES('.abc.', 'utf8'), TO_BYTES('.', 'utf8'))", 'ARRAY<BYTES>', '["","YWJj",""]'],
    ["SPLIT(TO_BYTES('ab', 'utf8'), TO_BYTES('', 'utf8'))", 'ARRAY<BYTES>', '["YQ==","Yg=="]'],
    ["SPLIT(TO_BYTES('', 'utf8'), TO_BYTES('.', 'utf8'))", 'ARRAY<BYTES>', '[""]'],
    // ksqlDB's byte comparison checks a later candidate only against its first byte
    ["SPLIT(TO_BYTES('x$a', 'utf8'), TO_BYTES('$$', 'utf8'))", 'ARRAY<BYTES>', '["eA==",""]'],
    ["SPLIT('a', NULL)", 'ARRAY<STRING>', 'null'],
  ],
  SPLIT_TO_MAP: [
    // HashMap order, as ksqlDB prints it
    ["SPLIT_TO_MAP('apple:green/banana:yellow/cherry:red', '/', ':')", 'MAP<STRING, STRING>', '{"banana":"yellow","apple":"green","cherry":"red"}'],
    ["SPLIT_TO_MAP('x=1/c=2/a=3', '/', '=')", 'MAP<STRING, STRING>', '{"a":"3","c":"2","x":"1"}'],
    ["SPLIT_TO_MAP('apple:green/banana:yellow/cherry:red', '&&', ':')", 'MAP<STRING, STRING>', '{"apple":"green/banana"}'],
    ["SPLIT_TO_MAP('apple:green//banana:yellow//cherry:red/', '/', ':')", 'MAP<STRING, STRING>', '{"banana":"yellow","apple":"green","cherry":"red"}'],
    ["SPLIT_TO_MAP('apple:green/banana:yellow', '/', '=')", 'MAP<STRING, STRING>', '{}'],
    ["SPLIT_TO_MAP('a=1/a=2', '/', '=')", 'MAP<STRING, STRING>', '{"a":"2"}'],
    ["SPLIT_TO_MAP('a=1=2', '/', '=')", 'MAP<STRING, STRING>', '{"a":"1"}'],
    ["SPLIT_TO_MAP('', '/', ':')", 'MAP<STRING, STRING>', '{}'],
    ["SPLIT_TO_MAP('a:b', '', ':')", 'MAP<STRING, STRING>', 'null'],
    ["SPLIT_TO_MAP('a:b', '/', '')", 'MAP<STRING, STRING>', 'null'],
    ["SPLIT_TO_MAP('a:b', ':', ':')", 'MAP<STRING, STRING>', 'null'],
    ["SPLIT_TO_MAP('a:b', NULL, ':')", 'MAP<STRING, STRING>', 'null'],
  ],
  SUBSTRING: [
    ["SUBSTRING('stream', 1, 4)", 'STRING', '"stre"'],
    ["SUBSTRING('some_string', 6)", 'STRING', '"string"'],
    ["SUBSTRING('short', 6)", 'STRING', '""'],
    ["SUBSTRING('another', 6, 3)", 'STRING', '"er"'],
    ["SUBSTRING('abc', 0)", 'STRING', '"abc"'],
    ["SUBSTRING('abc', -2)", 'STRING', '"bc"'],
    ["SUBSTRING('abc', -5, 2)", 'STRING', '"ab"'],
    ["SUBSTRING('abc', 2, -1)", 'STRING', '""'],
    // start + length overflows a Java int
    ["SUBSTRING('abc', 2, 2147483647)", 'STRING', '""'],
    ["LEN(SUBSTRING('😀x', 2))", 'INTEGER', '2'],
    ["SUBSTRING('abc', NULL)", 'STRING', 'null'],
    ["SUBSTRING('abc', 1, NULL)", 'STRING', 'null'],
    ["SUBSTRING(TO_BYTES('some_string', 'utf8'), 6)", 'BYTES', '"c3RyaW5n"'],
    ["SUBSTRING(TO_BYTES('some_string', 'utf8'), 6, 3)", 'BYTES', '"c3Ry"'],
    ["SUBSTRING(TO_BYTES('short', 'utf8'), 6)", 'BYTES', '""'],
    ["SUBSTRING(TO_BYTES('abc', 'utf8'), -1)", 'BYTES', '"Yw=="'],
  ],
  TRIM: [
    ["TRIM('  a b  ')", 'STRING', '"a b"'],
    ["TRIM('   ')", 'STRING', '""'],
  ],
  LTRIM: [["LTRIM('  a b  ')", 'STRING', '"a b  "']],
  RTRIM: [["RTRIM('  a b  ')", 'STRING', '"  a b"']],
  UUID: [
    ["UUID(TO_BYTES('00112233445566778899aabbccddeeff', 'hex'))", 'STRING', '"00112233-4455-6677-8899-aabbccddeeff"'],
    ["UUID(TO_BYTES('0011', 'hex'))", 'STRING', 'null'],
    ['LEN(UUID())', 'INTEGER', '36'],
  ],
};

describe('functions: strings', () => {
  itEvaluates(cases);

  it('gives NULL for NULL columns, and 0 from INSTR', () => {
    const cols = { S: [STRING, null], N: [INTEGER, null] } as const;
    for (const expr of ['LCASE(S)', 'LEN(S)', 'CHR(N)', 'SUBSTRING(S, 1)', 'TRIM(S)', 'INITCAP(S)', 'MASK(S)', 'MASK_LEFT(S, 1)', 'MD5(S)', 'SPLIT(S, \',\')']) {
      expect(evaluate(expr, cols).json, expr).to.equal('null');
    }
    expect(evaluate("INSTR(S, 'a')", cols).json).to.equal('0');
  });

  it('trims control characters and handles line terminators in patterns', () => {
    const cols = { S: [STRING, '\t\u0001x y\n'], M: [STRING, 'a\nb\r\nc'] } as const;
    expect(evaluate('TRIM(S)', cols).json).to.equal('"x y"');
    expect(evaluate('LTRIM(S)', cols).json).to.equal('"x y\\n"');
    expect(evaluate("REGEXP_EXTRACT_ALL('(?m)^.', M)", cols).json).to.equal('["a","b","c"]');
    expect(evaluate("REGEXP_EXTRACT_ALL('.$', M)", cols).json).to.equal('["c"]');
    expect(evaluate("REGEXP_EXTRACT_ALL('(?m).$', M)", cols).json).to.equal('["a","b","c"]');
    expect(evaluate("REGEXP_EXTRACT('(?s)a.b', M)", cols).json).to.equal('"a\\nb"');
    expect(evaluate("REGEXP_EXTRACT('a.b', M)", cols).json).to.equal('null');
  });

  it('moves past supplementary characters after empty matches', () => {
    expect(evaluate("REGEXP_SPLIT_TO_ARRAY('a😀b', '(?=b)|(?<=a)')").value).to.deep.equal(['a', '😀', 'b']);
    expect(evaluate("REGEXP_REPLACE('😀x', 'x*', '-')").value).to.equal('-😀--');
    // an empty pattern splits UTF-16 units, as Pattern.split does
    expect(evaluate("REGEXP_SPLIT_TO_ARRAY('😀', '')").value).to.deep.equal(['\ud83d', '\ude00']);
  });

  it('creates a different random UUID per row', () => {
    const a = evaluate('UUID()').json;
    expect(a).to.match(/^"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"$/);
    expect(evaluate('UUID()').json).to.not.equal(a);
  });

  it("rejects other argument types with ksqlDB's message", () => {
    expect(compileError('LEN(1)')).to.match(/Function 'len' does not accept parameters \(INTEGER\)\.$/);
    expect(compileError("CONCAT('a', 1)")).to.match(/Function 'concat' does not accept parameters \(STRING, INTEGER\)\.$/);
    expect(compileError("SPLIT('a', TO_BYTES('b', 'utf8'))")).to.match(/Function 'split' does not accept parameters \(STRING, BYTES\)\.$/);
    expect(compileError("LPAD('a', 2, TO_BYTES('b', 'utf8'))")).to.match(/Function 'lpad' does not accept parameters \(STRING, INTEGER, BYTES\)\.$/);
  });
});
