/**
 * Pull queries over tables through a real gateway, as ksqlDB answers them: key lookups (`=`,
 * `IN`), key ranges, windowed tables narrowed by their window bounds, table scans only while
 * ksql.query.pull.table.scan.enabled allows them, rows in ksqlDB's order (partition by partition,
 * each in key-byte order) so that LIMIT keeps the same rows, and ksqlDB's messages for the rest.
 */
import { expect } from 'chai';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../src/config.js';
import type { Gateway } from '../../src/gateway.js';
import { DEFAULT_PULL_SETTINGS } from '../../src/planner/pull-settings.js';
import { partitionForKey } from '../../src/store/partitioner.js';
import { h2Request } from '../support/http-clients.js';
import { ksql, produce, sleep, startTestGateway } from '../support/gateway.js';

interface PullResult {
  status: number;
  rows: unknown[][];
  message?: string;
}

const NO_SCANS = { 'ksql.query.pull.table.scan.enabled': false };

async function pull(gw: Gateway, sql: string, properties: Record<string, unknown> = {}): Promise<PullResult> {
  const res = await h2Request(gw.url, { path: '/query-stream', body: JSON.stringify({ sql, properties }) });
  const lines = res.body
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as unknown);
  if (res.status !== 200) return { status: res.status, rows: [], message: (lines[0] as { message: string }).message };
  return { status: res.status, rows: lines.slice(1) as unknown[][] };
}

async function pullError(gw: Gateway, sql: string, properties: Record<string, unknown> = {}): Promise<string> {
  const res = await pull(gw, sql, properties);
  expect(res.status, sql).to.equal(400);
  return res.message!;
}

/** Waits until a persistent query has written `count` records to its sink topic. */
async function settled(gw: Gateway, topic: string, count: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const res = await h2Request(gw.url, { method: 'GET', path: `/topics/${topic}/records` });
    if ((JSON.parse(res.body) as unknown[]).length >= count) return;
    await sleep(10);
  }
  throw new Error(`${topic} did not reach ${count} records`);
}

const KEYS = ['which', 'there', 'their', 'about', 'would', 'these', 'other', 'words', 'could', 'write'];
const PARTITIONS = 3;
const partitionOf = (k: string): number => partitionForKey(Buffer.from(k), PARTITIONS);

/** ksqlDB's scan order: by partition, then by the key's bytes (UTF-8 here). */
const scanOrder = (keys: readonly string[]): string[] => [...keys].sort((a, b) => partitionOf(a) - partitionOf(b) || Buffer.compare(Buffer.from(a), Buffer.from(b)));

