import { expect } from 'chai';
import {
  JsonFloat,
  JsonSyntaxError,
  parseJsonFast,
  parseJsonLossless,
  type JsonObject,
  type JsonValue,
} from '../../src/codec/json-parse.js';

type Parse = (text: string, options?: { maxDepth?: number }) => JsonValue;
const PAD = ' '.repeat(100); // long enough for parseJsonFast to try JSON.parse first

// [name, parse, offset added to error positions]
const parsers: ReadonlyArray<readonly [string, Parse, number]> = [
  ['parseJsonLossless', parseJsonLossless, 0],
  ['parseJsonFast', parseJsonFast, 0],
  ['parseJsonFast, padded to 100+ chars', (text, options) => parseJsonFast(PAD + text, options), PAD.length],
];

/** Replaces JsonFloat by a tagged string so results compare with deep.equal. */
function plain(v: JsonValue): unknown {
  if (v instanceof JsonFloat) return `float:${v.text}`;
  if (Array.isArray(v)) return v.map(plain);
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  }
  return v;
}

describe('JSON parsing', () => {
  for (const [name, parse, offset] of parsers) {
    describe(name, () => {
      const cases: ReadonlyArray<readonly [string, unknown]> = [
        ['11', 11],
        ['11.0', 'float:11.0'],
        ['-0', -0],
        ['0', 0],
        ['1e3', 'float:1e3'],
        ['-1.50E-2', 'float:-1.50E-2'],
        ['123456789012345', 123456789012345],
        ['9007199254740991', 9007199254740991],
        ['9007199254740992', 9007199254740992n],
        ['9007199254740993', 9007199254740993n],
        ['-9007199254740993', -9007199254740993n],
        ['123456789012345678901234567890', 123456789012345678901234567890n],
        ['true', true],
        ['false', false],
        ['null', null],
        ['"plain"', 'plain'],
        ['"\\"\\\\\\/\\b\\f\\n\\r\\t"', '"\\/\b\f\n\r\t'],
        ['"\\u00e9\\u00E9"', 'éé'],
        ['"\\ud83d\\ude00"', '😀'],
        ['"\\ud800x"', '\ud800x'],
        ['"é😀"', 'é😀'],
        ['  [ 1 , 2.5 , "x" , [ ] , { } ]  ', [1, 'float:2.5', 'x', [], {}]],
        ['{"USERID":"User_1","PAGEID":"Page_42","VIEWTIME":1700000000000}', { USERID: 'User_1', PAGEID: 'Page_42', VIEWTIME: 1700000000000 }],
        ['{"a":{"b":[{"c":9007199254740993}]}}', { a: { b: [{ c: 9007199254740993n }] } }],
        ['{"a":1,"a":2}', { a: 2 }],
        ['\t\n\r {"k" : [ true , null ] }', { k: [true, null] }],
        ['"' + 'long '.repeat(20) + '"', 'long '.repeat(20)],
        ['"' + 'long '.repeat(20) + '\\"quoted\\" \\u00e9"', 'long '.repeat(20) + '"quoted" é'],
        ['{"' + 'k'.repeat(100) + '":1,"' + 'k'.repeat(100) + '":2}', { ['k'.repeat(100)]: 2 }],
      ];
      for (const [text, expected] of cases) {
        it(`${text.trim()}`, () => {
          const v = parse(text);
          if (typeof expected === 'number' && Object.is(expected, -0)) expect(Object.is(v, -0)).to.equal(true);
          expect(plain(v)).to.deep.equal(expected);
        });
      }

      it('keeps the exact text of fractions (11 vs 11.0)', () => {
        const v = parse('[11,11.0,1.10]') as JsonValue[];
        expect(v[0]).to.equal(11);
        expect(v[1]).to.be.instanceOf(JsonFloat);
        expect((v[1] as JsonFloat).value).to.equal(11);
        expect((v[2] as JsonFloat).text).to.equal('1.10');
      });

      it('keeps __proto__ as an ordinary own key', () => {
        const v = parse('{"__proto__":{"polluted":true},"a":1}') as JsonObject;
        expect(Object.getPrototypeOf(v)).to.equal(Object.prototype);
        expect(Object.keys(v)).to.deep.equal(['__proto__', 'a']);
        expect(Object.hasOwn(v, '__proto__')).to.equal(true);
        expect((v as Record<string, unknown>)['polluted']).to.equal(undefined);
        expect(({} as Record<string, unknown>)['polluted']).to.equal(undefined);
      });

      const errors: ReadonlyArray<readonly [string, number]> = [
        ['', 0],
        ['   ', 3],
        ['[1,]', 3],
        ['{"a":1,}', 7],
        ['{"a" 1}', 5],
        ['{a:1}', 1],
        ['01', 1],
        ['1.', 2],
        ['.5', 0],
        ['-', 1],
        ['1e', 2],
        ['+1', 0],
        ['[1] x', 4],
        ['{"a":1}}', 7],
        ['"abc', 4],
        ['"a\nb"', 2],
        ['"\\x"', 1],
        ['"\\u12G4"', 1],
        ['tru', 0],
        ['nul', 0],
        ['NaN', 0],
        ['[1 2]', 3],
        ['\ufeff{}', 0],
        ['"' + 'x'.repeat(40), 41],
        ['"' + 'x'.repeat(40) + '\u0001"', 41],
        ['["' + 'x'.repeat(40) + '\\q"]', 42],
      ];
      for (const [text, position] of errors) {
        it(`rejects ${JSON.stringify(text)} at ${position}`, () => {
          let err: unknown;
          try {
            parse(text);
          } catch (e) {
            err = e;
          }
          expect(err).to.be.instanceOf(JsonSyntaxError);
          expect((err as JsonSyntaxError).position).to.equal(position + offset);
          expect((err as JsonSyntaxError).message).to.match(/ at position \d+$/);
        });
      }

      it('caps the nesting depth at 1000 by default', () => {
        const ok = '['.repeat(1000) + ']'.repeat(1000);
        const tooDeep = '['.repeat(1001) + ']'.repeat(1001);
        expect(() => parse(ok)).not.to.throw();
        expect(() => parse(tooDeep)).to.throw(JsonSyntaxError, 'Nesting too deep');
        expect(() => parse('{"a":'.repeat(1001) + '1' + '}'.repeat(1001))).to.throw(JsonSyntaxError, 'Nesting too deep');
      });

      it('takes the depth cap as an option', () => {
        expect(() => parse('[[1]]', { maxDepth: 2 })).not.to.throw();
        expect(() => parse('[[[1]]]', { maxDepth: 2 })).to.throw(JsonSyntaxError, 'Nesting too deep');
        expect(() => parse('[[[]]]', { maxDepth: 2 })).to.throw(JsonSyntaxError);
      });

      it('does not overflow the stack when the cap is raised', () => {
        const depth = 200_000;
        const v = parse('['.repeat(depth) + ']'.repeat(depth), { maxDepth: depth });
        expect(Array.isArray(v)).to.equal(true);
      });
    });
  }

  it('parseJsonFast and parseJsonLossless agree on a mixed corpus', () => {
    const corpus = [
      '{"a":1,"b":"1.5","c":[true,false,null]}',
      '{"n":12345678901234567}',
      '{"f":0.1,"g":-2E+3}',
      '{"s":"line\\nbreak \\u0041 \\ud83d\\ude00"}',
      '[' + '{"x":[1,2,3]},'.repeat(200) + '{}]',
      '"just a string with 2.5 inside"',
    ];
    for (const text of [...corpus, ...corpus.map((t) => PAD + t)]) {
      expect(plain(parseJsonFast(text))).to.deep.equal(plain(parseJsonLossless(text)));
    }
  });
});
