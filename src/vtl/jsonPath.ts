/**
 * JSONPath as `$input.path` / `$input.json` use it (API Gateway runs Jayway JsonPath): `$`, `.name`,
 * `['name']`, `[0]`, `[-1]`, `[*]`, `.*`, `..name`, `[a,b]`, `[1:3]`, and filters `[?(@.x == 'y')]` with
 * `== != < <= > >=`, `&&`, `||` and existence tests. A definite path (no wildcard, deep scan, slice, union or
 * filter) yields one value or undefined; an indefinite path yields a list of matches. As in Jayway, a path that
 * does not start with `$` or `@` reads as `$.` + path (`'id'` is `$.id`), and a trailing function applies to the
 * result: `length()` (size of a list, map or string), `size()`, `keys()`, `min()`, `max()`, `avg()`, `sum()`,
 * `first()`, `last()`. Objects are Maps (json.ts), so only the payload's own keys are ever found.
 */

import { JDouble, markJson, toDouble, isJavaNumber } from './values'

export class JsonPathError extends Error {}

type Step =
  | { kind: 'prop'; names: string[]; deep: boolean }
  | { kind: 'index'; indexes: number[]; deep: boolean }
  | { kind: 'wild'; deep: boolean }
  | { kind: 'slice'; start?: number; end?: number; step?: number; deep: boolean }
  | { kind: 'filter'; expr: string; deep: boolean }

interface Compiled {
  steps: Step[]
  definite: boolean
  /** A trailing Jayway function (`length`, …). */
  fn?: string
}

const numbers = (v: unknown): number[] => (Array.isArray(v) ? v.filter(isJavaNumber).map(toDouble) : [])

/** Jayway's path functions: numeric ones return Doubles, length/size an Integer. */
const FUNCTIONS: Record<string, (v: unknown) => unknown> = {
  length: (v) => (Array.isArray(v) ? v.length : v instanceof Map ? v.size : typeof v === 'string' ? v.length : undefined),
  size: (v) => FUNCTIONS.length(v),
  keys: (v) => (v instanceof Map ? markJson([...v.keys()]) : undefined),
  min: (v) => (numbers(v).length ? new JDouble(Math.min(...numbers(v))) : undefined),
  max: (v) => (numbers(v).length ? new JDouble(Math.max(...numbers(v))) : undefined),
  sum: (v) => new JDouble(numbers(v).reduce((a, b) => a + b, 0)),
  avg: (v) => (numbers(v).length ? new JDouble(numbers(v).reduce((a, b) => a + b, 0) / numbers(v).length) : undefined),
  first: (v) => (Array.isArray(v) ? v[0] : undefined),
  last: (v) => (Array.isArray(v) ? v[v.length - 1] : undefined),
}

const cache = new Map<string, Compiled>()