describe('pull queries over tables', () => {
  let gw: Gateway;
  beforeEach(async () => {
    gw = await startTestGateway();
    await ksql(gw, `CREATE SOURCE TABLE T (K STRING PRIMARY KEY, V INT) WITH (kafka_topic='t', value_format='JSON', partitions=${PARTITIONS});`);
    await produce(
      gw,
      't',
      KEYS.map((k, i) => ({ key: k, value: { V: i } })),
    );
  });
  afterEach(() => gw.close());

  it('scans partition by partition, each in key-byte order, and LIMIT keeps the first rows of that order', async () => {
    const all = await pull(gw, 'SELECT K FROM T;');
    expect(all.rows.map((r) => r[0])).to.deep.equal(scanOrder(KEYS));
    const limited = await pull(gw, 'SELECT K FROM T LIMIT 4;');
    expect(limited.rows.map((r) => r[0])).to.deep.equal(scanOrder(KEYS).slice(0, 4));
    expect((await pull(gw, 'SELECT K FROM T LIMIT 0;')).rows).to.deep.equal([]);
  });

  it('plans a repeated statement once, and plans it again after the catalog changes', async () => {
    const sql = "SELECT * FROM T WHERE K = 'which';";
    expect(await pull(gw, sql)).to.deep.equal({ status: 200, rows: [['which', 0]] });
    expect(await pull(gw, sql)).to.deep.equal({ status: 200, rows: [['which', 0]] });
    await ksql(gw, 'DROP TABLE T;');
    expect((await pull(gw, sql)).status).to.equal(400);
    await ksql(gw, "CREATE SOURCE TABLE T (K STRING PRIMARY KEY, V INT, W STRING) WITH (kafka_topic='t2', value_format='JSON', partitions=1);");
    await produce(gw, 't2', [{ key: 'which', value: { V: 7, W: 'w' } }]);
    await sleep(50);
    expect(await pull(gw, sql)).to.deep.equal({ status: 200, rows: [['which', 7, 'w']] });
    const scan = 'SELECT K FROM T;';
    expect((await pull(gw, scan)).status).to.equal(200);
    expect((await pull(gw, scan, NO_SCANS)).status).to.equal(400);
  });

  it('looks keys up: IN keys grouped by the partition they hash to, in the order named, each once', async () => {
    const named = ['would', 'about', 'missing', 'which', 'about', 'these'];
    const res = await pull(gw, `SELECT K, V FROM T WHERE K IN (${named.map((k) => `'${k}'`).join(', ')});`, NO_SCANS);
    const groups = new Map<number, string[]>();
    for (const k of new Set(named.filter((n) => KEYS.includes(n)))) groups.set(partitionOf(k), [...(groups.get(partitionOf(k)) ?? []), k]);
    expect(res.rows).to.deep.equal([...groups.values()].flat().map((k) => [k, KEYS.indexOf(k)]));
    expect((await pull(gw, "SELECT V FROM T WHERE K = 'their' AND V > 100;", NO_SCANS)).rows).to.deep.equal([]);
    expect((await pull(gw, "SELECT V FROM T WHERE K = 'their' OR K = 'their';", NO_SCANS)).rows).to.deep.equal([[2]]);
  });

  it('reads a range of a STRING key, the WHERE clause trimming strict bounds', async () => {
    const expected = scanOrder(KEYS.filter((k) => k > 'these' && k <= 'which'));
    const res = await pull(gw, "SELECT K FROM T WHERE K > 'these' AND K <= 'which';");
    expect(res.rows.map((r) => r[0])).to.deep.equal(expected);
    const between = await pull(gw, "SELECT K FROM T WHERE K BETWEEN 'a' AND 'd';");
    expect(between.rows.map((r) => r[0])).to.deep.equal(scanOrder(['about', 'could']));
    const upward = await pull(gw, "SELECT K FROM T WHERE K >= 'w';", NO_SCANS);
    expect(upward.rows.map((r) => r[0])).to.deep.equal(scanOrder(['which', 'would', 'words', 'write']));
    // Without table scans a key column may be compared only once (BETWEEN is two comparisons).
    expect(await pullError(gw, "SELECT K FROM T WHERE K BETWEEN 'a' AND 'd';", NO_SCANS)).to.match(/^A comparison condition on the key column cannot be combined/);
    const message = await pullError(gw, "SELECT K FROM T WHERE K > 'a';", { ...NO_SCANS, 'ksql.query.pull.range.scan.enabled': false });
    expect(message).to.match(/^Query requires table scan to be enabled\. Table scans can be enabled by setting ksql\.query\.pull\.table\.scan\.enabled=true\n/);
  });

  it('refuses a query that needs a table scan while scans are disabled, saying why', async () => {
    expect(await pullError(gw, 'SELECT * FROM T;', NO_SCANS)).to.match(/^Query requires table scan to be enabled/);
    expect(await pullError(gw, 'SELECT * FROM T WHERE V = 1;', NO_SCANS)).to.match(
      /^WHERE clause missing key column for disjunct: \(V = 1\)\.  See https:\/\/cnfl\.io\/queries for more info\.\nAdd EMIT CHANGES/,
    );
    expect(await pullError(gw, "SELECT * FROM T WHERE K = 'a' OR V = 1;", NO_SCANS)).to.match(/^WHERE clause missing key column for disjunct: \(V = 1\)/);
    expect(await pullError(gw, "SELECT * FROM T WHERE K <> 'a';", NO_SCANS)).to.match(/^Bound on key columns '\[`K` STRING KEY\]' must currently be '='/);
    expect(await pullError(gw, "SELECT * FROM T WHERE K = 'a' AND K IN ('a', 'b');", NO_SCANS)).to.match(
      /^A comparison condition on the key column cannot be combined with other comparisons such as an IN predicate/,
    );
    expect(await pullError(gw, "SELECT * FROM T WHERE UCASE(K) = 'A';", NO_SCANS)).to.match(/^A comparison must directly reference a key column\./);
    expect(await pullError(gw, 'SELECT * FROM T WHERE K = CAST(V AS STRING);', NO_SCANS)).to.match(
      /^A comparison must be between a key column and a resolvable expression\./,
    );
    const scanned = await pull(gw, "SELECT K FROM T WHERE K = 'a' OR V = 1;");
    expect(scanned.rows).to.deep.equal([['there']]);
  });

  it('takes the scan setting from the server, and a request may override it', async () => {
    await gw.close();
    gw = await startTestGateway({ pullQueries: { ...DEFAULT_PULL_SETTINGS, tableScans: false } });
    await ksql(gw, "CREATE SOURCE TABLE T (K STRING PRIMARY KEY, V INT) WITH (kafka_topic='t', value_format='JSON', partitions=1);");
    await produce(gw, 't', [{ key: 'a', value: { V: 1 } }]);
    expect(await pullError(gw, 'SELECT * FROM T;')).to.match(/^Query requires table scan to be enabled/);
    expect((await pull(gw, "SELECT * FROM T WHERE K = 'a';")).rows).to.deep.equal([['a', 1]]);
    expect((await pull(gw, 'SELECT * FROM T;', { 'ksql.query.pull.table.scan.enabled': 'true' })).rows).to.deep.equal([['a', 1]]);
    const bad = await pull(gw, 'SELECT * FROM T;', { 'ksql.query.pull.table.scan.enabled': 'maybe' });
    expect(bad.status).to.equal(400);
  });

  it('needs every column of a multi-column key for a lookup', async () => {
    await ksql(gw, "CREATE STREAM S (ID INT KEY, A INT, B STRING) WITH (kafka_topic='s', format='JSON', partitions=2);");
    await ksql(gw, 'CREATE TABLE AGG AS SELECT A, B, COUNT(*) AS N FROM S GROUP BY A, B;');
    await produce(gw, 's', [
      { key: 1, value: { A: 1, B: 'x' } },
      { key: 2, value: { A: 1, B: 'x' } },
      { key: 3, value: { A: 2, B: 'y' } },
    ]);
    await settled(gw, 'AGG', 3);
    expect(await pullError(gw, 'SELECT * FROM AGG WHERE A = 1;', NO_SCANS)).to.match(
      /^Multi-column sources must specify every key in the WHERE clause\. Specified: \[`A`\] Expected: \[`A` INTEGER KEY, `B` STRING KEY\]/,
    );
    expect((await pull(gw, "SELECT * FROM AGG WHERE B = 'x' AND A = 1;", NO_SCANS)).rows).to.deep.equal([[1, 'x', 2]]);
    expect(await pullError(gw, "SELECT * FROM AGG WHERE A <= 1 AND B >= 'x';", NO_SCANS)).to.match(/^Query requires table scan to be enabled/);
    expect((await pull(gw, 'SELECT * FROM AGG WHERE A = 2;')).rows).to.deep.equal([[2, 'y', 1]]);
  });

  it("reads a windowed key's windows by start, within the WINDOWSTART and WINDOWEND bounds", async () => {
    await ksql(gw, "CREATE STREAM S (ID INT KEY, G STRING) WITH (kafka_topic='s', value_format='JSON', partitions=1);");
    await ksql(gw, 'CREATE TABLE W AS SELECT G, COUNT(*) AS N FROM S WINDOW TUMBLING (SIZE 10 MILLISECONDS) GROUP BY G;');
    await produce(gw, 's', [
      { key: 1, value: { G: 'x' }, timestamp: 25 },
      { key: 2, value: { G: 'x' }, timestamp: 3 },
      { key: 3, value: { G: 'y' }, timestamp: 4 },
      { key: 4, value: { G: 'x' }, timestamp: 12 },
      { key: 5, value: { G: 'x' }, timestamp: 27 },
    ]);
    await settled(gw, 'W', 5);
    const all = await pull(gw, "SELECT WINDOWSTART, WINDOWEND, N FROM W WHERE G = 'x';", NO_SCANS);
    expect(all.rows).to.deep.equal([
      [0, 10, 1],
      [10, 20, 1],
      [20, 30, 2],
    ]);
    const bounded = await pull(gw, "SELECT WINDOWSTART FROM W WHERE G = 'x' AND 10 <= WINDOWSTART AND WINDOWEND < 30;", NO_SCANS);
    expect(bounded.rows).to.deep.equal([[10]]);
    const either = await pull(gw, "SELECT WINDOWSTART FROM W WHERE (G = 'x' AND WINDOWSTART = 20) OR (G = 'x' AND WINDOWSTART = 0);", NO_SCANS);
    expect(either.rows).to.deep.equal([[20], [0]]);
    expect(await pullError(gw, "SELECT * FROM W WHERE G = 'x' AND WINDOWSTART > 1 AND WINDOWSTART >= 2;")).to.match(
      /^Duplicate `WINDOWSTART` bounds on: GREATER_THAN\./,
    );
    expect(await pullError(gw, "SELECT * FROM W WHERE G = 'x' AND WINDOWEND = 10 AND WINDOWEND < 20;")).to.match(
      /^`\(WINDOWEND < 20\)` cannot be combined with other `WINDOWEND` bounds\./,
    );
    expect(await pullError(gw, "SELECT * FROM W WHERE G = 'x' AND WINDOWSTART <> 10;")).to.match(/^Unsupported `WINDOWSTART` bounds: NOT_EQUAL\./);
    expect(await pullError(gw, "SELECT * FROM W WHERE G <= 'x';", NO_SCANS)).to.match(/^Query requires table scan to be enabled/);
    expect(await pullError(gw, 'SELECT * FROM W WHERE WINDOWSTART >= 10;', NO_SCANS)).to.match(
      /^WHERE clause missing key column for disjunct: \(WINDOWSTART >= 10\)\.[^]*Bounds on \[`WINDOWSTART`, `WINDOWEND`\] are supported/,
    );
  });

  it("refuses key values of another type and terms the analysis cannot take, in ksqlDB's words", async () => {
    await ksql(gw, "CREATE SOURCE TABLE N (K INT PRIMARY KEY, S STRING) WITH (kafka_topic='n', value_format='JSON', partitions=1);");
    await produce(gw, 'n', [{ key: 1, value: { S: 'a' } }]);
    expect(await pullError(gw, "SELECT * FROM N WHERE K IN ('1', 2);")).to.match(/^'1' can not be converted to the type of the key column: K INTEGER KEY\n/);
    expect(await pullError(gw, 'SELECT * FROM N WHERE S IS NULL;')).to.match(/^Unsupported expression in WHERE clause: \(S IS NULL\)\./);
    expect(await pullError(gw, 'SELECT * FROM N WHERE K LIKE 1;')).to.match(/^The column type for Like condition must be VARCHAR\. The column type is INTEGER\./);
    expect(await pullError(gw, "SELECT * FROM N WHERE S BETWEEN 1 AND 'z';")).to.match(
      /^Invalid expression: Cannot compare S \(STRING\) to 1 \(INTEGER\) with GREATER_THAN_OR_EQUAL/,
    );
    expect(await pullError(gw, "SELECT * FROM N WHERE K = 'x';")).to.match(/^Error in WHERE expression: Cannot compare K \(INTEGER\) to 'x' \(STRING\) with EQUAL/);
    expect((await pull(gw, 'SELECT S FROM N WHERE K IN (1.0, 5);')).status).to.equal(400);
    expect((await pull(gw, 'SELECT S FROM N WHERE K = 0 + 1;', NO_SCANS)).rows).to.deep.equal([['a']]);
  });

  it('applies the LIMIT rules of pull queries, and persistent queries refuse LIMIT', async () => {
    const negative = await pullError(gw, 'SELECT * FROM T LIMIT -1;');
    expect(negative).to.match(/^Pull queries don't support negative integers in the LIMIT clause\. See https:\/\/cnfl\.io\/queries for more info\.\nAdd EMIT CHANGES/);
    await ksql(gw, "CREATE STREAM S (ID INT KEY, G STRING) WITH (kafka_topic='s', value_format='JSON', partitions=1);");
    const disabled = await pullError(gw, 'SELECT * FROM S LIMIT 1;', { 'ksql.query.pull.limit.clause.enabled': false });
    expect(disabled).to.match(/^LIMIT clause in pull queries is currently disabled\. You can enable them by setting ksql\.query\.pull\.limit\.clause\.enabled=true\. See https/);
    expect(await pullError(gw, 'SELECT * FROM S PARTITION BY G;')).to.match(/^Pull queries don't support PARTITION BY clauses\./);
    const ctas = await h2Request(gw.url, { path: '/ksql', body: JSON.stringify({ ksql: 'CREATE TABLE C AS SELECT G, COUNT(*) FROM S GROUP BY G LIMIT 5;' }) });
    expect(JSON.parse(ctas.body).message).to.equal("CREATE TABLE AS SELECT statements don't support LIMIT clause.");
    const csas = await h2Request(gw.url, { path: '/ksql', body: JSON.stringify({ ksql: 'CREATE STREAM C AS SELECT * FROM S LIMIT 5;' }) });
    expect(JSON.parse(csas.body).message).to.equal("CREATE STREAM AS SELECT statements don't support LIMIT clause.");
  });

  it('reads the pull settings from the properties file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'pull-')), 'server.properties');
    writeFileSync(file, 'ksql.query.pull.table.scan.enabled=false\nksql.query.pull.limit.clause.enabled = FALSE\n');
    const config = parseConfig(['--config', file], {});
    expect(config !== 'help' && config.pullQueries).to.deep.equal({ tableScans: false, rangeScans: true, limitClause: false });
  });
});
