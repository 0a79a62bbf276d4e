/**
 * The renderer: an interpreter over velocityjs's AST with Velocity 1.7's semantics on the JVM, as API Gateway runs
 * it (velocityjs's own Compile is JavaScript-flavoured: prototype lookups, JS numbers and key order). See the
 * semantics table in README.md. In short:
 * - values are Java values (values.ts): exact integers, `JDouble`, ordered prototype-free `Map`s;
 * - references are quiet (null prints nothing, AWS-recorded); `==` treats null like `""` (AWS-recorded), compares
 *   numbers by value and other mixed types by their `toString()` (Velocity 1.7 `ASTEQNode`);
 * - arithmetic follows Velocity 1.7 `MathUtils`: integers stay exact and widen instead of overflowing, a Double
 *   operand makes a Double, integer `/` and `%` truncate, division by zero is null; `+` with a string concatenates;
 * - `#set` with a null right-hand side keeps the old value; `#foreach` gives `$foreach` (count, index, hasNext,
 *   first, last, parent) and `$velocityCount`, and stops at API Gateway's 1 000 iterations; `#break`, `#stop`,
 *   `#evaluate`, `#define`, macros (depth 20, Velocity's `velocimacro.max.depth`), `#@` body macros; a call of an
 *   undefined macro prints as text; `#include` / `#parse` render nothing (no resource loader on API Gateway);
 * - bounded: total loop iterations, output size and macro/evaluate depth are capped, so no template hangs.
 * Recursion depth is bounded by limits.ts, which runs before any parse.
 */

import { VtlRuntimeError, callJavaMethod, javaProperty } from './javaMethods'
import type { VtlAst } from './parse'
import { decodeMapKey } from './scan'
import { isJavaNumber, isTruthy, JDouble, normInt, printValue, toDouble } from './values'

export const FOREACH_LIMIT = 1000
/** Loop iterations in one render, all loops together (three nested 1 000-item loops would be 10^9). */
export const TOTAL_ITERATION_LIMIT = 1_000_000
/** Rendered output beyond this stops the render (API Gateway's integration payloads are at most 10 MB). */
export const OUTPUT_LIMIT = 10 * 1024 * 1024
/** Velocity 1.7's `velocimacro.max.depth`; also bounds #evaluate and #define nesting. */
export const MACRO_DEPTH_LIMIT = 20
/** A range literal larger than this is not built (Velocity would build the whole ArrayList). */
export const RANGE_LIMIT = 1_000_000

type Node = VtlAst[number]
const NO_ARGS: unknown[] = Object.freeze([]) as unknown as unknown[]
export type Pos = { first_line: number; first_column: number; last_line?: number; last_column?: number }
type Any = Record<string, unknown> & { type?: string; pos?: Pos }

export class RenderFailure extends Error {
  constructor(
    message: string,
    readonly pos: Pos | undefined,
  ) {
    super(message)
  }
}

/** `$foreach`: Velocity 1.7's ForeachScope. */
export class ForeachScope {
  constructor(
    readonly index: number,
    readonly hasNext: boolean,
    readonly parent: ForeachScope | undefined,
  ) {}
  get count(): number {
    return this.index + 1
  }
  get first(): boolean {
    return this.index === 0
  }
  get last(): boolean {
    return !this.hasNext
  }
}

/** A `#define` block: rendered where it is referenced. */
class DefineBlock {
  constructor(readonly body: Node[]) {}
}

/** API objects (`$input`, `$util`): members in a Map, so nothing else is reachable; printing gives `{}`. */
export class ApiObject {
  constructor(readonly members: Map<string, unknown>) {}
  toString(): string {
    return '{}'
  }
}

interface Macro {
  args: string[]
  body: Node[]
}

/** Thrown to unwind `#break` (to the nearest loop or the template) and `#stop` (to the top). */
class Unwind {
  constructor(readonly kind: 'break' | 'stop') {}
}

