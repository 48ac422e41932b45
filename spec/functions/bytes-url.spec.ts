/**
 * Bytes conversions and URL functions: types and values as ksqlDB prints them (BYTES as
 * Base64). Expected values follow ksqlDB's documented examples, its QTT cases
 * (bytes-and-strings, url) and the JDK/Guava behaviour its UDFs rely on.
 */
import { expect } from 'chai';
import { BYTES, STRING } from '../../src/sql/types.js';
import { compileError, evaluate } from '../support/eval-expression.js';

type Case = [expression: string, type: string, json: string];

const cases: Record<string, Case[]> = {
  TO_BYTES: [
    ["TO_BYTES('ab', 'utf8')", 'BYTES', '"YWI="'],
    ["TO_BYTES('é', 'utf8')", 'BYTES', '"w6k="'],
    ["TO_BYTES('é', 'ascii')", 'BYTES', '"Pw=="'],
    ["TO_BYTES('4578', 'hex')", 'BYTES', '"RXg="'],
    ["TO_BYTES('4a6B', 'HEX')", 'BYTES', '"Sms="'],
    ["TO_BYTES('', 'hex')", 'BYTES', '""'],
    ["TO_BYTES('457', 'hex')", 'BYTES', 'null'],
    ["TO_BYTES('zz', 'hex')", 'BYTES', 'null'],
    ["TO_BYTES('0x45', 'hex')", 'BYTES', 'null'],
    ["TO_BYTES('YWI=', 'base64')", 'BYTES', '"YWI="'],
    // java.util.Base64's basic decoder: padding optional, but nothing outside the alphabet
    ["TO_BYTES('YWI', 'base64')", 'BYTES', '"YWI="'],
    ["TO_BYTES('YW I=', 'base64')", 'BYTES', 'null'],
    ["TO_BYTES('Y', 'base64')", 'BYTES', 'null'],
    ["TO_BYTES('YQ=', 'base64')", 'BYTES', 'null'],
    ["TO_BYTES('YQ==YQ==', 'base64')", 'BYTES', 'null'],
    ["TO_BYTES('_w==', 'base64')", 'BYTES', 'null'],
    ["TO_BYTES('x', 'utf16')", 'BYTES', 'null'],
    ["TO_BYTES('x', NULL)", 'BYTES', 'null'],
    ["TO_BYTES(NULL, 'utf8')", 'BYTES', 'null'],
  ],
  FROM_BYTES: [
    ["FROM_BYTES(TO_BYTES('ab', 'utf8'), 'hex')", 'STRING', '"6162"'],
    // DatatypeConverter prints upper-case hex
    ["FROM_BYTES(TO_BYTES('ff0a', 'hex'), 'hex')", 'STRING', '"FF0A"'],
    ["FROM_BYTES(TO_BYTES('c3a9', 'hex'), 'utf8')", 'STRING', '"é"'],
    ["FROM_BYTES(TO_BYTES('c3a9', 'hex'), 'ascii')", 'STRING', '"��"'],
    ["FROM_BYTES(TO_BYTES('ff', 'hex'), 'utf8')", 'STRING', '"�"'],
    ["FROM_BYTES(TO_BYTES('IQ==', 'base64'), 'utf8')", 'STRING', '"!"'],
    ["FROM_BYTES(TO_BYTES('IQ==', 'base64'), 'BASE64')", 'STRING', '"IQ=="'],
    ["FROM_BYTES(TO_BYTES('', 'utf8'), 'base64')", 'STRING', '""'],
    ["FROM_BYTES(TO_BYTES('ab', 'utf8'), 'latin1')", 'STRING', 'null'],
    ["FROM_BYTES(TO_BYTES('ab', 'utf8'), NULL)", 'STRING', 'null'],
  ],
  INT_FROM_BYTES: [
    ["INT_FROM_BYTES(TO_BYTES('AAAH5Q==', 'base64'))", 'INTEGER', '2021'],
    ["INT_FROM_BYTES(TO_BYTES('AAAH5Q==', 'base64'), 'BIG_ENDIAN')", 'INTEGER', '2021'],
    ["INT_FROM_BYTES(TO_BYTES('5QcAAA==', 'base64'), 'LITTLE_ENDIAN')", 'INTEGER', '2021'],
    ["INT_FROM_BYTES(TO_BYTES('5QcAAA==', 'base64'), 'little_endian')", 'INTEGER', '2021'],
    ["INT_FROM_BYTES(TO_BYTES('ffffffff', 'hex'))", 'INTEGER', '-1'],
    ["INT_FROM_BYTES(TO_BYTES('000000', 'hex'))", 'INTEGER', 'null'],
    ["INT_FROM_BYTES(TO_BYTES('0000000000', 'hex'))", 'INTEGER', 'null'],
    ["INT_FROM_BYTES(TO_BYTES('AAAH5Q==', 'base64'), 'MIDDLE_ENDIAN')", 'INTEGER', 'null'],
  ],
  BIGINT_FROM_BYTES: [
    ["BIGINT_FROM_BYTES(TO_BYTES('AAAAASoF8gA=', 'base64'))", 'BIGINT', '5000000000'],
    ["BIGINT_FROM_BYTES(TO_BYTES('APIFKgEAAAA=', 'base64'), 'LITTLE_ENDIAN')", 'BIGINT', '5000000000'],
    ["BIGINT_FROM_BYTES(TO_BYTES('8000000000000000', 'hex'))", 'BIGINT', '-9223372036854775808'],
    ["BIGINT_FROM_BYTES(TO_BYTES('AAAH5Q==', 'base64'))", 'BIGINT', 'null'],
  ],
  DOUBLE_FROM_BYTES: [
    ["DOUBLE_FROM_BYTES(TO_BYTES('QICm/ZvJ9YI=', 'base64'))", 'DOUBLE', '532.8738323'],
    ["DOUBLE_FROM_BYTES(TO_BYTES('gvXJm/2mgEA=', 'base64'), 'LITTLE_ENDIAN')", 'DOUBLE', '532.8738323'],
    ["DOUBLE_FROM_BYTES(TO_BYTES('3ff0000000000000', 'hex'))", 'DOUBLE', '1.0'],
    ["DOUBLE_FROM_BYTES(TO_BYTES('3ff00000', 'hex'))", 'DOUBLE', 'null'],
  ],
  URL_DECODE_PARAM: [
    ["URL_DECODE_PARAM('%3Ffoo+%24bar')", 'STRING', '"?foo $bar"'],
    ["URL_DECODE_PARAM('hello%26world')", 'STRING', '"hello&world"'],
    ["URL_DECODE_PARAM('url%20encoded')", 'STRING', '"url encoded"'],
    ["URL_DECODE_PARAM('nothing')", 'STRING', '"nothing"'],
    ["URL_DECODE_PARAM('%E2%82%ac')", 'STRING', '"€"'],
    ["URL_DECODE_PARAM('%C3')", 'STRING', '"�"'],
    ["URL_DECODE_PARAM('%')", 'STRING', 'null'],
    ["URL_DECODE_PARAM('abc%4')", 'STRING', 'null'],
    ["URL_DECODE_PARAM('%zz')", 'STRING', 'null'],
    ["URL_DECODE_PARAM('%-1')", 'STRING', 'null'],
  ],
  URL_ENCODE_PARAM: [
    ["URL_ENCODE_PARAM('url encoded')", 'STRING', '"url+encoded"'],
    ["URL_ENCODE_PARAM('a&b=c/d?e')", 'STRING', '"a%26b%3Dc%2Fd%3Fe"'],
    ["URL_ENCODE_PARAM('-_.*~+')", 'STRING', '"-_.*%7E%2B"'],
    ["URL_ENCODE_PARAM('€')", 'STRING', '"%E2%82%AC"'],
    ["URL_ENCODE_PARAM('😀')", 'STRING', '"%F0%9F%98%80"'],
    ["URL_DECODE_PARAM(URL_ENCODE_PARAM('a b&c=d'))", 'STRING', '"a b&c=d"'],
  ],
  URL_EXTRACT_FRAGMENT: [
    ["URL_EXTRACT_FRAGMENT('http://test.com#frag')", 'STRING', '"frag"'],
    ["URL_EXTRACT_FRAGMENT('http://test.com#frag%20space')", 'STRING', '"frag space"'],
    ["URL_EXTRACT_FRAGMENT('http://www.test.com/?query#fragment')", 'STRING', '"fragment"'],
    ["URL_EXTRACT_FRAGMENT('http://www.nofragment.com')", 'STRING', 'null'],
    ["URL_EXTRACT_FRAGMENT('http://test.com/a b#frag')", 'STRING', 'null'],
  ],
  URL_EXTRACT_HOST: [
    ["URL_EXTRACT_HOST('http://test.com:8080/path')", 'STRING', '"test.com"'],
    ["URL_EXTRACT_HOST('http://www.test.com/?query#fragment')", 'STRING', '"www.test.com"'],
    ["URL_EXTRACT_HOST('http://test@confluent.io:8080')", 'STRING', '"confluent.io"'],
    ["URL_EXTRACT_HOST('http://1.2.3.4/')", 'STRING', '"1.2.3.4"'],
    ["URL_EXTRACT_HOST('http://[::1]:80/')", 'STRING', '"[::1]"'],
    // not a server-based authority (underscore, a numeric last label): no host
    ["URL_EXTRACT_HOST('http://my_host.com/')", 'STRING', 'null'],
    ["URL_EXTRACT_HOST('http://1.2.3/')", 'STRING', 'null'],
    ["URL_EXTRACT_HOST('mailto:someone@example.com')", 'STRING', 'null'],
    ["URL_EXTRACT_HOST('http://a b/')", 'STRING', 'null'],
  ],
  URL_EXTRACT_PARAMETER: [
    ["URL_EXTRACT_PARAMETER('http://test.com?a%20b=c%20d', 'a b')", 'STRING', '"c d"'],
    ["URL_EXTRACT_PARAMETER('http://test.com?a=foo&b=bar', 'b')", 'STRING', '"bar"'],
    ["URL_EXTRACT_PARAMETER('http://www.test.com/?one=a&two=url%20encoded', 'two')", 'STRING', '"url encoded"'],
    ["URL_EXTRACT_PARAMETER('http://test.com?a&b=1', 'a')", 'STRING', '""'],
    ["URL_EXTRACT_PARAMETER('http://test.com?a=1=2', 'a')", 'STRING', '"1=2"'],
    ["URL_EXTRACT_PARAMETER('http://test.com?a=1', 'c')", 'STRING', 'null'],
    ["URL_EXTRACT_PARAMETER('http://test.com', 'a')", 'STRING', 'null'],
  ],
  URL_EXTRACT_PATH: [
    ["URL_EXTRACT_PATH('http://test.com/path/to#a')", 'STRING', '"/path/to"'],
    ["URL_EXTRACT_PATH('http://www.test.com?query#fragment')", 'STRING', '""'],
    ["URL_EXTRACT_PATH('http://test@confluent.io:8080/nested/path?query&jobs')", 'STRING', '"/nested/path"'],
    ["URL_EXTRACT_PATH('http://test.com/a%20b')", 'STRING', '"/a b"'],
    ["URL_EXTRACT_PATH('/relative/path?x')", 'STRING', '"/relative/path"'],
    ["URL_EXTRACT_PATH('file:///tmp/x')", 'STRING', '"/tmp/x"'],
    ["URL_EXTRACT_PATH('mailto:someone@example.com')", 'STRING', 'null'],
    ["URL_EXTRACT_PATH('http://test.com/%zz')", 'STRING', 'null'],
  ],
  URL_EXTRACT_PORT: [
    ["URL_EXTRACT_PORT('http://localhost:8080/path')", 'INTEGER', '8080'],
    ["URL_EXTRACT_PORT('http://localhost/path')", 'INTEGER', 'null'],
    ["URL_EXTRACT_PORT('http://localhost:/path')", 'INTEGER', 'null'],
    ["URL_EXTRACT_PORT('http://localhost:99999999999/')", 'INTEGER', 'null'],
  ],
  URL_EXTRACT_PROTOCOL: [
    ["URL_EXTRACT_PROTOCOL('http://test.com?a=foo&b=bar')", 'STRING', '"http"'],
    ["URL_EXTRACT_PROTOCOL('HTTPS://test.com')", 'STRING', '"HTTPS"'],
    ["URL_EXTRACT_PROTOCOL('mailto:someone@example.com')", 'STRING', '"mailto"'],
    ["URL_EXTRACT_PROTOCOL('test.com/path')", 'STRING', 'null'],
    ["URL_EXTRACT_PROTOCOL('1http://test.com')", 'STRING', 'null'],
  ],
  URL_EXTRACT_QUERY: [
    ["URL_EXTRACT_QUERY('http://test.com?a=foo%20bar&b=baz')", 'STRING', '"a=foo bar&b=baz"'],
    ["URL_EXTRACT_QUERY('http://www.test.com/path?q1&q2')", 'STRING', '"q1&q2"'],
    ["URL_EXTRACT_QUERY('http://test@confluent.io:8080/path')", 'STRING', 'null'],
    ["URL_EXTRACT_QUERY('http://test.com/path?')", 'STRING', '""'],
  ],
};

