import { CellError, type CellValue } from './values';

/** A 1-based cell position. */
export interface CellPosition {
  row: number;
  col: number;
}

/**
 * Evaluates a data-validation custom formula (requireFormulaSatisfied) for one edited cell, the way
 * Sheets does: the formula is written for the top-left cell of the range the rule was set on
 * (`anchor`) and its relative references shift with the edited cell's offset from it.
 *
 * Only the shapes the add-on writes are modelled: AND, OR, NOT, ISNUMBER, ISBLANK and INT over
 * numbers and references to the edited cell, compared with = <> < > <= >=. Anything else, and any
 * step whose result in Sheets is not known to the emulator (mixed-type comparisons, INT of text
 * that may read as a number, a date, a reference to another cell), throws
 * `not emulated: custom formula …` as soon as the verdict depends on it.
 */
export function satisfiesCustomFormula(formula: string, value: CellValue, at: CellPosition, anchor: CellPosition): boolean {
  const result = evaluate(parseFormula(formula), { value: fromCell(value), at, anchor });
  if (result instanceof Unmodelled) throw unmodelled(formula, result.reason);
  if (result instanceof CellError) return false; // an error is not TRUE: the input is invalid
  if (typeof result !== 'boolean') throw unmodelled(formula, 'a result that is not TRUE or FALSE');
  return result;
}

function unmodelled(formula: string, reason: string): Error {
  return new Error(`not emulated: custom formula ${formula} (${reason})`);
}

/** A step the emulator cannot evaluate; it only matters if the verdict depends on it. */
class Unmodelled {
  constructor(readonly reason: string) {}
}

const BLANK = Symbol('blank');
type Scalar = number | string | boolean | typeof BLANK | CellError | Unmodelled;

function fromCell(v: CellValue): Scalar {
  if (v === '') return BLANK;
  return v instanceof Date ? new Unmodelled('a date value') : v;
}

type Comparison = '=' | '<>' | '<' | '>' | '<=' | '>=';

interface Ref { kind: 'ref'; row: number; col: number; absRow: boolean; absCol: boolean }
type Node =
  | { kind: 'number'; value: number }
  | Ref
  | { kind: 'call'; name: FunctionName; args: Node[] }
  | { kind: 'compare'; op: Comparison; left: Node; right: Node };

const FUNCTIONS = {
  AND: [1, Infinity],
  OR: [1, Infinity],
  NOT: [1, 1],
  ISNUMBER: [1, 1],
  ISBLANK: [1, 1],
  INT: [1, 1],
} as const;
type FunctionName = keyof typeof FUNCTIONS;

