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

interface LoopItem {
  readonly loop: readonly IProduction[];
  readonly sep?: TokenType;
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
  readonly branch: number;
  readonly rule: Cell | null;
  readonly next: Choice | null;
}

interface RuleFrame {
  readonly cell: Cell;
  readonly next: RuleFrame | null;
}

/**
 * Mode since the last consumed token, mirroring ANTLR's sync(): 0 = still skipping optional parts,
 * 1 = inside the first required element (its tokens are what ANTLR reports), 2 = inside an
 * optional part (a token ANTLR would also have accepted, but not the one it asks for).
 */
export type Mode = 0 | 1 | 2;

export interface Config {
  readonly stack: Cell | null;
  readonly mode: Mode;
  readonly rules: RuleFrame | null;
  readonly choices: Choice | null;
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

export class GrammarWalk {
  private readonly cells = new Map<Item, Map<Cell | null, Cell>>();
  private readonly loops = new Map<object, LoopItem>();
  private readonly ends = new Map<Rule, RuleEnd>();
  private readonly seps = new Map<TokenType, SepToken>();
  private readonly ids = new Map<object, number>();
  private readonly nullables = new Map<object, boolean>();
  private nextId = 0;
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
      if (f.terminal && typeMatches(type, f.terminal)) seeds.push({ ...f.config, stack: f.config.stack!.tail, mode: 0 });
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
    else if (head instanceof Alternation) {
      const branches = head.definition.map((alt) => this.pushAll((alt as Alternative).definition, tail));
      this.decide(c, head, branches, head.definition.map((alt) => this.nullable(alt)), tokenIndex, work);
    } else if (head instanceof RepetitionMandatory) work.push(this.required(c, head.definition, this.loopOf(head, head.definition), tail));
    else if (head instanceof RepetitionMandatoryWithSeparator) {
      work.push(this.required(c, head.definition, this.loopOf(head, head.definition, head.separator), tail));
    } else if (head instanceof Option) this.optional(c, head, head.definition, tail, tail, tokenIndex, work);
    else if (head instanceof Repetition) this.optional(c, head, head.definition, this.cons(head, tail), tail, tokenIndex, work);
    else if (head instanceof RepetitionWithSeparator) {
      this.optional(c, head, head.definition, this.cons(this.loopOf(head, head.definition, head.separator), tail), tail, tokenIndex, work);
    } else if ('loop' in head) this.loopAgain(c, head, cell, tail, tokenIndex, work);
  }

  private enterRule(c: Config, rule: Rule, tail: Cell | null): Config {
    const endCell = this.cons(this.endOf(rule), tail);
    return {
      ...c,
      stack: this.pushAll(rule.definition, endCell),
      mode: c.mode === 0 && !this.nullable(rule) ? 1 : c.mode,
      rules: { cell: endCell, next: c.rules },
    };
  }

  /** The first, compulsory round of AT_LEAST_ONE(_SEP), then its loop. */
  private required(c: Config, body: IProduction[], loop: LoopItem, tail: Cell | null): Config {
    const mode = c.mode === 0 && !this.nullableSeq(body) ? 1 : c.mode;
    return { ...c, stack: this.pushAll(body, this.cons(loop, tail)), mode };
  }

  /** OPTION / MANY / MANY_SEP: take the body (then `after`), or skip to `tail`. */
  private optional(
    c: Config,
    prod: object,
    body: IProduction[],
    after: Cell | null,
    tail: Cell | null,
    tokenIndex: number,
    work: Config[],
  ): void {
    this.decide(c, prod, [this.pushAll(body, after), tail], [this.nullableSeq(body), true], tokenIndex, work);
  }

  /** Another round of a loop: `sep body loop`, or leave it. */
  private loopAgain(c: Config, loop: LoopItem, cell: Cell, tail: Cell | null, tokenIndex: number, work: Config[]): void {
    let again = this.pushAll(loop.loop, cell);
    if (loop.sep) again = this.cons(this.sepOf(loop.sep), again);
    this.decide(c, loop, [again, tail], [false, true], tokenIndex, work);
  }

  private decide(
    c: Config,
    prod: object,
    branches: (Cell | null)[],
    nullable: boolean[],
    tokenIndex: number,
    work: Config[],
  ): void {
    const key = `${this.idOf(prod)}@${tokenIndex}`;
    const decisionNullable = nullable.some((n) => n);
    const rule = c.rules?.cell ?? null;
    for (let i = branches.length - 1; i >= 0; i--) {
      const mode: Mode = c.mode !== 0 ? c.mode : decisionNullable ? (nullable[i] ? 0 : 2) : 1;
      const choices: Choice = { key, tokenIndex, branch: i, rule, next: c.choices };
      work.push({ stack: branches[i]!, mode, rules: c.rules, choices });
    }
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

  private loopOf(prod: object, body: IProduction[], sep?: TokenType): LoopItem {
    let item = this.loops.get(prod);
    if (!item) this.loops.set(prod, (item = sep ? { loop: body, sep } : { loop: body }));
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
