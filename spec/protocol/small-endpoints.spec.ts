/** /info, /healthcheck, unknown paths and methods (protocol spec §0.3, §7), over both transports. */
import { expect } from 'chai';
import type { Gateway } from '../../src/gateway.js';
import { request, TRANSPORTS } from '../support/http-clients.js';
import { startTestGateway } from '../support/gateway.js';

describe('small endpoints', () => {
  let gw: Gateway;
  before(async () => {
    gw = await startTestGateway();
  });
  after(() => gw.close());

  for (const transport of TRANSPORTS) {
    describe(`over ${transport}`, () => {
      it('GET /info', async () => {
        const res = await request(transport, gw.url, { method: 'GET', path: '/info' });
        expect(res.status).to.equal(200);
        expect(res.headers['content-type']).to.equal('application/json');
        const info = JSON.parse(res.body).KsqlServerInfo;
        expect(Object.keys(info)).to.deep.equal(['version', 'kafkaClusterId', 'ksqlServiceId', 'serverStatus']);
        expect(info.serverStatus).to.equal('RUNNING');
      });

      it('GET /healthcheck', async () => {
        const res = await request(transport, gw.url, { method: 'GET', path: '/healthcheck' });
        expect(JSON.parse(res.body)).to.deep.equal({
          isHealthy: true,
          details: { metastore: { isHealthy: true }, kafka: { isHealthy: true }, commandRunner: { isHealthy: true } },
          serverState: 'READY',
        });
      });

      it('answers unknown paths and wrong methods with the plain 404', async () => {
        for (const [method, path] of [['GET', '/nope'], ['GET', '/query-stream'], ['DELETE', '/ksql']] as const) {
          const res = await request(transport, gw.url, { method, path });
          expect(res.status, `${method} ${path}`).to.equal(404);
          expect(res.body).to.equal('Not Found');
          expect(res.headers['content-type']).to.equal(undefined);
        }
      });
    });
  }
});