const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|(\$?[A-Z]{1,3}\$?\d+)(?![A-Z0-9(])|([A-Z][A-Z0-9.]*)\s*\(|(<>|<=|>=|[=<>(),]))/iy;

type Token = { number: number } | { ref: string } | { call: string } | { punct: string };

function tokenize(body: string, formula: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (body.slice(TOKEN.lastIndex).trim() !== '') {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(body);
    if (!m) throw unmodelled(formula, `syntax at "${body.slice(at).trim()}"`);
    if (m[1] !== undefined) tokens.push({ number: Number(m[1]) });
    else if (m[2] !== undefined) tokens.push({ ref: m[2] });
    else if (m[3] !== undefined) tokens.push({ call: m[3].toUpperCase() }, { punct: '(' });
    else tokens.push({ punct: m[4] });
  }
  return tokens;
}

function parseFormula(formula: string): Node {
  if (!formula.startsWith('=')) throw unmodelled(formula, 'no leading "="');
  const tokens = tokenize(formula.slice(1), formula);
  let pos = 0;
  const peekPunct = () => { const t = tokens[pos]; return t && 'punct' in t ? t.punct : undefined; };
  const expect = (p: string) => {
    if (peekPunct() !== p) throw unmodelled(formula, `expected "${p}"`);
    pos++;
  };
  const comparison = (): Node => {
    const left = operand();
    const op = peekPunct();
    if (op === undefined || !['=', '<>', '<', '>', '<=', '>='].includes(op)) return left;
    pos++;
    return { kind: 'compare', op: op as Comparison, left, right: operand() };
  };
  const operand = (): Node => {
    const t = tokens[pos++];
    if (t === undefined) throw unmodelled(formula, 'unexpected end');
    if ('number' in t) return { kind: 'number', value: t.number };
    if ('ref' in t) return parseRef(t.ref);
    if ('call' in t) return call(t.call);
    if (t.punct === '(') {
      const inner = comparison();
      expect(')');
      return inner;
    }
    throw unmodelled(formula, `unexpected "${t.punct}"`);
  };
  const call = (name: string): Node => {
    if (!(name in FUNCTIONS)) throw unmodelled(formula, `function ${name}`);
    expect('(');
    const args = [comparison()];
    while (peekPunct() === ',') {
      pos++;
      args.push(comparison());
    }
    expect(')');
    const [min, max] = FUNCTIONS[name as FunctionName];
    if (args.length < min || args.length > max) throw unmodelled(formula, `${name} with ${args.length} arguments`);
    return { kind: 'call', name: name as FunctionName, args };
  };
  const tree = comparison();
  if (pos !== tokens.length) throw unmodelled(formula, 'trailing input');
  return tree;
}

function parseRef(a1: string): Ref {
  const m = /^(\$?)([A-Z]+)(\$?)(\d+)$/i.exec(a1) as RegExpExecArray;
  let col = 0;
  for (const ch of m[2].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return { kind: 'ref', row: Number(m[4]), col, absRow: m[3] === '$', absCol: m[1] === '$' };
}

interface Context {
  value: Scalar;
  at: CellPosition;
  anchor: CellPosition;
}

function evaluate(node: Node, ctx: Context): Scalar {
  switch (node.kind) {
    case 'number': return node.value;
    case 'ref': return resolve(node, ctx);
    case 'compare': return compare(node.op, evaluate(node.left, ctx), evaluate(node.right, ctx));
    case 'call': return apply(node.name, node.args.map((a) => evaluate(a, ctx)));
  }
}

/** A relative reference moves with the edited cell's offset from the rule's top-left cell. */
function resolve(ref: Ref, { value, at, anchor }: Context): Scalar {
  const row = ref.absRow ? ref.row : ref.row + at.row - anchor.row;
  const col = ref.absCol ? ref.col : ref.col + at.col - anchor.col;
  return row === at.row && col === at.col ? value : new Unmodelled('a reference to a cell other than the edited one');
}

/** Errors propagate through every operation; an unmodelled operand makes the result unmodelled. */
function firstBlocking(values: Scalar[]): CellError | Unmodelled | undefined {
  return values.find((v): v is CellError => v instanceof CellError) ?? values.find((v): v is Unmodelled => v instanceof Unmodelled);
}

function compare(op: Comparison, a: Scalar, b: Scalar): Scalar {
  const blocking = firstBlocking([a, b]);
  if (blocking) return blocking;
  if (typeof a === 'number' && typeof b === 'number') return ORDER[op](a - b);
  if (typeof a === 'boolean' && typeof b === 'boolean' && (op === '=' || op === '<>')) return (a === b) === (op === '=');
  return new Unmodelled(`comparing ${typeName(a)} with ${typeName(b)}`);
}

const ORDER: Record<Comparison, (difference: number) => boolean> = {
  '=': (d) => d === 0, '<>': (d) => d !== 0, '<': (d) => d < 0, '>': (d) => d > 0, '<=': (d) => d <= 0, '>=': (d) => d >= 0,
};

function typeName(v: Scalar): string {
  return v === BLANK ? 'a blank' : typeof v === 'string' ? 'text' : `a ${typeof v}`;
}

function apply(name: FunctionName, args: Scalar[]): Scalar {
  const [x] = args;
  switch (name) {
    // IS functions take errors as values: ISNUMBER(#N/A) is FALSE.
    case 'ISNUMBER': return x instanceof Unmodelled ? x : typeof x === 'number';
    case 'ISBLANK': return x instanceof Unmodelled ? x : x === BLANK;
    case 'INT': return int(x);
    case 'NOT': return firstBlocking(args) ?? (typeof x === 'boolean' ? !x : new Unmodelled(`NOT of ${typeName(x)}`));
    case 'AND': return logical(args, (bs) => bs.every(Boolean));
    case 'OR': return logical(args, (bs) => bs.some(Boolean));
  }
}

/** INT of a non-numeric text is #VALUE! (sheetsinfo.com, "INT Function in Google Sheets"). */
function int(x: Scalar): Scalar {
  if (x instanceof CellError || x instanceof Unmodelled) return x;
  if (typeof x === 'number') return Math.floor(x);
  if (typeof x === 'string' && !/\d/.test(x)) return new CellError('#VALUE!');
  return new Unmodelled(`INT of ${typeName(x)}`);
}

function logical(args: Scalar[], combine: (bs: boolean[]) => boolean): Scalar {
  const blocking = firstBlocking(args);
  if (blocking) return blocking;
  const nonBoolean = args.find((a) => typeof a !== 'boolean');
  return nonBoolean === undefined ? combine(args as boolean[]) : new Unmodelled(`a logical function of ${typeName(nonBoolean)}`);
}
