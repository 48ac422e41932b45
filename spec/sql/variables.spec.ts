/**
 * `${name}` substitution (protocol spec §8). The statement cases mirror ksqlDB's
 * VariableSubstitutorTest; the string cases were checked against commons-text 1.10's
 * StringSubstitutor, which ksqlDB uses.
 */
import { expect } from 'chai';
import { parseStatement, splitStatements, VariableScope } from '../../src/sql/parse.js';
import { substitute } from '../../src/sql/variables.js';
import { parse, parseError } from './helpers.js';

const VARS = {
  env: 'qa',
  env_quoted: '"qa"',
  env_backQuoted: '`qa`',
  identifier: '_id_',
  quotedIdentifier: '"_id_"',
  backQuotedIdentifier: '`_id_`',
  num: '1',
  dec: '0.32',
  bool: 'false',
  str: "'john'",
  topicName: "'name1'",
  replicas: '3',
  escapeQuote: "'t1', value_format='AVRO'",
  injectSchema: 's1 (id, name)',
  injectValues: '1, 5',
  injectWhere: 's1 WHERE id = 1',
  injectExpression: '5 and id != 5',
  keyword: 'EXTENDED _id_',
  quote: "a'b",
};

describe('variables: substituted statements (VariableSubstitutorTest)', () => {
  const cases: readonly [string, string][] = [
    ["DEFINE topicName = 'topic_$${env}';", "DEFINE topicName = 'topic_${env}';"],
    ["DEFINE topicName = 'topic_$${${env}}';", "DEFINE topicName = 'topic_${qa}';"],
    ["DEFINE topicName = 'topic_${env}';", "DEFINE topicName = 'topic_qa';"],
    ["DEFINE topicName = 'topic_${env_quoted}';", `DEFINE topicName = 'topic_"qa"';`],
    ["DEFINE topicName = 'topic_${env_backQuoted}';", "DEFINE topicName = 'topic_`qa`';"],
    ['DESCRIBE ${identifier};', 'DESCRIBE _id_;'],
    ['DESCRIBE ${quotedIdentifier};', 'DESCRIBE "_id_";'],
    ['DESCRIBE ${backQuotedIdentifier} EXTENDED;', 'DESCRIBE `_id_` EXTENDED;'],
    ['DESCRIBE FUNCTION ${quotedIdentifier};', 'DESCRIBE FUNCTION "_id_";'],
    ['INSERT INTO ${identifier} VALUES (${num}, ${bool}, ${dec}, ${str});', "INSERT INTO _id_ VALUES (1, false, 0.32, 'john');"],
    ['CREATE STREAM ${identifier} WITH (kafka_topic=${topicName}, replicas=${replicas});', "CREATE STREAM _id_ WITH (kafka_topic='name1', replicas=3);"],
    ['CREATE STREAM ${backQuotedIdentifier} WITH (kafka_topic=${topicName});', "CREATE STREAM `_id_` WITH (kafka_topic='name1');"],
    ['CREATE STREAM s1 WITH (kafka_topic=${escapeQuote});', "CREATE STREAM s1 WITH (kafka_topic='t1'', value_format=''AVRO');"],
  ];
  for (const [sql, text] of cases) {
    it(sql, () => expect(parse(sql, VARS).text).to.equal(text));
  }

  it('builds the AST from the substituted text', () => {
    const s = parse('CREATE STREAM ${quotedIdentifier} WITH (kafka_topic=${topicName});', VARS);
    expect(s).to.deep.include({ kind: 'CreateSource', name: '_id_' });
  });
});

describe('variables: values that do not fit their position', () => {
  const identifier = (col: number): string =>
    `Illegal argument at Line: 1, Col: ${col}. Identifier names cannot start with '@' and may only contain alphanumeric values and '_'. Got: '" + value + "'`;
  const cases: readonly [string, string][] = [
    ['DESCRIBE ${keyword};', identifier(10)],
    ['INSERT INTO ${injectSchema} VALUES (1);', identifier(13)],
    ['SELECT * FROM ${injectWhere};', identifier(15)],
    ['CREATE STREAM ${injectSchema} WITH (kafka_topic=\'t1\');', identifier(15)],
    ['INSERT INTO s1 VALUES (${injectValues});', "Illegal argument at Line: 1, Col: 24. Got: '1, 5'"],
    ['SELECT * FROM s1 WHERE id = ${injectExpression};', "Illegal argument at Line: 1, Col: 29. Got: '5 and id != 5'"],
    ['SELECT * FROM s1 WHERE id = ${undefined};', "Illegal argument at Line: 1, Col: 29. Got: '${undefined}'"],
    ['SELECT * FROM ${undefined};', identifier(15)],
  ];
  for (const [sql, message] of cases) {
    it(sql, () => expect(parseError(sql, VARS).message).to.equal(message));
  }

  it('locates the variable in the whole request', () => {
    const raw = splitStatements('SHOW STREAMS;\n  DESCRIBE ${keyword};')[1]!;
    expect(() => parseStatement(raw, VariableScope.from(VARS, false))).to.throw(/^Illegal argument at Line: 2, Col: 12\./);
  });
});

