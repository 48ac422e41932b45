/**
 * PRINT: streams a topic's raw records as text lines (protocol spec §3):
 * `rowtime: 2022/12/02 17:22:02.556 Z, key: <k>, value: <v>, partition: <p>`.
 * INTERVAL n emits the 1st, (n+1)th, ... record; LIMIT n stops after n lines. Keys and values are
 * shown in the formats that still fit every record seen (print-formats.ts); windowed keys as
 * `[key@start/end]` (sessions) or `[key@start/-]` (time windows).
 */
import type { StartPosition, StoredRecord, TopicLog } from '../store/topic-log.js';
import { FormatEliminator } from './print-formats.js';

export interface LineSink {
  line(text: string): Promise<void>;
  end(): void;
  readonly closed: boolean;
  onClose(listener: () => void): void;
}

export interface PrintOptions {
  readonly start: StartPosition;
  readonly interval: number;
  readonly limit?: number;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function formatRowtime(ms: number): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return 'N/A';
  const date = `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
  return `${date} ${time} Z`;
}

export function startPrint(topic: TopicLog, options: PrintOptions, sink: LineSink): { close(): void; done: Promise<void> } {
  const cursor = topic.cursor(options.start);
  sink.onClose(() => cursor.close());
  const formatter = new BatchFormatter();
  const run = async (): Promise<void> => {
    let polled = 0;
    let emitted = 0;
    if (options.limit === 0) return sink.end();
    while (!cursor.closed && !sink.closed) {
      const batch = await cursor.poll(256);
      if (batch.length === 0) {
        await cursor.wait();
        continue;
      }
      for (const line of formatter.format(batch)) {
        if (polled++ % options.interval !== 0) continue;
        await sink.line(line);
        if (sink.closed) return;
        if (options.limit !== undefined && ++emitted >= options.limit) {
          cursor.close();
          return sink.end();
        }
      }
    }
  };
  const done = run().finally(() => cursor.close());
  return {
    close: () => {
      cursor.close();
      sink.end();
    },
    done,
  };
}

/**
 * RecordFormatter#format: every record of a poll batch is formatted, those INTERVAL skips too, so
 * each one narrows the candidate formats; when the format in use before the batch fell while
 * formatting it, the batch is formatted again with the formats left, so one batch never mixes the
 * old reading with the new.
 */
class BatchFormatter {
  private readonly keys = new FormatEliminator({ keys: true });
  private readonly values = new FormatEliminator();

  format(batch: readonly StoredRecord[]): string[] {
    const activeKey = this.keys.active;
    const activeValue = this.values.active;
    const lines = batch.map((r) => this.line(r));
    if (this.keys.stands(activeKey) && this.values.stands(activeValue)) return lines;
    return batch.map((r) => this.line(r));
  }

  private line(r: StoredRecord): string {
    return `rowtime: ${formatRowtime(r.timestamp)}, key: ${this.keys.format(r.key)}, value: ${this.values.format(r.value)}, partition: ${r.partition}\n`;
  }
}
