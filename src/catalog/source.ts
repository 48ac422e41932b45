/** A stream or table registered in the catalog, over one topic. */
import type { FormatName } from './formats/format.js';
import type { LogicalSchema } from './schema.js';

export type SourceType = 'STREAM' | 'TABLE';

export interface FormatInfo {
  readonly format: FormatName;
  /** WRAP_SINGLE_VALUE for values; keys are never wrapped unless several columns form them. */
  readonly wrapSingleValue?: boolean;
  /** DELIMITED's VALUE_DELIMITER. */
  readonly delimiter?: string;
}

export interface DataSource {
  readonly name: string;
  readonly type: SourceType;
  readonly schema: LogicalSchema;
  readonly topic: string;
  readonly keyFormat: FormatInfo;
  readonly valueFormat: FormatInfo;
  /** TIMESTAMP='col' of the WITH clause, resolved; ROWTIME otherwise. */
  readonly timestampColumn?: string;
  readonly timestampFormat?: string;
  readonly windowType?: 'TUMBLING' | 'HOPPING' | 'SESSION';
  /**
   * Window size in milliseconds, for time windows (TUMBLING, HOPPING): WINDOW_SIZE of the WITH
   * clause, or the size of the windowed aggregation that writes the source. Time-windowed keys store
   * only the start, so a reader needs it for the end (see formats/windowed-key.ts).
   */
  readonly windowSize?: number;
  /** CREATE SOURCE STREAM|TABLE: read-only. */
  readonly isSource: boolean;
  /** The statement that created it, as ksqlDB shows it in DESCRIBE. */
  readonly statement: string;
}
