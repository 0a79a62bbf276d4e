/**
 * velocityjs's Compile, adjusted to behave like API Gateway's Velocity 1.7 on the JVM:
 * - printed references go through printValue (null → nothing, maps `{k=v}`, message lists as JSON);
 * - `#if` uses Velocity truthiness (only null and false are false);
 * - `==` treats null like `""` (AWS-recorded: `#if($x == "")` is true for a null `$x`), compares other mixed
 *   types by their printed text, as Velocity does;
 * - integer `/` and `%` truncate like Java (`7 / 2` is 3) and division by zero yields null;
 * - `#foreach` stops after 1 000 iterations (API Gateway's quota) and reports it;
 * - runtime failures carry the position of the reference being evaluated.
 */

import { Compile } from 'velocityjs'
import { JAVA_METHOD_HANDLERS } from './javaMethods'
import { isTruthy, printValue } from './values'
import type { VtlAst } from './parse'

export const FOREACH_LIMIT = 1000

/** Context key used to hand a computed #set value to velocityjs (not a valid VTL identifier, so no clash). */
const SET_TEMP = '__apigw set value__'

type Node = VtlAst[number]
type Pos = { first_line: number; first_column: number }
interface MathNode {
  type: 'math'
  operator: string
  expression: Node[]
}
interface EachNode {
  type: 'foreach'
  from: Node
  to: string
  pos?: Pos
}

export class RenderFailure extends Error {
  constructor(
    message: string,
    readonly pos: Pos | undefined,
  ) {
    super(message)
  }
}

const isNum = (v: unknown): v is number => typeof v === 'number'
const nullish = (v: unknown) => v === undefined || v === null

function looseEquals(a: unknown, b: unknown): boolean {
  if (nullish(a) || nullish(b)) return (nullish(a) || a === '') && (nullish(b) || b === '')
  if (typeof a === typeof b && typeof a !== 'object') return a === b
  return printValue(a) === printValue(b)
}

export class ApigwCompile extends Compile {
  /** Foreach loops cut at FOREACH_LIMIT, with the directive position. */
  readonly truncatedLoops: Pos[] = []
  private currentPos: Pos | undefined
  private loopSeq = 0

  constructor(ast: VtlAst) {
    super(ast, { escape: false, customMethodHandlers: JAVA_METHOD_HANDLERS })
  }

  protected override getReferences(ast: Node, isVal?: boolean): string {
    const prev = this.currentPos
    const pos = (ast as { pos?: Pos }).pos
    if (pos) this.currentPos = pos
    try {
      const v: unknown = super.getReferences(ast, isVal)
      return (isVal ? printValue(v) : v) as string
    } catch (e) {
      throw e instanceof RenderFailure ? e : new RenderFailure(e instanceof Error ? e.message : String(e), this.currentPos)
    } finally {
      this.currentPos = prev
    }
  }

  /**
   * Same as velocityjs's renderAstList, except that `#break` also stops the rest of the current body (Velocity
   * semantics; velocityjs only stops starting new iterations). References are already printed by getReferences.
   */
  override renderAstList(asts?: Node[], contextId?: string): string {
    const list = asts ?? (this.asts as Node[])
    if (contextId) {
      if (contextId !== this.contextId && !this.conditions.includes(contextId)) this.conditions.unshift(contextId)
      this.contextId = contextId
    } else this.contextId = ''
    let out = ''
    for (const ast of list) {
      if (this.runState.stop || this.runState.break) break
      if (typeof ast === 'string') {
        out += ast
        continue
      }
      const node = ast as { type?: string; value?: string }
      switch (node.type) {
        case 'references':
          out += this.getReferences(ast, true)
          break
        case 'set':
          this.setValue(ast as Parameters<Compile['setValue']>[0])
          break
        case 'break':
          this.runState.break = true
          break
        case 'macro_call':
          out += this.getMacro(ast)
          break
        case 'comment':
          break
        case 'raw':
          out += node.value ?? ''
          break
        default:
          out += this.getBlock(ast as unknown as Node[])
      }
    }
    return out
  }