export interface InterpretOptions {
  /** Source text lines: an undefined macro call prints its own source text. */
  sourceText: (pos: Pos) => string
  /** Positions (`line:column`) of `#stop` directives (the scanner rewrites them into a call velocityjs parses). */
  stops?: ReadonlySet<string>
  /** Parses a string for `#evaluate` and string interpolation; returns the AST or throws RenderFailure. */
  parse: (text: string) => VtlAst
  /**
   * The open hypothesis of README.md's null-handling decision: API Gateway installs Velocity's "empty string for
   * null" handler, so a null reference evaluates to `""` everywhere (`#if($missing)` is true, `#set($a = $missing)`
   * assigns `""`). Off by default (stock Velocity 1.7); the message tester renders both ways and says when they differ.
   */
  nullAsEmpty?: boolean
}

export interface LoopCut {
  pos: Pos
}

export class Interpreter {
  readonly truncatedLoops: Pos[] = []
  private readonly macros = new Map<string, Macro>()
  private readonly vars: Map<string, unknown>
  /** Macro argument layers, innermost last. */
  private readonly locals: Map<string, unknown>[] = []
  private pos: Pos | undefined
  private iterations = 0
  private depth = 0
  private outputSize = 0
  private foreachScope: ForeachScope | undefined

  constructor(
    private readonly ast: VtlAst,
    globals: Map<string, unknown>,
    private readonly opts: InterpretOptions,
  ) {
    this.vars = globals
  }

  render(): string {
    try {
      return this.block(this.ast as Node[])
    } catch (e) {
      if (e instanceof Unwind) return this.partial
      throw e
    }
  }

  /** Output written before a `#stop` / top-level `#break`. */
  private partial = ''

  private fail(message: string, pos = this.pos): never {
    throw new RenderFailure(message, pos)
  }

  private block(nodes: readonly Node[]): string {
    // Pieces joined once at the end: `out += piece` would keep one cons-string object alive per piece, and a
    // megabyte template has a million pieces.
    const parts: string[] = []
    try {
      for (const node of nodes) {
        const piece = this.node(node)
        if (piece) {
          parts.push(piece)
          this.outputSize += piece.length
          if (this.outputSize > OUTPUT_LIMIT) this.fail(`rendering stopped: the output passed ${OUTPUT_LIMIT / 1024 / 1024} MB (API Gateway's integration payload limit)`)
        }
      }
    } catch (e) {
      if (e instanceof Unwind) this.partial = parts.join('') + this.partial
      throw e
    }
    return parts.length === 1 ? parts[0] : parts.join('')
  }

  private node(node: Node): string {
    if (typeof node === 'string') return node
    if (Array.isArray(node)) return this.directiveBlock(node as Node[])
    const n = node as unknown as Any
    switch (n.type) {
      case 'references':
        return printValue(this.reference(n, true))
      case 'set':
        this.set(n)
        return ''
      case 'break':
        throw new Unwind('break')
      case 'macro_call':
        return this.macroCall(n)
      case 'comment':
        return ''
      case 'raw':
        return String(n.value ?? '')
      default:
        return ''
    }
  }

  private directiveBlock(block: Node[]): string {
    const head = block[0] as unknown as Any
    switch (head.type) {
      case 'if':
        return this.ifBlock(block)
      case 'foreach':
        return this.foreach(block)
      case 'macro':
        this.macros.set(String(head.id), { args: ((head.args as Any[] | undefined) ?? []).map((a) => String(a.id)), body: block.slice(1) })
        return ''
      case 'define':
        this.assign(String(head.id), new DefineBlock(block.slice(1)))
        return ''
      case 'macro_body':
        return this.macroCall(head, block.slice(1))
      default:
        return this.block(block.slice(1))
    }
  }

  private ifBlock(block: Node[]): string {
    let chosen = -1
    let end = block.length
    for (let i = 0; i < block.length; i++) {
      const n = block[i] as unknown as Any
      if (typeof block[i] === 'string' || Array.isArray(block[i])) continue
      if (n.type !== 'if' && n.type !== 'elseif' && n.type !== 'else') continue
      if (chosen >= 0) {
        end = i
        break
      }
      this.pos = n.pos ?? this.pos
      if (n.type === 'else' || isTruthy(this.expr(n.condition as Any))) chosen = i
    }
    return chosen < 0 ? '' : this.block(block.slice(chosen + 1, end))
  }

