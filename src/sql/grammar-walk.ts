/**
 * A non-deterministic walk of the grammar (Chevrotain's GAST), used only after a syntax error to
 * find out what ANTLR would have reported: the first token that no reading of the grammar accepts,
 * which alternatives were still open at that point, and which tokens were expected.
 *
 * Every way of reading the tokens so far is a configuration: the rest of the grammar to match as
 * a stack of grammar items. Stacks are hash-consed, so two readings that reach the same point with
 * the same continuation are one configuration (the first, i.e. the lower alternative, wins: that is
 * how ANTLR resolves an ambiguity). Gates are ignored, so the walk accepts a little more than the
 * parser; that only matters on inputs the parser rejected anyway.
 */
import {
  Alternation,
  Alternative,
  NonTerminal,
  Option,
  Repetition,
  RepetitionMandatory,
  RepetitionMandatoryWithSeparator,
  RepetitionWithSeparator,
  Rule,
  Terminal,
  type IProduction,
  type TokenType,
} from 'chevrotain';

/** Another round of a loop; `back` once a round has been made (ANTLR's *_LOOP_BACK state). */
interface LoopItem {
  readonly loop: readonly IProduction[];
  readonly sep?: TokenType;
  readonly back: boolean;
  readonly prod: object;
}
interface RuleEnd {
  readonly ruleEnd: Rule;
}
interface SepToken {
  readonly sepToken: TokenType;
}
type Item = IProduction | LoopItem | RuleEnd | SepToken;

export interface Cell {
  readonly head: Item;
  readonly tail: Cell | null;
  readonly id: number;
}

/** A decision taken at `tokenIndex`: which branch, inside which rule invocation (its end cell). */
export interface Choice {
  readonly key: string;
  readonly tokenIndex: number;
  /** Creation order: of two decisions at the same token, the outer one was taken first. */
  readonly seq: number;
  readonly branch: number;
  readonly rule: Cell | null;
  readonly next: Choice | null;
}

interface RuleFrame {
  readonly cell: Cell;
  readonly next: RuleFrame | null;
}

/**
 * Where a reading stands since the last consumed token, mirroring ANTLR's sync(), which at each
 * decision checks the next token against what the rest of the current rule accepts:
 * 0 = still skipping optional parts (a terminal reached this way is ANTLR's match()),
 * 1 = past the decision where ANTLR gave up (`sync` says which and what it expected),
 * 2 = inside an optional part (acceptable, but not what ANTLR reports).
 */
export type Mode = 0 | 1 | 2;

/** The decision where ANTLR's sync() fails: a block or loop entry, or a loop's next round. */
export interface SyncFailure {
  readonly kind: 'entry' | 'back';
  readonly expected: readonly TokenType[];
}

export interface Config {
  readonly stack: Cell | null;
  readonly mode: Mode;
  readonly rules: RuleFrame | null;
  readonly choices: Choice | null;
  readonly sync?: SyncFailure;
}

/** A configuration waiting for a token (`terminal`), or at the end of the start rule (`null`). */
export interface Frontier {
  readonly config: Config;
  readonly terminal: TokenType | null;
}

export class WalkBudgetExceeded extends Error {}

const BUDGET = 400_000;

/** Does a token of type `actual` match the grammar's `expected` (a type or a category)? */
export function typeMatches(actual: TokenType, expected: TokenType): boolean {
  if (actual === expected) return true;
  const idx = (actual as { tokenTypeIdx?: number }).tokenTypeIdx;
  const map = (expected as { categoryMatchesMap?: Record<number, boolean> }).categoryMatchesMap;
  return idx !== undefined && map?.[idx] === true;
}

/**
 * What depends on the grammar alone, shared by all walks: the grammar is fixed for the process,
 * and computing FIRST sets again for every syntax error would cost more than the walk.
 */
const GRAMMAR = {
  loops: new Map<object, LoopItem>(),
  backLoops: new Map<object, LoopItem>(),
  ends: new Map<Rule, RuleEnd>(),
  seps: new Map<TokenType, SepToken>(),
  ids: new Map<object, number>(),
  nullables: new Map<object, boolean>(),
  firsts: new Map<object, readonly TokenType[]>(),
};

export class GrammarWalk {
  private readonly cells = new Map<Item, Map<Cell | null, Cell>>();
  private readonly loops = GRAMMAR.loops;
  private readonly backLoops = GRAMMAR.backLoops;
  private readonly ends = GRAMMAR.ends;
  private readonly seps = GRAMMAR.seps;
  private readonly ids = GRAMMAR.ids;
  private readonly nullables = GRAMMAR.nullables;
  private readonly firsts = GRAMMAR.firsts;
  private readonly localFirsts = new Map<Cell, { readonly tokens: readonly TokenType[]; readonly epsilon: boolean }>();
  private nextId = 0;
  private choiceSeq = 0;
  private steps = 0;

  constructor(private readonly start: Rule) {}

