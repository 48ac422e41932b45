/** Strict UTF-8 decoding of request bodies and inserted rows, on its fast and its careful path. */
import { expect } from 'chai';
import { decodeUtf8 } from '../../src/protocol/request-body.js';

const strict = new TextDecoder('utf-8', { fatal: true });

describe('decodeUtf8', () => {
  const valid: [string, number[] | string][] = [
    ['ASCII', '{"ID":1,"V":"v1"}'],
    ['two-, three- and four-byte characters', '{"V":"é€😀"}'],
    ['a real U+FFFD', '{"V":"\uFFFD"}'],
    ['a leading byte-order mark, dropped', [0xef, 0xbb, 0xbf, 0x41]],
  ];
  for (const [what, input] of valid) {
    it(`decodes ${what} as the strict decoder does`, () => {
      const bytes = typeof input === 'string' ? Buffer.from(input) : Buffer.from(input);
      expect(decodeUtf8(bytes)).to.equal(strict.decode(bytes));
      expect(decodeUtf8(new Uint8Array(bytes))).to.equal(strict.decode(bytes));
    });
  }

  const invalid: [string, number[]][] = [
    ['a stray continuation byte', [0x7b, 0x80, 0x7d]],
    ['an invalid lead byte', [0x7b, 0xff, 0x7d]],
    ['an encoded surrogate', [0xed, 0xa0, 0x80]],
    ['an overlong encoding', [0xc0, 0xaf]],
    ['a truncated sequence', [0x41, 0xe2, 0x82]],
  ];
  for (const [what, bytes] of invalid) {
    it(`refuses ${what} with ksqlDB's invalid JSON error`, () => {
      expect(() => decodeUtf8(Buffer.from(bytes))).to.throw('Invalid JSON in request: the body is not valid UTF-8');
    });
  }
});
