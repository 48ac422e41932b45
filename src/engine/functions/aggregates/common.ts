/**
 * What every aggregate family shares: the richer aggregator shape this folder returns, argument
 * checks worded as ksqlDB words them, Java integer arithmetic and numeric conversions.
 *
 * ksqlDB resolves most aggregates through its UDF index (exact match first, then implicit numeric
 * widening INTEGER → BIGINT → DECIMAL → DOUBLE); a call that matches nothing fails with
 * "Function 'name' does not accept parameters (TYPES)." where `name` is spelt as the UDAF declares
 * it. MIN, MAX and TOPKDISTINCT are older hand-written factories with their own message.
 */
import { KsqlStatementError } from '../../../errors.js';
import { Decimal } from '../../../sql/decimal.js';
import type { SqlType } from '../../../sql/types.js';
import type { AggregateArg, AggregateFunctionDef, Aggregator } from '../aggregate.js';

/** Settings a call may depend on (ksqlDB hands UDAFs the `ksql.functions.<name>.*` config). */
export interface AggregateResolveContext {
  /** Server and query properties by full name, e.g. `ksql.functions.collect_list.limit`. */
  readonly properties?: Readonly<Record<string, unknown>> | ReadonlyMap<string, unknown>;
}

/** An aggregator that also tells the type of its state, as ksqlDB's `getAggregateSqlType`. */
export interface KsqlAggregator<A = unknown> extends Aggregator<A> {
  /**
   * The type ksqlDB stores between records (its "intermediate" or aggregate type): STRUCT for
   * AVG, STDDEV_*, CORRELATION and the *_BY_OFFSET family, ARRAY for COLLECT_*, TOPK* and
   * COUNT_DISTINCT, MAP for HISTOGRAM. ksqlDB refuses a query whose value format cannot hold it
   * ("One of the functions used in the statement has an intermediate type that the value format
   * can not handle. Please remove the function or change the format.", e.g. DELIMITED + STRUCT).
   */
  readonly intermediateType: SqlType;
}

/** The definitions in this folder: `resolve` also takes the call's context and says more. */
export interface KsqlAggregateFunctionDef extends AggregateFunctionDef {
  resolve(args: readonly AggregateArg[], context?: AggregateResolveContext): KsqlAggregator;
}

/** A failure while aggregating a record (ksqlDB's KsqlFunctionException), e.g. DECIMAL overflow. */
export class AggregateFunctionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AggregateFunctionError';
  }
}

/** A type as ksqlDB prints an argument list: `DECIMAL(4, 1)`, `ARRAY<INTEGER>`, `STRUCT<A STRING>`. */
export function argTypeText(type: SqlType | null): string {
  if (type === null) return 'null';
  switch (type.kind) {
    case 'DECIMAL':
      return `DECIMAL(${type.precision}, ${type.scale})`;
    case 'ARRAY':
      return `ARRAY<${argTypeText(type.element)}>`;
    case 'MAP':
      return `MAP<${argTypeText(type.key)}, ${argTypeText(type.value)}>`;
    case 'STRUCT':
      return `STRUCT<${type.fields.map((f) => `${f.name} ${argTypeText(f.type)}`).join(', ')}>`;
    default:
      return type.kind;
  }
}

function argList(args: readonly AggregateArg[]): string {
  return args.map((a) => argTypeText(a.type)).join(', ');
}

/** No signature of a UDF-index-resolved aggregate matches the argument types. */
export function noMatchingSignature(declaredName: string, args: readonly AggregateArg[]): KsqlStatementError {
  return new KsqlStatementError(`Function '${declaredName}' does not accept parameters (${argList(args)}).`);
}

/** Several signatures match equally well (an untyped NULL argument). */
export function ambiguousCall(declaredName: string, args: readonly AggregateArg[]): KsqlStatementError {
  return new KsqlStatementError(
    `Function '${declaredName}' cannot be resolved due to ambiguous method parameters (${argList(args)}).`,
  );
}

/** MIN, MAX and TOPKDISTINCT: ksqlDB's hand-written factories word a bad type this way. */
export function unsupportedFactoryType(name: string, type: SqlType | null): KsqlStatementError {
  return new KsqlStatementError(`No ${name} aggregate function with ${argTypeText(type)} argument type exists!`);
}

/**
 * The trailing "initial" arguments (TOPK's k, LATEST_BY_OFFSET's n and ignoreNulls) must be
 * literals. An engine that knows the argument's SQL text may pass it as `text` on the argument;
 * ksqlDB then ends the message with `, but was expression: '<text>'`.
 */