describe('variables: rules', () => {
  it('leaves everything alone when no variable is defined', () => {
    expect(parse("SELECT * FROM s WHERE x = 'a${env}';").text).to.equal("SELECT * FROM s WHERE x = 'a${env}';");
    expect(parse("SELECT * FROM s WHERE x = 'a${env}';", {}).text).to.equal("SELECT * FROM s WHERE x = 'a${env}';");
  });

  it('keeps undefined references inside strings', () => {
    expect(parse("SELECT '${nope}', '${env}' FROM s;", VARS).text).to.equal("SELECT '${nope}', 'qa' FROM s;");
  });

  it('doubles every quote of a value put inside a string, so it stays one string', () => {
    const s = parse("SELECT '${quote}', '${str}' FROM s;", VARS);
    expect(s.text).to.equal("SELECT 'a''b', '''john''' FROM s;");
  });

  it('does not touch comments or quoted names', () => {
    expect(parse('SELECT `${env}` FROM s -- ${env}\n;', VARS).text).to.equal('SELECT `${env}` FROM s -- ${env}\n;');
  });

  it('matches names case-insensitively on /ksql and case-sensitively on /query-stream', () => {
    expect(parse("SELECT '${ENV}' FROM s;", VARS, false).text).to.equal("SELECT 'qa' FROM s;");
    expect(parse("SELECT '${ENV}' FROM s;", VARS, true).text).to.equal("SELECT '${ENV}' FROM s;");
    expect(parseError('SELECT * FROM ${SRC};', { src: 's' }, true).message).to.match(/^Illegal argument at Line: 1, Col: 15\./);
  });

  it('expands values again, only with variables the statement names itself', () => {
    const vars = { a: '${b}', b: 'B' };
    expect(parse("SELECT '${a}' FROM s;", vars).text).to.equal("SELECT '${b}' FROM s;");
    expect(parse("SELECT '${a}', '${b}' FROM s;", vars).text).to.equal("SELECT 'B', 'B' FROM s;");
  });

  it('reports a cycle the way ksqlDB does', () => {
    expect(parseError("SELECT '${a}${b}' FROM s;", { a: '${b}', b: '${a}' }).message).to.equal(
      "Exception while preparing statement: Infinite loop in property interpolation of SELECT '${a}${b}' FROM s;: a->b",
    );
  });

  it('counts positions from the substituted statement, which ksqlDB parses again on its own', () => {
    const raw = splitStatements('SHOW STREAMS;\n  DESCRIBE ${x};')[1]!;
    expect(() => parseStatement(raw, VariableScope.from({ x: 'SELECT' }, false))).to.throw(
      "line 1:10: Syntax Error\nSyntax error at or near 'SELECT' at line 1:10",
    );
    expect(() => parseStatement(raw, VariableScope.from({ x: 'a@b' }, false))).to.throw(
      "Illegal argument at Line: 1, Col: 10. Source names may only contain alphanumeric values, '_' or '-'. Got: 'A@B'",
    );
  });

  it('takes literal values as booleans, numbers or quoted strings', () => {
    const s = parse('INSERT INTO s VALUES (${a}, ${b}, ${c}, ${d}, ${e});', { a: 'TRUE', b: '-1.5e3', c: "'x''y'", d: "'it's'", e: '+7' });
    expect(s.text).to.equal("INSERT INTO s VALUES (TRUE, -1.5e3, 'x''y', 'it''s', +7);");
  });
});

describe('VariableScope', () => {
  it('converts JSON values as Java would print them', () => {
    const scope = VariableScope.from({ a: 5, b: true, c: 1.5, d: 1e21, e: 'x' }, true);
    expect(scope.entries()).to.deep.equal([
      ['a', '5'],
      ['b', 'true'],
      ['c', '1.5'],
      ['d', '1.0E21'],
      ['e', 'x'],
    ]);
  });

  it('keeps the first spelling of a name when case-insensitive', () => {
    const scope = new VariableScope(false);
    scope.set('Name', '1');
    scope.set('NAME', '2');
    expect(scope.entries()).to.deep.equal([['Name', '2']]);
    expect(scope.get('name')).to.equal('2');
    expect(scope.delete('nAmE')).to.equal(true);
    expect(scope.size).to.equal(0);
  });

  it('tells names apart when case-sensitive', () => {
    const scope = VariableScope.from({ a: '1', A: '2' }, true);
    expect(scope.size).to.equal(2);
    expect(scope.has('a') && scope.has('A')).to.equal(true);
    expect(scope.delete('b')).to.equal(false);
  });
});

describe('substitute (commons-text StringSubstitutor)', () => {
  const values: Record<string, string> = { a: 'b', b: 'B!', env: 'qa', x: '${y}', y: 'Y' };
  const resolve = (name: string): string | null => values[name] ?? null;
  // Each expectation is StringSubstitutor.replace(input, values) from commons-text 1.10.0.
  const cases: readonly [string, string][] = [
    ['${${a}}', '${${a}}'],
    ['$${env}', '${env}'],
    ['$${${env}}', '${qa}'],
    ['${nope}', '${nope}'],
    ['${nope:-dflt}', 'dflt'],
    ['${env:-dflt}', 'qa'],
    ['${x}', 'Y'],
    ['$$${env}', '$${env}'],
    ['$$$${env}', '$$${env}'],
    ['${ env}', '${ env}'],
    ['${}', '${}'],
    ['${:-d}', 'd'],
    ['a${env', 'a${env'],
    ['$${env', '$${env'],
    ['${env}}}', 'qa}}'],
    ['x $${env} y ${env}', 'x ${env} y qa'],
    ['${a}${a}', 'bb'],
    ['${a:-${env}}', 'b}'],
    ['${nope:-${env}}', '${env}'],
  ];
  for (const [input, output] of cases) {
    it(`${input} → ${output}`, () => expect(substitute(input, resolve)).to.equal(output));
  }

  it('detects a cycle', () => {
    const cyclic: Record<string, string> = { c: '${d}', d: '${c}' };
    expect(() => substitute('${c}', (n) => cyclic[n] ?? null)).to.throw('Infinite loop in property interpolation of ${c}: c->d');
  });
});
