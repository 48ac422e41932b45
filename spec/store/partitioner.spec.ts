import { expect } from 'chai';
import { DefaultPartitioner, murmur2, partitionForKey, toPositive } from '../../src/store/partitioner.js';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Kafka's own vectors: clients/src/test/java/org/apache/kafka/common/utils/UtilsTest.java, testMurmur2. */
const KAFKA_UTILS_TEST: readonly [string, number][] = [
  ['21', -973932308],
  ['foobar', -790332482],
  ['a-little-bit-long-string', -985981536],
  ['a-little-bit-longer-string', -1486304829],
  ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
  ['abc', 479470107],
];

/**
 * librdkafka's unit test of its Java-compatible murmur2 (src/rdmurmur2.c, unittest_murmur2): every
 * tail length 0..3 and the empty key.
 */
const LIBRDKAFKA: readonly [string, number][] = [
  ['kafka', 0xd067cf64 | 0],
  ['giberish123456789', 0x8f552b0c | 0],
  ['1234', 0x9fc97b14 | 0],
  ['234', 0xe7c009ca | 0],
  ['34', 0x873930da | 0],
  ['4', 0x5a4b5ca1],
  ['PreAmbleWillBeRemoved,ThePrePartThatIs', 0x78424f1c],
  ['reAmbleWillBeRemoved,ThePrePartThatIs', 0x4a62b377],
  ['eAmbleWillBeRemoved,ThePrePartThatIs', 0xe0e4e09e | 0],
  ['AmbleWillBeRemoved,ThePrePartThatIs', 0x62b8b43f],
  ['', 0x106e08d9],
];

describe('store/partitioner', () => {
  describe('murmur2', () => {
    for (const [input, expected] of KAFKA_UTILS_TEST) {
      it(`matches Kafka's UtilsTest for "${input}"`, () => {
        expect(murmur2(bytes(input))).to.equal(expected);
      });
    }
    for (const [input, expected] of LIBRDKAFKA) {
      it(`matches librdkafka's Java-compatible vector for "${input}"`, () => {
        expect(murmur2(bytes(input))).to.equal(expected);
      });
    }

    it('returns a signed 32-bit integer like a Java int', () => {
      for (const [input] of [...KAFKA_UTILS_TEST, ...LIBRDKAFKA]) {
        const h = murmur2(bytes(input));
        expect(h).to.equal(h | 0);
      }
    });

    it('treats bytes >= 0x80 as unsigned (Java masks with & 0xff)', () => {
      // Same length and layout, different high bytes: the hash must depend on all 8 bits.
      const a = murmur2(Uint8Array.of(0x80, 0xff, 0x01, 0x7f, 0xfe));
      const b = murmur2(Uint8Array.of(0x00, 0x7f, 0x01, 0x7f, 0x7e));
      expect(a).to.not.equal(b);
      expect(murmur2(Uint8Array.of(0xff))).to.equal(murmur2(Uint8Array.of(0xff)));
    });

    it('reads a subarray view from its own start, not the underlying buffer', () => {
      const whole = bytes('xx21');
      expect(murmur2(whole.subarray(2))).to.equal(-973932308);
    });
  });

  describe('toPositive', () => {
    it('clears the sign bit instead of negating', () => {
      expect(toPositive(-1)).to.equal(0x7fffffff);
      expect(toPositive(-2147483648)).to.equal(0);
      expect(toPositive(5)).to.equal(5);
      expect(toPositive(-973932308)).to.equal(1173551340);
    });
  });

  describe('partitionForKey', () => {
    it('is toPositive(murmur2(key)) % partitions', () => {
      expect(partitionForKey(bytes('21'), 4)).to.equal(1173551340 % 4);
      expect(partitionForKey(bytes('foobar'), 6)).to.equal((-790332482 & 0x7fffffff) % 6);
      expect(partitionForKey(bytes('abc'), 12)).to.equal(479470107 % 12);
    });

    it('always returns 0 for one partition and stays in range', () => {
      for (let i = 0; i < 200; i++) {
        const key = bytes(`key-${i}`);
        expect(partitionForKey(key, 1)).to.equal(0);
        const p = partitionForKey(key, 7);
        expect(p).to.be.within(0, 6);
        expect(Number.isInteger(p)).to.equal(true);
      }
    });
  });

  describe('DefaultPartitioner', () => {
    it('uses murmur2 for keyed records, including the empty key', () => {
      const partitioner = new DefaultPartitioner(4);
      expect(partitioner.partition(bytes('21'))).to.equal(partitionForKey(bytes('21'), 4));
      expect(partitioner.partition(new Uint8Array(0))).to.equal(0x106e08d9 % 4);
    });

    it('deals keyless records round-robin, independent of keyed ones in between', () => {
      const partitioner = new DefaultPartitioner(3);
      const seen: number[] = [];
      for (let i = 0; i < 7; i++) {
        seen.push(partitioner.partition(null));
        partitioner.partition(bytes(`k${i}`));
      }
      expect(seen).to.deep.equal([0, 1, 2, 0, 1, 2, 0]);
    });

    it('rejects a partition count below 1', () => {
      expect(() => new DefaultPartitioner(0)).to.throw(RangeError);
      expect(() => new DefaultPartitioner(1.5)).to.throw(RangeError);
    });
  });
});