export function requireLiterals(name: string, args: readonly AggregateArg[], from: number): void {
  for (let i = from; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.literal) continue;
    const text = (arg as AggregateArg & { readonly text?: unknown }).text;
    const tail = typeof text === 'string' ? `, but was expression: '${text}'` : '';
    throw new KsqlStatementError(`Parameter ${i + 1} passed to function ${name} must be a literal constant${tail}`);
  }
}

/** A configuration value read the way ksqlDB's Configurable UDAFs read it; undefined when unset. */
export function configValue(context: AggregateResolveContext | undefined, name: string): unknown {
  const props = context?.properties;
  if (!props) return undefined;
  if (props instanceof Map) return props.get(name);
  return (props as Readonly<Record<string, unknown>>)[name];
}

/**
 * A size limit such as `ksql.functions.collect_list.limit`: a number (truncated like
 * Number#intValue) or a decimal string; absent or negative means no limit.
 */
export function configLimit(context: AggregateResolveContext | undefined, name: string): number {
  const raw = configValue(context, name);
  let limit = Number.POSITIVE_INFINITY;
  if (typeof raw === 'number' && Number.isFinite(raw)) limit = Math.trunc(raw);
  else if (typeof raw === 'bigint') limit = Number(raw);
  else if (typeof raw === 'string' && /^[+-]?\d+$/.test(raw.trim())) limit = Number.parseInt(raw.trim(), 10);
  return limit < 0 ? Number.POSITIVE_INFINITY : limit;
}

// ---- Java arithmetic -------------------------------------------------------------------------

/** Java int addition and subtraction wrap at 32 bits. */
export function intAdd(a: number, b: number): number {
  return (a + b) | 0;
}
export function intSub(a: number, b: number): number {
  return (a - b) | 0;
}
export function intMul(a: number, b: number): number {
  return Math.imul(a, b);
}
/** Java int division truncates toward zero (the divisor is never 0 where it is used). */
export function intDiv(a: number, b: number): number {
  return (a / b) | 0;
}

/** Java long arithmetic wraps at 64 bits. */
export function longWrap(v: bigint): bigint {
  return BigInt.asIntN(64, v);
}

// ---- values ----------------------------------------------------------------------------------

export type NumericKind = 'INTEGER' | 'BIGINT' | 'DECIMAL' | 'DOUBLE';

export function numericKind(type: SqlType | null): NumericKind | undefined {
  switch (type?.kind) {
    case 'INTEGER':
    case 'BIGINT':
    case 'DECIMAL':
    case 'DOUBLE':
      return type.kind;
    default:
      return undefined;
  }
}

/** Any numeric runtime value as a double (an implicit cast to DOUBLE). */
export function toDouble(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Decimal) return v.toNumber();
  return Number(v);
}

/** An INTEGER value as a Java int (tolerates a bigint from an engine that widened it). */
export function toInt(v: unknown): number {
  return typeof v === 'bigint' ? Number(BigInt.asIntN(32, v)) : (v as number) | 0;
}

/** A BIGINT value as a bigint (tolerates a plain number for an INTEGER widened to BIGINT). */
export function toLong(v: unknown): bigint {
  if (typeof v === 'bigint') return v;
  if (v instanceof Decimal) return longWrap(v.setScale(0, 'DOWN').unscaled);
  return BigInt(Math.trunc(v as number));
}

/** Reads an INTEGER literal argument (TOPK's k, *_BY_OFFSET's n). */
export function intLiteral(arg: AggregateArg): number {
  const v = arg.value;
  if (typeof v === 'bigint') return Number(v);
  return Number(v);
}

/** A shallow copy of an array for `result`, so later `add`s cannot change what was emitted. */
export function copyArray<T>(values: readonly T[]): T[] {
  return values.slice();
}

/**
 * Erases an aggregator's accumulator type. Aggregator<A> is not assignable to Aggregator<unknown>
 * because `undo` is a function-typed property (checked contravariantly), so every family builds
 * its aggregator with its own accumulator type and hands it over through this.
 */
export function erase<A>(aggregator: KsqlAggregator<A>): KsqlAggregator {
  return aggregator as unknown as KsqlAggregator;
}

/** Generic (`T`) aggregates need a typed first argument to know their result type. */
export function requireTyped(declaredName: string, args: readonly AggregateArg[], index: number): SqlType {
  const type = args[index]?.type;
  if (!type) throw noMatchingSignature(declaredName, args);
  return type;
}