  /** The configurations before the first token. */
  initial(): Frontier[] {
    return this.closure([{ stack: this.pushAll(this.start.definition, null), mode: 0, rules: null, choices: null }], 0);
  }

  /** The configurations after `type` is consumed at `tokenIndex` (empty: the token is not accepted). */
  advance(frontier: readonly Frontier[], type: TokenType, tokenIndex: number): Frontier[] {
    const seeds: Config[] = [];
    for (const f of frontier) {
      if (f.terminal && typeMatches(type, f.terminal)) {
        const c = f.config;
        seeds.push({ stack: c.stack!.tail, mode: 0, rules: c.rules, choices: c.choices });
      }
    }
    return seeds.length ? this.closure(seeds, tokenIndex + 1) : [];
  }

  private closure(seeds: readonly Config[], tokenIndex: number): Frontier[] {
    const out: Frontier[] = [];
    const seen = new Set<number>();
    let end = false;
    const work = [...seeds].reverse();
    while (work.length > 0) {
      if (++this.steps > BUDGET) throw new WalkBudgetExceeded();
      const c = work.pop()!;
      if (c.stack === null) {
        if (!end) out.push({ config: c, terminal: null });
        end = true;
        continue;
      }
      const key = c.stack.id * 3 + c.mode;
      if (seen.has(key)) continue;
      seen.add(key);
      this.expand(c, c.stack, tokenIndex, work, out);
    }
    return out;
  }

  private expand(c: Config, cell: Cell, tokenIndex: number, work: Config[], out: Frontier[]): void {
    const head = cell.head;
    const tail = cell.tail;
    if (head instanceof Terminal) out.push({ config: c, terminal: head.terminalType });
    else if ('sepToken' in head) out.push({ config: c, terminal: head.sepToken });
    else if ('ruleEnd' in head) work.push({ ...c, stack: tail, rules: c.rules?.next ?? null });
    else if (head instanceof NonTerminal) work.push(this.enterRule(c, head.referencedRule, tail));
    else if (head instanceof Alternative) work.push({ ...c, stack: this.pushAll(head.definition, tail) });
    else if (head instanceof RepetitionMandatoryWithSeparator) {
      // `x (',' x)*` in SqlBase.g4: the first `x` is no decision.
      const loop = this.loopOf(head, head.definition, false, head.separator);
      work.push({ ...c, stack: this.pushAll(head.definition, this.cons(loop, tail)) });
    } else {
      const [branches, nullable] = this.branches(head, tail);
      this.decide(c, head, cell, branches, nullable, tokenIndex, work);
    }
  }

  /** The branches of a decision, and which of them can match nothing. */
  private branches(head: Item, tail: Cell | null): [(Cell | null)[], boolean[]] {
    if (head instanceof Alternation) {
      const alts = head.definition as Alternative[];
      return [alts.map((alt) => this.pushAll(alt.definition, tail)), alts.map((alt) => this.nullable(alt))];
    }
    if (head instanceof RepetitionMandatory) {
      const rounds = this.cons(this.loopOf(head, head.definition, true), tail);
      return [[this.pushAll(head.definition, rounds)], [this.nullableSeq(head.definition)]];
    }
    if (head instanceof Option) return [[this.pushAll(head.definition, tail), tail], [this.nullableSeq(head.definition), true]];
    if (head instanceof Repetition) {
      return [[this.pushAll(head.definition, this.cons(this.loopOf(head, head.definition, true), tail)), tail], [false, true]];
    }
    if (head instanceof RepetitionWithSeparator) {
      const loop = this.loopOf(head, head.definition, false, head.separator);
      return [[this.pushAll(head.definition, this.cons(loop, tail)), tail], [false, true]];
    }
    const loop = head as LoopItem;
    let again = this.pushAll(loop.loop, this.cons(this.loopOf(loop.prod, loop.loop, true, loop.sep), tail));
    if (loop.sep) again = this.cons(this.sepOf(loop.sep), again);
    return [[again, tail], [false, true]];
  }

  private enterRule(c: Config, rule: Rule, tail: Cell | null): Config {
    const endCell = this.cons(this.endOf(rule), tail);
    return { ...c, stack: this.pushAll(rule.definition, endCell), rules: { cell: endCell, next: c.rules } };
  }

  /**
   * One decision. While skipping (mode 0), ANTLR's sync() compares the next token with what the
   * rest of the rule accepts from here: if the rule can still end without a token, it goes on
   * skipping (the branches that need a token are optional, mode 2); if not, this is where it
   * reports the error, expecting exactly that set.
   */
  private decide(
    c: Config,
    prod: object,
    cell: Cell,
    branches: (Cell | null)[],
    nullable: boolean[],
    tokenIndex: number,
    work: Config[],
  ): void {
    const key = `${this.idOf(prod)}@${tokenIndex}`;
    const rule = c.rules?.cell ?? null;
    this.choiceSeq++;
    let sync = c.sync;
    let failed = false;
    if (c.mode === 0) {
      const local = this.firstInRule(cell);
      failed = !local.epsilon;
      if (failed) sync = { kind: 'back' in prod && prod.back ? 'back' : 'entry', expected: local.tokens };
    }
    for (let i = branches.length - 1; i >= 0; i--) {
      const mode: Mode = c.mode !== 0 ? c.mode : failed ? 1 : nullable[i] ? 0 : 2;
      const choices: Choice = { key, tokenIndex, seq: this.choiceSeq, branch: i, rule, next: c.choices };
      const next: Config = { stack: branches[i]!, mode, rules: c.rules, choices };
      work.push(sync ? { ...next, sync } : next);
    }
  }