  private foreach(block: Node[]): string {
    const head = block[0] as unknown as Any & { from: Any; to: string }
    const pos = head.pos
    this.pos = pos
    const body = block.slice(1)
    let items: { length: number; at: (i: number) => unknown }
    const from = head.from
    if (from.type === 'array' && from.isRange) {
      const [a, b] = this.rangeBounds(from)
      if (a === undefined || b === undefined) return ''
      const step = a <= b ? 1 : -1
      items = { length: Math.abs(b - a) + 1, at: (i) => a + step * i }
    } else {
      const v = this.expr(from)
      const list = Array.isArray(v) ? v : v instanceof Map ? [...v.values()] : undefined
      if (!list) return ''
      items = { length: list.length, at: (i) => list[i] }
    }
    const name = head.to
    const saved = [this.vars.get(name), this.vars.has(name), this.vars.get('velocityCount'), this.vars.has('velocityCount')] as const
    const parent = this.foreachScope
    let out = ''
    try {
      for (let i = 0; i < items.length; i++) {
        if (i >= FOREACH_LIMIT) {
          if (pos) this.truncatedLoops.push(pos)
          break
        }
        if (++this.iterations > TOTAL_ITERATION_LIMIT) this.fail(`rendering stopped: more than ${TOTAL_ITERATION_LIMIT.toLocaleString('en-US')} loop iterations in one request (API Gateway would time out)`, pos)
        this.foreachScope = new ForeachScope(i, i + 1 < Math.min(items.length, FOREACH_LIMIT + 1), parent)
        this.vars.set(name, items.at(i))
        this.vars.set('velocityCount', i + 1)
        try {
          out += this.block(body)
        } catch (e) {
          if (e instanceof Unwind && e.kind === 'break') {
            out += this.partial
            this.partial = ''
            break
          }
          // #stop: keep the earlier iterations' output in front of what the stopped one printed.
          if (e instanceof Unwind) this.partial = out + this.partial
          throw e
        }
      }
    } finally {
      this.foreachScope = parent
      if (saved[1]) this.vars.set(name, saved[0])
      else this.vars.delete(name)
      if (saved[3]) this.vars.set('velocityCount', saved[2])
      else this.vars.delete('velocityCount')
    }
    return out
  }

  private rangeBounds(lit: Any): [number | undefined, number | undefined] {
    const ends = (lit.value as unknown[]).map((e) => {
      if (typeof e === 'string') return Number.parseInt(e, 10)
      if (typeof e === 'number') return e
      const v = this.expr(e as Any)
      return typeof v === 'number' && Number.isInteger(v) ? v : typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : NaN
    })
    const [a, b] = ends
    if (!Number.isFinite(a) || !Number.isFinite(b)) return [undefined, undefined]
    return [a, b]
  }

  private macroCall(n: Any, body?: Node[]): string {
    const id = String(n.id)
    const pos = n.pos
    this.pos = pos
    if (id === 'st' && pos && this.opts.stops?.has(`${pos.first_line}:${pos.first_column}`)) throw new Unwind('stop')
    const args = this.exprs(n.args as Any[] | false | undefined)
    if (id === 'evaluate') return this.evaluate(args[0], pos)
    if (id === 'parse' || id === 'include') return ''
    const macro = this.macros.get(id)
    if (!macro) return pos ? this.opts.sourceText(pos) : ''
    if (this.depth >= MACRO_DEPTH_LIMIT) this.fail(`macro #${id} calls nest deeper than ${MACRO_DEPTH_LIMIT} (Velocity's velocimacro.max.depth): is it recursive?`, pos)
    const layer = new Map<string, unknown>()
    macro.args.forEach((name, i) => layer.set(name, args[i]))
    if (body) layer.set('bodyContent', new DefineBlock(body))
    this.depth++
    this.locals.push(layer)
    try {
      return this.block(macro.body)
    } catch (e) {
      if (e instanceof Unwind && e.kind === 'break') {
        const out = this.partial
        this.partial = ''
        return out
      }
      throw e
    } finally {
      this.locals.pop()
      this.depth--
    }
  }

