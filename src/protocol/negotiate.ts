/**
 * Content negotiation as ksqlDB's Vert.x router does it (protocol spec §0.3): the client's Accept
 * entries are ranked by q-value, then by specificity (type/sub > type/* > *\/*); the best-ranked
 * entry that matches any produced type picks the first produced type it matches, in the route's
 * order. No Accept header: the route's default. Nothing matches: the 404 catch-all.
 */

export const MediaType = {
  DELIMITED: 'application/vnd.ksqlapi.delimited.v1',
  JSON: 'application/json',
  KSQL_V1_JSON: 'application/vnd.ksql.v1+json',
} as const;
export type MediaTypeValue = (typeof MediaType)[keyof typeof MediaType];

interface AcceptEntry {
  readonly type: string;
  readonly subtype: string;
  readonly q: number;
  readonly specificity: number;
  readonly index: number;
}

function parseAccept(header: string): AcceptEntry[] {
  const entries: AcceptEntry[] = [];
  header.split(',').forEach((part, index) => {
    const [range = '', ...params] = part.split(';').map((s) => s.trim());
    const slash = range.indexOf('/');
    if (slash <= 0) return;
    const type = range.slice(0, slash).toLowerCase();
    const subtype = range.slice(slash + 1).toLowerCase();
    let q = 1;
    for (const p of params) {
      const [k, v] = p.split('=').map((s) => s.trim());
      if (k?.toLowerCase() === 'q' && v !== undefined) q = Number.isFinite(Number(v)) ? Number(v) : 0;
    }
    const specificity = type === '*' ? 0 : subtype === '*' ? 1 : 2;
    entries.push({ type, subtype, q, specificity, index });
  });
  return entries
    .filter((e) => e.q > 0)
    .sort((a, b) => b.q - a.q || b.specificity - a.specificity || a.index - b.index);
}

function matches(entry: AcceptEntry, produced: string): boolean {
  const [type, subtype] = produced.split('/') as [string, string];
  if (entry.type !== '*' && entry.type !== type) return false;
  return entry.subtype === '*' || entry.subtype === subtype;
}

/**
 * The negotiated type: one of `produces`, `null` when the request had no Accept header, or
 * `undefined` when nothing matches (the caller answers with the 404 catch-all).
 */
export function negotiate(accept: string | undefined, produces: readonly string[]): string | null | undefined {
  if (accept === undefined) return null;
  // Clients send the same few Accept headers again and again: remember the answers.
  let answers = negotiated.get(produces);
  if (!answers) negotiated.set(produces, (answers = new Map()));
  const known = answers.get(accept);
  if (known !== undefined || answers.has(accept)) return known;
  const answer = choose(accept, produces);
  if (answers.size >= MAX_REMEMBERED) answers.clear();
  answers.set(accept, answer);
  return answer;
}

const negotiated = new WeakMap<readonly string[], Map<string, string | null | undefined>>();
const MAX_REMEMBERED = 256;

function choose(accept: string, produces: readonly string[]): string | null | undefined {
  if (accept.trim() === '') return null;
  for (const entry of parseAccept(accept)) {
    const hit = produces.find((p) => matches(entry, p));
    if (hit) return hit;
  }
  return undefined;
}