  /**
   * Velocity 1.7 (`directive.set.null.allowed = false`): when the right-hand side of `#set` evaluates to null,
   * the left-hand side keeps its previous value — the classic "stale value in #foreach" behaviour. The value is
   * computed once, then handed to velocityjs's own #set through a temporary context entry (no re-evaluation, so
   * side effects such as `$list.add(x)` happen once).
   */
  protected override setValue(ast: Parameters<Compile['setValue']>[0]): void {
    const rhs = ast.equal[1] as Node
    const value: unknown = (rhs as { type?: string }).type === 'math' ? this.getExpression(rhs) : this.getLiteral(rhs)
    if (value === undefined || value === null) return
    const ctx = this.context as Record<string, unknown>
    ctx[SET_TEMP] = value
    try {
      super.setValue({ ...ast, equal: [ast.equal[0], { type: 'references', id: SET_TEMP, leader: '$', prue: true } as unknown as Node] } as typeof ast)
    } finally {
      delete ctx[SET_TEMP]
    }
  }

  protected override getExpression(ast: Node): string {
    if ((ast as { type?: string }).type !== 'math') return super.getExpression(ast)
    const { operator, expression: exp } = ast as unknown as MathNode
    const val = (i: number): unknown => this.getExpression(exp[i])
    const arith = (f: (a: number, b: number) => unknown, integer?: (a: number, b: number) => unknown) => {
      const a = val(0)
      const b = val(1)
      if (!isNum(a) || !isNum(b)) return undefined
      if (integer && Number.isInteger(a) && Number.isInteger(b)) return integer(a, b)
      return f(a, b)
    }
    let r: unknown
    switch (operator) {
      case '+': {
        const a = val(0)
        const b = val(1)
        if (nullish(a) || nullish(b)) r = undefined
        else if (isNum(a) && isNum(b)) r = a + b
        else r = printValue(a) + printValue(b)
        break
      }
      case '-':
        r = arith((a, b) => a - b)
        break
      case '*':
        r = arith((a, b) => a * b)
        break
      case '/':
        // A decimal literal operand (`7.0 / 2`) makes it floating-point division, as in Java.
        r = arith(
          (a, b) => (b === 0 ? undefined : a / b),
          exp.some((e) => (e as { type?: string }).type === 'decimal') ? undefined : (a, b) => (b === 0 ? undefined : Math.trunc(a / b)),
        )
        break
      case '%':
        r = arith((a, b) => (b === 0 ? undefined : a % b))
        break
      case '==':
        r = looseEquals(val(0), val(1))
        break
      case '!=':
        r = !looseEquals(val(0), val(1))
        break
      case '&&':
        r = isTruthy(val(0)) && isTruthy(val(1))
        break
      case '||':
        r = isTruthy(val(0)) || isTruthy(val(1))
        break
      case 'not':
        r = !isTruthy(val(0))
        break
      case '<':
      case '>':
      case '<=':
      case '>=': {
        const a = val(0)
        const b = val(1)
        if (nullish(a) || nullish(b)) r = false
        else if (operator === '<') r = (a as number) < (b as number)
        else if (operator === '>') r = (a as number) > (b as number)
        else if (operator === '<=') r = (a as number) <= (b as number)
        else r = (a as number) >= (b as number)
        break
      }
      default:
        r = super.getExpression(ast)
    }
    return r as string
  }

  getBlockIf(block: Node[]): string {
    let received = false
    const chosen: Node[] = []
    block.some((ast) => {
      const type = (ast as { type?: string }).type
      const hasCondition = type === 'if' || type === 'elseif'
      if (!hasCondition && type !== 'else') {
        if (received) chosen.push(ast)
        return false
      }
      if (received) return true
      received = hasCondition ? isTruthy(this.getExpression((ast as unknown as { condition: Node }).condition)) : true
      return false
    })
    return this.renderAstList(chosen, this.contextId)
  }

  getBlockEach(block: Node[]): string {
    const ast = block[0] as unknown as EachNode
    const from: unknown = this.getLiteral({ ...(ast.from as object), pos: ast.pos } as Node)
    if (!from || typeof from !== 'object') return ''
    const items = Array.isArray(from) ? from : Object.values(from as Record<string, unknown>)
    const body = block.slice(1)
    const contextId = `foreach:apigw:${++this.loopSeq}`
    const local: Record<string, unknown> = {}
    let out = ''
    for (let i = 0; i < items.length; i++) {
      if (this.runState.break) break
      if (i >= FOREACH_LIMIT) {
        if (ast.pos) this.truncatedLoops.push(ast.pos)
        break
      }
      local[ast.to] = items[i]
      local.foreach = { count: i + 1, index: i, hasNext: i + 1 < items.length, first: i === 0, last: i + 1 === items.length }
      local.velocityCount = i + 1
      this.local[contextId] = local
      out += this.renderAstList(body, contextId)
    }
    this.runState.break = false
    if (items.length) {
      this.local[contextId] = {}
      this.conditions.shift()
      this.contextId = this.conditions[0] || ''
    }
    return out
  }
}
