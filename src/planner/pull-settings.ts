/**
 * The settings that shape pull queries, from the server's properties file and overridable per
 * request (the `properties` of `/query-stream`), as ksqlDB's KsqlConfig defines them: each is on
 * by default.
 *
 * - ksql.query.pull.table.scan.enabled: a WHERE clause that does not pin the key may read the
 *   whole table; when off, such a query fails instead.
 * - ksql.query.pull.range.scan.enabled: a single `<`, `<=`, `>`, `>=` on a STRING or BYTES key
 *   reads a key range; when off it needs a table scan.
 * - ksql.query.pull.limit.clause.enabled: pull queries may have a LIMIT clause.
 */
import { KsqlError, ErrorCode } from '../errors.js';

export interface PullSettings {
  readonly tableScans: boolean;
  readonly rangeScans: boolean;
  readonly limitClause: boolean;
}

export const DEFAULT_PULL_SETTINGS: PullSettings = { tableScans: true, rangeScans: true, limitClause: true };

const NAMES: Readonly<Record<keyof PullSettings, string>> = {
  tableScans: 'ksql.query.pull.table.scan.enabled',
  rangeScans: 'ksql.query.pull.range.scan.enabled',
  limitClause: 'ksql.query.pull.limit.clause.enabled',
};

/** `base` with whatever the properties (a properties file, or a request's overrides) say. */
export function pullSettings(base: PullSettings, properties: ReadonlyMap<string, unknown>): PullSettings {
  const out: Record<keyof PullSettings, boolean> = { ...base };
  for (const field of Object.keys(NAMES) as (keyof PullSettings)[]) {
    const value = properties.get(NAMES[field]);
    if (value !== undefined && value !== null) out[field] = booleanSetting(NAMES[field], value);
  }
  return out;
}

/** Kafka's ConfigDef reads a BOOLEAN from true/false in any case, and refuses anything else. */
function booleanSetting(name: string, value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  const text = String(value).trim().toLowerCase();
  if (text === 'true') return true;
  if (text === 'false') return false;
  throw new KsqlError(ErrorCode.BAD_REQUEST, `Invalid value ${String(value)} for configuration ${name}: Expected value to be either true or false`, 400);
}
