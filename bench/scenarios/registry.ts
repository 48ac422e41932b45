/** Scenario names as the command line gives them, each expanded to its labelled runs. */
import type { ScenarioContext, ScenarioRun } from './context.js';
import { s1Inserts } from './s1-inserts.js';
import { s2Latency } from './s2-latency.js';
import { s3Fanout, s3Label, type Layout } from './s3-fanout.js';
import { s4Pull } from './s4-pull.js';
import { idleHold, s5IdleMemory } from './s5-idle-memory.js';

export interface LabelledScenario {
  readonly label: string;
  readonly run: (ctx: ScenarioContext) => Promise<ScenarioRun>;
}

/** S5 first: it is only meaningful on a server nothing else has run on yet. */
export const DEFAULT_SCENARIOS = ['S5', 'S1', 'S2', 'S3', 'S4'] as const;
export const KNOWN_SCENARIOS = [...DEFAULT_SCENARIOS, 'IDLE'];

export function expand(name: string, s3Subs: readonly number[]): LabelledScenario[] {
  switch (name) {
    case 'S1':
      return [{ label: 'S1', run: s1Inserts }];
    case 'S2':
      return [{ label: 'S2', run: s2Latency }];
    case 'S3':
      return s3Subs.flatMap((k) => (['one', 'each'] as Layout[]).map((layout) => ({ label: s3Label(k, layout), run: (c: ScenarioContext) => s3Fanout(c, k, layout) })));
    case 'S4':
      return [{ label: 'S4', run: s4Pull }];
    case 'S5':
      return [{ label: 'S5', run: s5IdleMemory }];
    case 'IDLE':
      return [{ label: 'IDLE', run: idleHold }];
    default:
      throw new Error(`unknown scenario ${name}; known: ${KNOWN_SCENARIOS.join(', ')}`);
  }
}
