/**
 * What every scenario gets: the server's URL and PID, the sizes, and DDL through POST /ksql. A
 * scenario returns numbers (medians are taken over rounds), context, and the correctness
 * failures it saw: a figure reached by dropping rows must not pass.
 */
import { postJson, type Connection } from '../lib/h2-client.js';
import type { Sizes } from './sizes.js';

export interface ScenarioContext {
  readonly url: string;
  readonly pid: number;
  readonly sizes: Sizes;
  /** False in the warm-up pass, whose figures nobody reads. */
  readonly measured: boolean;
  /** A name no earlier scenario on this server used: streams are never reused. */
  name(tag: string): string;
  /** Runs one statement; returns the persistent query it started, if the answer names one. */
  ddl(conn: Connection, statement: string): Promise<string | null>;
  drop(conn: Connection, statements: readonly string[]): Promise<void>;
  readonly warnings: string[];
}

export interface ScenarioRun {
  /** Numeric results; the runner takes the median of each over rounds. */
  readonly metrics: Record<string, number | null>;
  readonly info: Record<string, unknown>;
  /** Broken correctness gates, with the server's answer where there was one. Empty: passed. */
  readonly failures: string[];
}

export type Scenario = (ctx: ScenarioContext) => Promise<ScenarioRun>;

export function streamDdl(name: string, columns: string): string {
  return `CREATE STREAM ${name} (${columns}) WITH (kafka_topic='${name.toLowerCase()}', value_format='JSON', partitions=1);`;
}

export function makeContext(url: string, pid: number, sizes: Sizes, runId: string, measured = true): ScenarioContext {
  const warnings: string[] = [];
  let seq = 0;
  return {
    url,
    pid,
    sizes,
    measured,
    warnings,
    name: (tag) => `B${runId}_${tag}_${++seq}`.toUpperCase(),
    async ddl(conn, statement) {
      const r = await postJson(conn, '/ksql', { ksql: statement, streamsProperties: {} });
      if (r.status !== 200) throw new Error(`/ksql answered ${r.status} to ${statement} -> ${r.body.slice(0, 400)}`);
      return startedQuery(r.body);
    },
    async drop(conn, statements) {
      for (const s of statements) {
        const r = await postJson(conn, '/ksql', { ksql: s, streamsProperties: {} }).catch((e: unknown) => ({ status: 0, body: String(e) }));
        if (r.status !== 200) warnings.push(`${s} -> ${r.status} ${r.body.slice(0, 200)}`);
      }
    },
  };
}

function startedQuery(body: string): string | null {
  try {
    const entities = JSON.parse(body) as { commandStatus?: { queryId?: unknown } }[];
    const id = entities.at(-1)?.commandStatus?.queryId;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}