  /** `#evaluate($text)`: parses and renders the text here, in the current context. */
  private evaluate(source: unknown, pos: Pos | undefined): string {
    if (source === undefined || source === null) return ''
    if (this.depth >= MACRO_DEPTH_LIMIT) this.fail(`#evaluate nests deeper than ${MACRO_DEPTH_LIMIT}`, pos)
    let ast: VtlAst
    try {
      ast = this.opts.parse(printValue(source))
    } catch (e) {
      this.fail(`#evaluate: ${e instanceof Error ? e.message : String(e)}`, pos)
    }
    this.depth++
    try {
      return this.block(ast as Node[])
    } catch (e) {
      if (e instanceof RenderFailure) this.fail(`#evaluate: ${e.message}`, pos)
      throw e
    } finally {
      this.depth--
    }
  }

  private assign(name: string, value: unknown): void {
    const layer = this.locals[this.locals.length - 1]
    if (layer?.has(name)) layer.set(name, value)
    else this.vars.set(name, value)
  }

  private lookup(name: string): unknown {
    for (let i = this.locals.length - 1; i >= 0; i--) if (this.locals[i].has(name)) return this.locals[i].get(name)
    if (name === 'foreach') return this.foreachScope
    return this.vars.get(name)
  }

  private set(n: Any): void {
    this.pos = n.pos ?? this.pos
    const [lhs, rhs] = n.equal as [Any, Any]
    const value = this.expr(rhs)
    // Velocity 1.7 (directive.set.null.allowed = false): a null right-hand side leaves the left-hand side alone.
    if (value === undefined || value === null) return
    const path = (lhs.path as Any[] | undefined) ?? []
    if (!path.length) {
      this.assign(String(lhs.id), value)
      return
    }
    let base = this.lookup(String(lhs.id))
    for (const seg of path.slice(0, -1)) base = this.segment(base, seg)
    const last = path[path.length - 1]
    const key = last.type === 'index' ? this.expr(last.id as Any) : last.id
    if (base instanceof Map) base.set(printValue(key), value)
    else if (Array.isArray(base) && typeof key === 'number') {
      const k = key < 0 ? base.length + key : key
      if (k < 0 || k >= base.length) this.fail(`Index ${key} out of bounds for length ${base.length}`)
      base[k] = value
    }
  }

  /** Evaluates a reference: root, then each `.property`, `.method(…)` and `[index]`. */
  private reference(n: Any, printing = false): unknown {
    const prev = this.pos
    if (n.pos) this.pos = n.pos
    try {
      let v = this.lookup(String(n.id))
      for (const seg of (n.path as Any[] | undefined) ?? (NO_ARGS as Any[])) {
        if (v === undefined || v === null) return undefined
        if (v instanceof DefineBlock) v = this.renderDefine(v)
        v = this.segment(v, seg)
      }
      if (v instanceof DefineBlock && printing) return this.renderDefine(v)
      return v
    } finally {
      this.pos = prev
    }
  }

  private renderDefine(d: DefineBlock): string {
    if (this.depth >= MACRO_DEPTH_LIMIT) this.fail(`#define blocks reference each other deeper than ${MACRO_DEPTH_LIMIT}: is one recursive?`)
    this.depth++
    try {
      return this.block(d.body)
    } finally {
      this.depth--
    }
  }

  private segment(base: unknown, seg: Any): unknown {
    if (base === undefined || base === null) return undefined
    if (seg.type === 'property') return property(base, String(seg.id))
    if (seg.type === 'index') return this.index(base, this.expr(seg.id as Any))
    // method
    const args = this.exprs(seg.args as Any[] | false | undefined)
    const name = String(seg.id)
    try {
      if (base instanceof ApiObject) {
        const fn = base.members.get(name)
        return typeof fn === 'function' ? (fn as (...a: unknown[]) => unknown)(...args) : undefined
      }
      if (base instanceof ForeachScope) return property(base, name.replace(/^(get|is)([A-Z])/, (_m, _p, c: string) => c.toLowerCase()))
      const r = callJavaMethod(base, name, args)
      return r.found ? r.value : undefined
    } catch (e) {
      return this.rethrow(e)
    }
  }

