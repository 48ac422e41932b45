/**
 * A plain node:http2 client: one connection, a push query on one stream and an insert stream on
 * another. Each inserted row comes back on the push query; the acks carry each row's seq.
 *
 *   npm start                                   # in one terminal
 *   node --import tsx examples/node/push-and-insert.ts [http://localhost:8088]
 */
import http2 from 'node:http2';

const url = process.argv[2] ?? 'http://localhost:8088';
const ROWS = 5;
const session = http2.connect(url);

function lines(stream: http2.ClientHttp2Stream, onLine: (line: string) => void): void {
  let buffered = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    buffered += chunk;
    for (let nl = buffered.indexOf('\n'); nl >= 0; nl = buffered.indexOf('\n')) {
      onLine(buffered.slice(0, nl));
      buffered = buffered.slice(nl + 1);
    }
  });
}

const tag = `node_${process.pid}`;
const query = session.request({ ':method': 'POST', ':path': '/query-stream' });
query.end(JSON.stringify({ sql: `SELECT * FROM PAGEVIEWS WHERE USERID = '${tag}' EMIT CHANGES LIMIT ${ROWS};` }));
lines(query, (line) => console.log('push  ', line));
query.on('end', () => {
  console.log(`push query ended after ${ROWS} rows`);
  session.close();
});

query.once('response', () => {
  const inserts = session.request({ ':method': 'POST', ':path': '/inserts-stream' }, { endStream: false });
  lines(inserts, (line) => console.log('ack   ', line));
  inserts.write(`${JSON.stringify({ target: 'PAGEVIEWS' })}\n`);
  let n = 0;
  const timer = setInterval(() => {
    inserts.write(`${JSON.stringify({ VIEWTIME: Date.now(), USERID: tag, PAGEID: `Page_${n}` })}\n`);
    if (++n === ROWS) {
      clearInterval(timer);
      inserts.end();
    }
  }, 200);
});
