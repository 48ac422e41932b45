/**
 * Demo data: keeps inserting rows into a stream at a steady rate, with values made up per
 * column type and name (USERID → User_3, PAGEID → Page_42, *TIME → the clock), so that a push
 * query over it shows live rows at once.
 */
import type { Column } from '../catalog/schema.js';
import type { Engine } from '../engine/engine.js';
import { encodeRecord } from '../engine/record-encoder.js';
import { Decimal } from '../sql/decimal.js';

function valueFor(column: Column, n: number): unknown {
  const name = column.name.toUpperCase();
  switch (column.type.kind) {
    case 'STRING':
      if (name.includes('USER')) return `User_${1 + (n % 9)}`;
      if (name.includes('PAGE')) return `Page_${10 + ((n * 7) % 90)}`;
      return `${column.name.toLowerCase()}_${n}`;
    case 'BIGINT':
      return name.includes('TIME') ? BigInt(Date.now()) : BigInt(n);
    case 'INTEGER':
      return n % 1000;
    case 'DOUBLE':
      return Math.round(Math.random() * 10000) / 100;
    case 'BOOLEAN':
      return n % 2 === 0;
    case 'DECIMAL':
      return new Decimal(BigInt(n % 10000), column.type.scale);
    case 'TIMESTAMP':
      return Date.now();
    default:
      return null;
  }
}

export function startRowGenerator(engine: Engine, sourceName: string, rowsPerSecond: number): () => void {
  const source = engine.catalog.getSource(sourceName.toUpperCase()) ?? engine.catalog.getSource(sourceName);
  if (!source) throw new Error(`--generate: no stream named ${sourceName}`);
  const topic = engine.topicOf(source);
  let n = 0;
  const timer = setInterval(() => {
    const values = new Map(source.schema.columns.map((c) => [c.name, valueFor(c, n)]));
    n++;
    void topic.append(encodeRecord(source, values));
  }, 1000 / rowsPerSecond);
  timer.unref();
  return () => clearInterval(timer);
}
