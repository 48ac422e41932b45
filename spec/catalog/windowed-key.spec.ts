/** Windowed key layouts, byte for byte as Kafka Streams' windowed serializers write them. */
import { expect } from 'chai';
import { SerdeError } from '../../src/catalog/formats/format.js';
import {
  decodeWindowedKey,
  decodeWindowedKeyExact,
  encodeWindowedKey,
  UNBOUNDED_END,
} from '../../src/catalog/formats/windowed-key.js';

const INT_7 = new Uint8Array([0, 0, 0, 7]);

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

describe('windowed keys', () => {
  describe('time windows (TUMBLING, HOPPING)', () => {
    it('write the key bytes, then the start as an 8-byte big-endian long', () => {
      const bytes = encodeWindowedKey(INT_7, { start: 30_000, end: 60_000 }, 'TUMBLING');
      expect(hex(bytes)).to.equal('00000007' + '0000000000007530');
      expect(hex(encodeWindowedKey(INT_7, { start: 30_000, end: 60_000 }, 'HOPPING'))).to.equal(hex(bytes));
    });

    it('read the end as start + the window size', () => {
      const bytes = encodeWindowedKey(INT_7, { start: 1_700_000_000_000, end: 0 }, 'HOPPING');
      const decoded = decodeWindowedKey(bytes, 'HOPPING', 30_000);
      expect([...decoded.key]).to.deep.equal([0, 0, 0, 7]);
      expect(decoded.window).to.deep.equal({ start: 1_700_000_000_000, end: 1_700_000_030_000 });
    });

    it('read an unknown size as unbounded, as Kafka defaults it to Long.MAX_VALUE', () => {
      const bytes = encodeWindowedKey(INT_7, { start: 5, end: 10 }, 'TUMBLING');
      expect(decodeWindowedKey(bytes, 'TUMBLING', undefined).window).to.deep.equal({ start: 5, end: UNBOUNDED_END });
      expect(decodeWindowedKeyExact(bytes, 'TUMBLING', undefined).end).to.equal(2n ** 63n - 1n);
    });

    it('keep a key of zero bytes (a null key) as an empty key', () => {
      const bytes = encodeWindowedKey(null, { start: 0, end: 1000 }, 'TUMBLING');
      expect(bytes.length).to.equal(8);
      const decoded = decodeWindowedKey(bytes, 'TUMBLING', 1000);
      expect(decoded.key.length).to.equal(0);
      expect(decoded.window).to.deep.equal({ start: 0, end: 1000 });
    });
  });

  describe('session windows', () => {
    it('write the key bytes, then the end, then the start', () => {
      const bytes = encodeWindowedKey(INT_7, { start: 234, end: 765 }, 'SESSION');
      expect(hex(bytes)).to.equal('00000007' + '00000000000002fd' + '00000000000000ea');
    });

    it('read both bounds back and ignore any window size', () => {
      const bytes = encodeWindowedKey(Buffer.from('{"A":1}'), { start: 0, end: 70_000 }, 'SESSION');
      const decoded = decodeWindowedKey(bytes, 'SESSION', 5);
      expect(Buffer.from(decoded.key).toString()).to.equal('{"A":1}');
      expect(decoded.window).to.deep.equal({ start: 0, end: 70_000 });
    });

    it('allow a session that starts and ends at once', () => {
      const bytes = encodeWindowedKey(INT_7, { start: 70_000, end: 70_000 }, 'SESSION');
      expect(decodeWindowedKey(bytes, 'SESSION', undefined).window).to.deep.equal({ start: 70_000, end: 70_000 });
    });
  });

  it('return the key as a view into the bytes, wherever they sit in their buffer', () => {
    const backing = new Uint8Array(64);
    const encoded = encodeWindowedKey(INT_7, { start: 42, end: 43 }, 'SESSION');
    backing.set(encoded, 10);
    const decoded = decodeWindowedKey(backing.subarray(10, 10 + encoded.length), 'SESSION', undefined);
    expect([...decoded.key]).to.deep.equal([0, 0, 0, 7]);
    expect(decoded.window).to.deep.equal({ start: 42, end: 43 });
  });

  describe('refuse with SerdeError', () => {
    it('bytes shorter than the window', () => {
      expect(() => decodeWindowedKey(new Uint8Array(7), 'TUMBLING', 1000)).to.throw(SerdeError, 'shorter than the 8-byte');
      expect(() => decodeWindowedKey(new Uint8Array(15), 'SESSION', undefined)).to.throw(SerdeError, 'shorter than the 16-byte');
    });

    it('windows Kafka cannot construct', () => {
      const negative = encodeWindowedKey(INT_7, { start: -1, end: 10 }, 'HOPPING');
      expect(() => decodeWindowedKey(negative, 'HOPPING', 10)).to.throw(SerdeError, 'startMs time cannot be negative');
      const backwards = encodeWindowedKey(INT_7, { start: 10, end: 5 }, 'SESSION');
      expect(() => decodeWindowedKey(backwards, 'SESSION', undefined)).to.throw(SerdeError, 'cannot be smaller');
      const empty = encodeWindowedKey(INT_7, { start: 10, end: 10 }, 'TUMBLING');
      expect(() => decodeWindowedKey(empty, 'TUMBLING', 0)).to.throw(SerdeError, 'must be greater');
    });

    it('bounds that are not whole milliseconds', () => {
      expect(() => encodeWindowedKey(INT_7, { start: 1.5, end: 10 }, 'TUMBLING')).to.throw(SerdeError, 'integer');
    });
  });
});