  /** Evaluated arguments (no closure per call: this runs once per reference). */
  private exprs(list: Any[] | false | undefined): unknown[] {
    if (!list || !list.length) return NO_ARGS
    const out = new Array<unknown>(list.length)
    for (let i = 0; i < list.length; i++) out[i] = this.expr(list[i])
    return out
  }

  /** A Java exception from a method becomes a located render failure; our own unwinding passes through. */
  private rethrow(e: unknown): never {
    if (e instanceof RenderFailure || e instanceof Unwind) throw e
    if (e instanceof VtlRuntimeError || e instanceof Error) this.fail(e.message)
    throw e
  }

  /** `$a[i]`: list index (negative counts from the end, Velocity 1.7 `ASTIndex`), map key. */
  private index(base: unknown, key: unknown): unknown {
    if (Array.isArray(base)) {
      if (typeof key !== 'number' || !Number.isInteger(key)) return undefined
      const k = key < 0 ? base.length + key : key
      if (k < 0 || k >= base.length) this.fail(`Index ${key} out of bounds for length ${base.length}`)
      return base[k]
    }
    if (base instanceof Map) return base.get(printValue(key))
    if (base instanceof ApiObject) return base.members.get(printValue(key))
    return undefined
  }

  private expr(n: Any | undefined): unknown {
    if (!n) return undefined
    switch (n.type) {
      case 'math':
        return this.math(n)
      case 'references': {
        const v = this.reference(n)
        return v === undefined || v === null ? (this.opts.nullAsEmpty ? '' : v) : v
      }
      case 'string':
        return this.string(n)
      case 'integer': {
        const s = String(n.value)
        return s.length < 16 ? Number(s) : normInt(BigInt(s))
      }
      case 'decimal':
        return new JDouble(Number(n.value))
      case 'bool':
        return n.value === 'true' ? true : n.value === 'false' ? false : null
      case 'array': {
        if (n.isRange) {
          const [a, b] = this.rangeBounds(n)
          if (a === undefined || b === undefined) return undefined
          const size = Math.abs(b - a) + 1
          if (size > RANGE_LIMIT) this.fail(`range [${a}..${b}] has ${size.toLocaleString('en-US')} elements; it is too large to build (use it directly in #foreach, which stops at ${FOREACH_LIMIT})`)
          const out: number[] = []
          const step = a <= b ? 1 : -1
          for (let i = 0; i < size; i++) out.push(a + step * i)
          return out
        }
        return (n.value as Any[]).map((x) => this.expr(x))
      }
      case 'map': {
        const m = new Map<string, unknown>()
        // Keys in the literal's order: scan.ts encodes digit-only keys so velocityjs's object keeps that order.
        for (const [k, v] of Object.entries((n.value ?? {}) as Record<string, Any>)) m.set(decodeMapKey(k), this.expr(v))
        return m
      }
      default:
        return undefined
    }
  }

  private readonly strings = new Map<string, VtlAst>()

  /** A double-quoted string with `$` or `#` is a template of its own, rendered here. */
  private string(n: Any): string {
    const value = undoubleQuotes(String(n.value))
    if (!n.isEval || (!value.includes('$') && !value.includes('#'))) return value
    let ast = this.strings.get(value)
    if (!ast) {
      try {
        ast = this.opts.parse(value)
      } catch {
        // A literal that is not a template of its own ("#end", "#if(") keeps its text (velocityjs did the same).
        ast = [value] as unknown as VtlAst
      }
      this.strings.set(value, ast)
    }
    return this.block(ast as Node[])
  }

  private math(n: Any): unknown {
    const exp = n.expression as Any[]
    const op = String(n.operator)
    switch (op) {
      case '&&':
        return isTruthy(this.expr(exp[0])) && isTruthy(this.expr(exp[1]))
      case '||':
        return isTruthy(this.expr(exp[0])) || isTruthy(this.expr(exp[1]))
      case 'not':
        return !isTruthy(this.expr(exp[0]))
      case 'parenthesis':
        return this.expr(exp[0])
      case 'minus': {
        const v = this.expr(exp[0])
        return isJavaNumber(v) ? arith('-', 0, v) : undefined
      }
    }
    const a = this.expr(exp[0])
    const b = this.expr(exp[1])
    switch (op) {
      case '==':
        return javaEquals(a, b)
      case '!=':
        return !javaEquals(a, b)
      case '<':
      case '>':
      case '<=':
      case '>=': {
        const c = compare(a, b)
        if (c === undefined) return false
        return op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c >= 0
      }
      case '+':
        if (a === undefined || a === null || b === undefined || b === null) return undefined
        if (typeof a === 'string' || typeof b === 'string') return printValue(a) + printValue(b)
        return isJavaNumber(a) && isJavaNumber(b) ? arith('+', a, b) : undefined
      case '-':
      case '*':
      case '/':
      case '%':
        return isJavaNumber(a) && isJavaNumber(b) ? arith(op, a, b) : undefined
    }
    return undefined
  }
}