function compile(path: string): Compiled {
  const hit = cache.get(path)
  if (hit) return hit
  const trimmed = path.trim()
  if (!trimmed) throw new JsonPathError('empty JSONPath')
  const p = trimmed.startsWith('$') || trimmed.startsWith('@') ? trimmed : `$.${trimmed}`
  const steps: Step[] = []
  let i = 1
  while (i < p.length) {
    let deep = false
    if (p.startsWith('..', i)) {
      deep = true
      i += 2
    } else if (p[i] === '.') i++
    else if (p[i] !== '[') throw new JsonPathError(`unexpected ${JSON.stringify(p[i])} at ${i} in JSONPath ${JSON.stringify(path)}`)
    if (p[i] === '[') {
      const close = findBracketEnd(p, i)
      if (close < 0) throw new JsonPathError(`unclosed [ in JSONPath ${JSON.stringify(path)}`)
      steps.push(bracket(p.slice(i + 1, close).trim(), deep, path))
      i = close + 1
    } else if (p[i] === '*') {
      steps.push({ kind: 'wild', deep })
      i++
    } else {
      const m = /^[^.[\s]+/.exec(p.slice(i))
      if (!m) throw new JsonPathError(`missing property name at ${i} in JSONPath ${JSON.stringify(path)}`)
      const fn = /^([A-Za-z]+)\(\s*\)$/.exec(m[0])
      if (fn && i + m[0].length === p.length) {
        if (!Object.prototype.hasOwnProperty.call(FUNCTIONS, fn[1])) throw new JsonPathError(`unknown JSONPath function ${fn[1]}() in ${JSON.stringify(path)}`)
        const out = { steps, definite: true, fn: fn[1] }
        cache.set(path, out)
        return out
      }
      steps.push({ kind: 'prop', names: [m[0]], deep })
      i += m[0].length
    }
  }
  const definite = steps.every((s) => !s.deep && ((s.kind === 'prop' && s.names.length === 1) || (s.kind === 'index' && s.indexes.length === 1)))
  const out = { steps, definite }
  if (cache.size > 500) cache.clear()
  cache.set(path, out)
  return out
}

function findBracketEnd(p: string, open: number): number {
  let depth = 0
  for (let i = open; i < p.length; i++) {
    const c = p[i]
    if (c === "'" || c === '"') {
      const end = p.indexOf(c, i + 1)
      if (end < 0) return -1
      i = end
    } else if (c === '[' || c === '(') depth++
    else if (c === ']' || c === ')') {
      depth--
      if (depth === 0 && c === ']') return i
    }
  }
  return -1
}

function bracket(body: string, deep: boolean, path: string): Step {
  if (body === '*') return { kind: 'wild', deep }
  if (body.startsWith('?')) {
    const m = /^\?\s*\((.*)\)$/s.exec(body)
    if (!m) throw new JsonPathError(`bad filter in JSONPath ${JSON.stringify(path)}`)
    return { kind: 'filter', expr: m[1], deep }
  }
  if (/^-?\d*\s*:\s*-?\d*(\s*:\s*-?\d*)?$/.test(body)) {
    const [a, b, c] = body.split(':').map((x) => x.trim())
    const num = (x: string | undefined) => (x === undefined || x === '' ? undefined : Number(x))
    return { kind: 'slice', start: num(a), end: num(b), step: num(c), deep }
  }
  const items = splitTopLevel(body, ',')
  if (items.every((x) => /^-?\d+$/.test(x))) return { kind: 'index', indexes: items.map(Number), deep }
  const names = items.map((x) => {
    const q = /^(['"])(.*)\1$/s.exec(x)
    if (!q) throw new JsonPathError(`bad bracket expression [${body}] in JSONPath ${JSON.stringify(path)}`)
    return q[2]
  })
  return { kind: 'prop', names, deep }
}

function splitTopLevel(s: string, sep: string): string[] {
  const out: string[] = []
  let cur = ''
  for (let i = 0; i < s.length; i++) {
    const c = s[i]
    if (c === "'" || c === '"') {
      const end = s.indexOf(c, i + 1)
      const stop = end < 0 ? s.length - 1 : end
      cur += s.slice(i, stop + 1)
      i = stop
    } else if (s.startsWith(sep, i)) {
      out.push(cur.trim())
      cur = ''
      i += sep.length - 1
    } else cur += c
  }
  out.push(cur.trim())
  return out
}

const isObj = (v: unknown): v is Map<string, unknown> => v instanceof Map

/** Every node under v, v first, in document order (iterative: payloads nest deeply). */
function descendants(v: unknown, out: unknown[]): void {
  const stack: unknown[] = [v]
  while (stack.length) {
    const x = stack.pop()
    out.push(x)
    const kids = Array.isArray(x) ? x : isObj(x) ? [...x.values()] : undefined
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i])
  }
}

function applyStep(step: Step, nodes: unknown[], root: unknown): unknown[] {
  let input = nodes
  if (step.deep) {
    input = []
    for (const n of nodes) descendants(n, input)
  }
  const out: unknown[] = []
  for (const n of input) {
    switch (step.kind) {
      case 'prop':
        if (isObj(n)) for (const name of step.names) if (n.has(name)) out.push(n.get(name))
        break
      case 'index':
        if (Array.isArray(n))
          for (const idx of step.indexes) {
            const k = idx < 0 ? n.length + idx : idx
            if (k >= 0 && k < n.length) out.push(n[k])
          }
        break
      case 'wild':
        if (Array.isArray(n)) for (const x of n) out.push(x)
        else if (isObj(n)) for (const x of n.values()) out.push(x)
        break
      case 'slice':
        if (Array.isArray(n)) {
          const len = n.length
          const norm = (x: number | undefined, d: number) => (x === undefined ? d : x < 0 ? Math.max(0, len + x) : Math.min(x, len))
          const st = step.step ?? 1
          if (st > 0) for (let k = norm(step.start, 0); k < norm(step.end, len); k += st) out.push(n[k])
        }
        break
      case 'filter': {
        const items = Array.isArray(n) ? n : isObj(n) ? [...n.values()] : []
        for (const item of items) if (evalFilter(step.expr, item, root)) out.push(item)
        break
      }
    }
  }
  return out
}

function operand(tok: string, current: unknown, root: unknown): { value: unknown; exists: boolean } {
  const t = tok.trim()
  if (t.startsWith('@') || t.startsWith('$')) {
    const r = query(t.startsWith('@') ? `$${t.slice(1)}` : t, t.startsWith('@') ? current : root)
    return { value: r.value, exists: r.found }
  }
  const q = /^(['"])(.*)\1$/s.exec(t)
  if (q) return { value: q[2], exists: true }
  if (t === 'true' || t === 'false') return { value: t === 'true', exists: true }
  if (t === 'null') return { value: null, exists: true }
  if (/^-?\d+$/.test(t)) return { value: Number(t), exists: true }
  if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(t)) return { value: new JDouble(Number(t)), exists: true }
  throw new JsonPathError(`bad filter operand ${JSON.stringify(t)}`)
}

function evalFilter(expr: string, current: unknown, root: unknown): boolean {
  const ors = splitTopLevel(expr, '||')
  return ors.some((or) =>
    splitTopLevel(or, '&&').every((term) => {
      let t = term.trim()
      while (t.startsWith('(') && t.endsWith(')')) t = t.slice(1, -1).trim()
      const m = /^(.*?)\s*(==|!=|<=|>=|<|>)\s*(.*)$/s.exec(t)
      if (!m) return operand(t, current, root).exists
      const num = (x: unknown) => (isJavaNumber(x) ? toDouble(x) : x)
      const a = num(operand(m[1], current, root).value)
      const b = num(operand(m[3], current, root).value)
      switch (m[2]) {
        case '==':
          return a === b
        case '!=':
          return a !== b
        case '<':
          return (a as number) < (b as number)
        case '<=':
          return (a as number) <= (b as number)
        case '>':
          return (a as number) > (b as number)
        default:
          return (a as number) >= (b as number)
      }
    }),
  )
}

/** Evaluates a JSONPath against a parsed JSON value. `found` is false when a definite path misses. */
export function query(path: string, root: unknown): { value: unknown; found: boolean } {
  const { steps, definite, fn } = compile(path)
  let nodes: unknown[] = [root]
  for (const s of steps) nodes = applyStep(s, nodes, root)
  if (fn) {
    const isDefinite = steps.every((s) => !s.deep && ((s.kind === 'prop' && s.names.length === 1) || (s.kind === 'index' && s.indexes.length === 1)))
    const input = isDefinite ? nodes[0] : markJson(nodes)
    if (isDefinite && !nodes.length) return { value: undefined, found: false }
    return { value: FUNCTIONS[fn](input), found: true }
  }
  if (definite) return { value: nodes[0], found: nodes.length > 0 }
  return { value: markJson(nodes), found: true }
}
