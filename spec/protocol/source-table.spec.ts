/**
 * CREATE SOURCE TABLE keeps the table's state as records arrive: pull queries read the latest row
 * per key (a null value deletes it); a plain CREATE TABLE is not queryable, as in ksqlDB.
 */
import { expect } from 'chai';
import type { Gateway } from '../../src/gateway.js';
import { h2Request } from '../support/http-clients.js';
import { ksql, produce, startTestGateway } from '../support/gateway.js';

async function pull(gw: Gateway, sql: string): Promise<{ status: number; lines: string[] }> {
  const res = await h2Request(gw.url, { path: '/query-stream', body: JSON.stringify({ sql }) });
  return { status: res.status, lines: res.body.split('\n').filter((l) => l !== '') };
}

describe('source tables', () => {
  let gw: Gateway;
  beforeEach(async () => {
    gw = await startTestGateway();
  });
  afterEach(() => gw.close());

  it('answers pull queries from the state kept as records arrive', async () => {
    await ksql(gw, "CREATE SOURCE TABLE T (K INT PRIMARY KEY, V STRING) WITH (kafka_topic='t', value_format='JSON', partitions=2);");
    await produce(gw, 't', [
      { key: 1, value: { V: 'a' } },
      { key: 2, value: { V: 'b' } },
      { key: 1, value: { V: 'a2' } },
      { key: 3, value: { V: 'c' } },
      { key: 3, value: null },
    ]);
    const all = await pull(gw, 'SELECT * FROM T;');
    expect(all.status).to.equal(200);
    expect(JSON.parse(all.lines[0]!).columnNames).to.deep.equal(['K', 'V']);
    expect(all.lines.slice(1).sort()).to.deep.equal(['[1,"a2"]', '[2,"b"]']);
    expect((await pull(gw, 'SELECT V FROM T WHERE K = 2;')).lines.slice(1)).to.deep.equal(['["b"]']);
    await produce(gw, 't', [{ key: 2, value: { V: 'b2' } }]);
    expect((await pull(gw, 'SELECT V FROM T WHERE K = 2;')).lines.slice(1)).to.deep.equal(['["b2"]']);
  });

  it('marks key columns in the Java client format and refuses a plain table', async () => {
    await ksql(gw, "CREATE SOURCE TABLE T (K INT PRIMARY KEY, V STRING) WITH (kafka_topic='t', value_format='JSON', partitions=1);");
    const res = await h2Request(gw.url, { path: '/query-stream', headers: { accept: 'application/vnd.ksql.v1+json' }, body: JSON.stringify({ sql: 'SELECT * FROM T;' }) });
    expect(res.body).to.match(/"schema":"`K` INTEGER KEY, `V` STRING"/);
    await ksql(gw, "CREATE TABLE P (K INT PRIMARY KEY, V STRING) WITH (kafka_topic='p', value_format='JSON', partitions=1);");
    const refused = await pull(gw, 'SELECT * FROM P;');
    expect(refused.status).to.equal(400);
    expect(JSON.parse(refused.lines[0]!).message).to.match(/^The `P` table isn't queryable\. To derive a queryable table/);
  });
});