describe('functions: bytes and URLs', () => {
  for (const [fn, list] of Object.entries(cases)) {
    describe(fn, () => {
      for (const [expr, type, json] of list) {
        it(`${expr} → ${json}`, () => {
          const r = evaluate(expr);
          expect([r.type, r.json]).to.deep.equal([type, json]);
        });
      }
    });
  }

  it('reads columns and gives NULL for NULL', () => {
    const cols = { B: [BYTES, Buffer.from([0, 0, 7, 0xe5])], N: [BYTES, null], U: [STRING, null] } as const;
    expect(evaluate('INT_FROM_BYTES(B)', cols).json).to.equal('2021');
    expect(evaluate("FROM_BYTES(B, 'hex')", cols).json).to.equal('"000007E5"');
    for (const expr of ['INT_FROM_BYTES(N)', "FROM_BYTES(N, 'hex')", 'URL_EXTRACT_HOST(U)', 'URL_DECODE_PARAM(U)', "URL_EXTRACT_PARAMETER(U, 'a')"]) {
      expect(evaluate(expr, cols).json, expr).to.equal('null');
    }
  });

  it("rejects other argument types with ksqlDB's message", () => {
    expect(compileError("TO_BYTES(1, 'hex')")).to.match(/Function 'to_bytes' does not accept parameters \(INTEGER, STRING\)\.$/);
    expect(compileError("INT_FROM_BYTES('AAAH5Q==')")).to.match(/Function 'int_from_bytes' does not accept parameters \(STRING\)\.$/);
  });
});