  /** What the rest of the current rule accepts first from `cell`, and whether it can end empty. */
  private firstInRule(cell: Cell | null): { readonly tokens: readonly TokenType[]; readonly epsilon: boolean } {
    if (cell === null || 'ruleEnd' in cell.head) return { tokens: [], epsilon: true };
    const known = this.localFirsts.get(cell);
    if (known) return known;
    const tokens = new Set(this.first(cell.head));
    let epsilon = false;
    if (this.nullableItem(cell.head)) {
      const rest = this.firstInRule(cell.tail);
      rest.tokens.forEach((t) => tokens.add(t));
      epsilon = rest.epsilon;
    }
    const result = { tokens: [...tokens], epsilon };
    this.localFirsts.set(cell, result);
    return result;
  }

  private first(item: Item): readonly TokenType[] {
    if (item instanceof Terminal) return [item.terminalType];
    if ('sepToken' in item) return [item.sepToken];
    if ('ruleEnd' in item) return [];
    const known = this.firsts.get(item);
    if (known) return known;
    this.firsts.set(item, []); // guards recursion; a grammar Chevrotain accepts has no left recursion
    let result: TokenType[];
    if ('loop' in item) result = item.sep ? [item.sep] : this.firstSeq(item.loop);
    else if (item instanceof NonTerminal) result = this.firstSeq(item.referencedRule.definition);
    else if (item instanceof Alternation) result = (item.definition as Alternative[]).flatMap((a) => this.firstSeq(a.definition));
    else result = this.firstSeq((item as unknown as { definition: IProduction[] }).definition);
    const unique = [...new Set(result)];
    this.firsts.set(item, unique);
    return unique;
  }

  private firstSeq(items: readonly IProduction[]): TokenType[] {
    const out: TokenType[] = [];
    for (const p of items) {
      out.push(...this.first(p));
      if (!this.nullable(p)) break;
    }
    return out;
  }

  private nullableItem(item: Item): boolean {
    if ('loop' in item) return true;
    if ('sepToken' in item) return false;
    if ('ruleEnd' in item) return true;
    return this.nullable(item);
  }

  private pushAll(items: readonly IProduction[], tail: Cell | null): Cell | null {
    let cell = tail;
    for (let i = items.length - 1; i >= 0; i--) cell = this.cons(items[i]!, cell);
    return cell;
  }

  private cons(head: Item, tail: Cell | null): Cell {
    let byTail = this.cells.get(head);
    if (!byTail) this.cells.set(head, (byTail = new Map()));
    let cell = byTail.get(tail);
    if (!cell) byTail.set(tail, (cell = { head, tail, id: this.nextId++ }));
    return cell;
  }

  /** The item for a loop's first decision (`back` false) or for its later rounds. */
  private loopOf(prod: object, body: readonly IProduction[], back: boolean, sep?: TokenType): LoopItem {
    const loops = back ? this.backLoops : this.loops;
    let item = loops.get(prod);
    if (!item) loops.set(prod, (item = sep ? { loop: body, sep, back, prod } : { loop: body, back, prod }));
    return item;
  }

  private endOf(rule: Rule): RuleEnd {
    let item = this.ends.get(rule);
    if (!item) this.ends.set(rule, (item = { ruleEnd: rule }));
    return item;
  }

  private sepOf(type: TokenType): SepToken {
    let item = this.seps.get(type);
    if (!item) this.seps.set(type, (item = { sepToken: type }));
    return item;
  }

  private idOf(o: object): number {
    let id = this.ids.get(o);
    if (id === undefined) this.ids.set(o, (id = this.ids.size));
    return id;
  }

  private nullableSeq(items: readonly IProduction[]): boolean {
    return items.every((p) => this.nullable(p));
  }

  private nullable(p: IProduction | Rule): boolean {
    const known = this.nullables.get(p);
    if (known !== undefined) return known;
    this.nullables.set(p, false); // a rule that reaches itself before a token is not nullable that way
    let result: boolean;
    if (p instanceof Terminal) result = false;
    else if (p instanceof NonTerminal) result = this.nullable(p.referencedRule);
    else if (p instanceof Option || p instanceof Repetition || p instanceof RepetitionWithSeparator) result = true;
    else if (p instanceof Alternation) result = p.definition.some((a) => this.nullable(a));
    else result = this.nullableSeq((p as { definition: IProduction[] }).definition);
    this.nullables.set(p, result);
    return result;
  }
}
