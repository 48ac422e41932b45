/**
 * A short slice of the SQL fuzzer (`npm run fuzz` runs 100 000 inputs): every input gets a result
 * or a 4xx ksqlDB error, never a crash. Not timed. Then the inputs the fuzzer once broke the
 * engine with, each with the error it must get now.
 */
import { expect } from 'chai';
import { KsqlError } from '../../src/errors.js';
import { FuzzEngine } from './fuzz-engine.js';
import { formatFailure, runFuzz } from './fuzz.js';

const SEED = 20_260_101;
const COUNT = 2000;

describe('SQL fuzz', function () {
  this.timeout(300_000);

  it(`answers ${COUNT} mutated and random statements (seed ${SEED}) without a crash`, async () => {
    const report = await runFuzz({ seed: SEED, count: COUNT, budgetMs: 10_000 });
    expect(report.failures.map(formatFailure)).to.deep.equal([]);
  });

  describe('inputs that once crashed the engine', () => {
    let fuzz: FuzzEngine;
    before(async () => {
      fuzz = await FuzzEngine.open({ origin: 'regressions', statements: [], inputs: [] });
    });
    after(() => fuzz.close());

    const refused = async (sql: string, message: RegExp): Promise<void> => {
      const err = await fuzz.engine.executeKsql(sql).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err, sql).to.be.instanceOf(KsqlError);
      expect((err as KsqlError).status).to.equal(400);
      expect((err as KsqlError).message).to.match(message);
      expect((err as Error).cause, 'no JavaScript error behind it').to.equal(undefined);
    };

    it('`||` is CONCAT, so numbers get its parameter error instead of an arithmetic crash', async () => {
      await refused('CREATE STREAM C1 AS SELECT A || B FROM S;', /Function 'concat' does not accept parameters \(INTEGER, INTEGER\)/);
      expect(await fuzz.run({ index: 0, text: "SELECT K || V || '!' FROM S;", endpoint: 'query-stream' })).to.equal(undefined);
    });

    it('a hopping window that cannot advance, or would put a record in millions of windows, is refused', async () => {
      const window = (clause: string): string => `CREATE TABLE W AS SELECT K, COUNT(*) FROM S WINDOW ${clause} GROUP BY K;`;
      await refused(window('HOPPING (SIZE 30 SECONDS, ADVANCE BY -1067853 SECONDS)'), /^Invalid window: the advance must be larger than zero/);
      await refused(window('HOPPING (SIZE 30 SECONDS, ADVANCE BY 0 SECONDS)'), /^Invalid window: the advance/);
      await refused(window('HOPPING (SIZE 1 SECONDS, ADVANCE BY 2 SECONDS)'), /at most the window size of 1000 ms/);
      await refused(window('HOPPING (SIZE 30 DAYS, ADVANCE BY 1 SECONDS)'), /^Invalid window: each record would fall into 2592000 windows/);
      await refused(window('TUMBLING (SIZE 0 SECONDS)'), /^Invalid window: the window size must be larger than zero/);
      await refused(window('SESSION (-5 SECONDS)'), /^Invalid window: the session gap must be larger than zero/);
      await refused(window('TUMBLING (SIZE 5 SECONDS, GRACE PERIOD -1 SECONDS)'), /^Invalid window: the grace period must not be negative/);
    });

    it('a topic of hundreds of millions of partitions is refused', async () => {
      await refused(
        "CREATE TABLE P (K INT PRIMARY KEY, ID INT) WITH (kafka_topic='p', value_format='JSON', partitions=462739059);",
        /^Invalid value 462739059 for property PARTITIONS of topic 'p': at most 10000 partitions/,
      );
    });

    it('an empty topic name fails the request while it is validated, so the statements before it do not run', async () => {
      await refused(
        "CREATE STREAM Q1 (ID INT KEY) WITH (kafka_topic='q1', value_format='JSON', partitions=1); " +
          "CREATE TABLE Q2 (ID INT PRIMARY KEY, V BIGINT) WITH (kafka_topic='', value_format='JSON', partitions=1);",
        /^Invalid topic name '': a topic name must not be empty$/,
      );
      expect(fuzz.engine.catalog.getSource('Q1')).to.equal(undefined);
      expect(fuzz.engine.store.get('q1')).to.equal(undefined);
    });

    it('ROUND and TRUNC to hundreds of millions of places fail the row instead of computing a huge power of ten', async () => {
      const started = performance.now();
      const sql = 'SELECT ROUND(D, -421696770), ROUND(DEC, 421696770), TRUNC(DEC, -2147483648) FROM S;';
      expect(await fuzz.run({ index: 0, text: sql, endpoint: 'query-stream' })).to.equal(undefined);
      expect(performance.now() - started).to.be.below(2000);
    });

    it('ROWTIME in VALUES takes a BIGINT like any BIGINT column', async () => {
      await refused('INSERT INTO S (ROWTIME, ID) VALUES (STRUCT(), 1);', /^Expected type BIGINT for field ROWTIME but got STRUCT\(\)\(STRUCT<>\)$/);
      await refused("INSERT INTO S (ROWTIME, ID) VALUES ('soon', 1);", /^Expected type BIGINT for field ROWTIME but got 'soon'\(STRING\)$/);
    });
  });
});
