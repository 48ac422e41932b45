/**
 * curl in its three modes (HTTP/1.1, HTTP/2 prior knowledge, `--http2` with an h2c upgrade
 * offer) against the gateway, for every endpoint. Skipped where curl is not installed.
 */
import { expect } from 'chai';
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import type { Gateway } from '../../src/gateway.js';
import { ksql, startTestGateway } from '../support/gateway.js';

const run = promisify(execFile);
const hasCurl = spawnSync('curl', ['--version']).status === 0;
const MODES = ['--http1.1', '--http2-prior-knowledge', '--http2'] as const;

async function curl(mode: string, args: string[], input?: string): Promise<{ status: number; body: string; version: string }> {
  const marker = '\n--curl--';
  const child = run('curl', ['-sS', '--max-time', '10', mode, '-w', `${marker}%{http_code} %{http_version}`, ...args], { encoding: 'utf8' });
  if (input !== undefined) {
    child.child.stdin!.end(input);
  }
  const { stdout } = await child;
  const at = stdout.lastIndexOf(marker);
  const [status, version] = stdout.slice(at + marker.length).split(' ');
  return { status: Number(status), body: stdout.slice(0, at), version: version! };
}

(hasCurl ? describe : describe.skip)('curl', () => {
  let gw: Gateway;
  before(async () => {
    gw = await startTestGateway();
    await ksql(gw, "CREATE STREAM S (K STRING KEY, V INT) WITH (kafka_topic='s', value_format='JSON', partitions=1);");
  });
  after(() => gw.close());

  for (const mode of MODES) {
    describe(mode, () => {
      it('speaks the expected HTTP version', async () => {
        const res = await curl(mode, [`${gw.url}/info`]);
        expect(res.status).to.equal(200);
        expect(res.version).to.equal(mode === '--http2-prior-knowledge' ? '2' : '1.1');
      });

      it('inserts over /inserts-stream and reads back with a push query, a pull query and PRINT', async () => {
        const ins = await curl(mode, ['-X', 'POST', `${gw.url}/inserts-stream`, '--data-binary', '@-'], '{"target":"S"}\n{"K":"x","V":1}\n{"K":"y","V":2}');
        expect(ins.body).to.equal('{"seq":0,"status":"ok"}\n{"seq":1,"status":"ok"}\n');
        const push = await curl(mode, ['-N', '-X', 'POST', `${gw.url}/query-stream`, '-d', '{"sql":"SELECT V FROM S EMIT CHANGES LIMIT 2;"}']);
        expect(push.body.split('\n').slice(1)).to.deep.equal(['[1]', '[2]', '']);
        const pull = await curl(mode, ['-X', 'POST', `${gw.url}/query-stream`, '-H', 'Accept: application/json', '-d', `{"sql":"SELECT K FROM S WHERE V = 2;"}`]);
        expect(JSON.parse(pull.body)[1]).to.deep.equal(['y']);
        const print = await curl(mode, ['-X', 'POST', `${gw.url}/query-stream`, '-d', '{"sql":"PRINT s FROM BEGINNING LIMIT 1;"}']);
        expect(print.body).to.match(/^rowtime: .* Z, key: x, value: \{"V":1\}, partition: 0\n$/);
      });

      it('runs /ksql and answers /close-query for an unknown id', async () => {
        const res = await curl(mode, ['-X', 'POST', `${gw.url}/ksql`, '-d', '{"ksql":"SHOW STREAMS;"}']);
        expect(JSON.parse(res.body)[0]['@type']).to.equal('streams');
        const close = await curl(mode, ['-X', 'POST', `${gw.url}/close-query`, '-d', '{"queryId":"x"}']);
        expect(close.status).to.equal(400);
      });
    });
  }
});