/** Velocity's property lookup: a Map's `get(name)` (but `class` is `getClass()`), else the getter. */
function property(base: unknown, name: string): unknown {
  if (base instanceof Map) return name === 'class' ? javaProperty(base, name) : base.get(name)
  if (base instanceof ApiObject) return base.members.get(name)
  if (base instanceof ForeachScope) {
    switch (name) {
      case 'count':
        return base.count
      case 'index':
        return base.index
      case 'hasNext':
        return base.hasNext
      case 'first':
        return base.first
      case 'last':
        return base.last
      case 'parent':
        return base.parent
    }
    return undefined
  }
  return javaProperty(base, name)
}

type Num = number | bigint | JDouble

/** `"a""b"` → `a"b`: the scanner marked doubled quotes (scan.ts DOUBLED_QUOTE). */
function undoubleQuotes(s: string): string {
  return s.includes('\uE000') || s.includes('\uE001') ? s.replace(/\uE000\uE000/g, '"').replace(/\uE001\uE001/g, "'") : s
}

/** Velocity 1.7 MathUtils: a Double operand makes a Double; integers stay exact (widening, never overflowing). */
export function arith(op: string, a: Num, b: Num): unknown {
  if (a instanceof JDouble || b instanceof JDouble || (typeof a === 'number' && !Number.isInteger(a)) || (typeof b === 'number' && !Number.isInteger(b))) {
    const x = toDouble(a)
    const y = toDouble(b)
    switch (op) {
      case '+':
        return new JDouble(x + y)
      case '-':
        return new JDouble(x - y)
      case '*':
        return new JDouble(x * y)
      case '/':
        return y === 0 ? undefined : new JDouble(x / y)
      default:
        return y === 0 ? undefined : new JDouble(x % y)
    }
  }
  if (typeof a === 'number' && typeof b === 'number') {
    const r = op === '+' ? a + b : op === '-' ? a - b : op === '*' ? a * b : b === 0 ? undefined : op === '/' ? Math.trunc(a / b) : a % b
    if (r === undefined || Number.isSafeInteger(r)) return r === 0 ? 0 : r
  }
  const x = BigInt(a as number | bigint)
  const y = BigInt(b as number | bigint)
  if ((op === '/' || op === '%') && y === 0n) return undefined
  return normInt(op === '+' ? x + y : op === '-' ? x - y : op === '*' ? x * y : op === '/' ? x / y : x % y)
}

function compare(a: unknown, b: unknown): number | undefined {
  if (!isJavaNumber(a) || !isJavaNumber(b)) return undefined
  if (typeof a !== 'object' && typeof b !== 'object' && (typeof a === 'bigint' || typeof b === 'bigint')) {
    const x = BigInt(a)
    const y = BigInt(b)
    return x < y ? -1 : x > y ? 1 : 0
  }
  const x = toDouble(a)
  const y = toDouble(b)
  return x < y ? -1 : x > y ? 1 : 0
}

/** Velocity 1.7 `==`: null equals null and (AWS-recorded) `""`; numbers by value; mixed types by `toString()`. */
export function javaEquals(a: unknown, b: unknown): boolean {
  const na = a === undefined || a === null
  const nb = b === undefined || b === null
  if (na || nb) return (na || a === '') && (nb || b === '')
  if (isJavaNumber(a) && isJavaNumber(b)) return compare(a, b) === 0
  if (typeof a === typeof b && typeof a !== 'object') return a === b
  return printValue(a) === printValue(b)
}
