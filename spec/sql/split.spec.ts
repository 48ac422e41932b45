/** splitStatements: one RawStatement per `;`, positions in the whole request, trailing text flagged. */
import { expect } from 'chai';
import { splitStatements } from '../../src/sql/parse.js';

describe('splitStatements', () => {
  const cases: readonly { sql: string; raws: object[] }[] = [
    { sql: '', raws: [] },
    { sql: '  \n\t ', raws: [] },
    { sql: '-- only a comment\n/* and another */', raws: [] },
    {
      sql: 'SHOW STREAMS;',
      raws: [{ text: 'SHOW STREAMS;', offset: 0, line: 1, column: 1, terminated: true, index: 0 }],
    },
    {
      sql: "  SELECT ';' FROM s ;\nSHOW TABLES;",
      raws: [
        { text: "SELECT ';' FROM s ;", offset: 2, line: 1, column: 3, terminated: true, index: 0 },
        { text: 'SHOW TABLES;', offset: 22, line: 2, column: 1, terminated: true, index: 1 },
      ],
    },
    {
      sql: 'SELECT `a;b`, "c;d" FROM s; -- x; y\n/* z; */ SHOW TOPICS;',
      raws: [{ text: 'SELECT `a;b`, "c;d" FROM s;' }, { text: 'SHOW TOPICS;', line: 2, column: 10 }],
    },
    {
      sql: 'SHOW STREAMS;\n  SELECT * FROM s  \n',
      raws: [
        { text: 'SHOW STREAMS;', terminated: true },
        { text: 'SELECT * FROM s', line: 2, column: 3, terminated: false, index: 1, eof: { line: 3, column: 1 } },
      ],
    },
    { sql: ';;', raws: [{ text: ';' }, { text: ';', column: 2 }] },
    { sql: "SELECT 'it''s;' FROM s;", raws: [{ text: "SELECT 'it''s;' FROM s;" }] },
    { sql: "SELECT 'open; FROM s;", raws: [{ text: "SELECT 'open;" }, { text: 'FROM s;', terminated: true }] },
    { sql: 'A; --;\nB', raws: [{ text: 'A;' }, { text: 'B', terminated: false, line: 2, column: 1 }] },
    { sql: '😀;x;', raws: [{ text: '😀;' }, { text: 'x;', column: 3, offset: 3 }] },
  ];
  for (const c of cases) {
    it(JSON.stringify(c.sql), () => {
      const raws = splitStatements(c.sql);
      expect(raws).to.have.length(c.raws.length);
      c.raws.forEach((r, i) => expect(raws[i]).to.deep.include(r));
    });
  }

  it('follows SqlBase.g4 on comments: `--` takes the next character even if it is a newline', () => {
    // SIMPLE_COMMENT is '--' ~'@' ~[\r\n]*: an empty `--` line swallows the line after it.
    expect(splitStatements('--\nSHOW STREAMS;\nSHOW TABLES;').map((r) => r.text)).to.deep.equal(['SHOW TABLES;']);
    expect(splitStatements('SHOW STREAMS; --').map((r) => r.text)).to.deep.equal(['SHOW STREAMS;', '--']);
  });
});
