/**
 * A linear parser for the simplest template text: plain text and references such as `$context.requestId`,
 * `$!{a.b}` or `$input.path('$.x')` (property chains and method calls whose arguments are string or integer
 * literals), with no directive, escape or comment. It yields exactly the nodes velocityjs's parser yields for such
 * text (the same `references` shape and positions; text may be split into strings differently, which prints the
 * same), at a fraction of the cost: velocityjs's Jison lexer spends ≈1 ms per KB of dense references, so a 10 MB
 * one-line template would take 10 s. Anything outside this subset returns undefined and goes to velocityjs.
 */

import type { VtlAst } from './parse'

const isIdStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
const isIdChar = (c: number) => isIdStart(c) || (c >= 48 && c <= 57) || c === 95
const ID_START = { test: (s: string) => s.length > 0 && isIdStart(s.charCodeAt(0)) }
const ID_CHAR = { test: (s: string) => s.length > 0 && isIdChar(s.charCodeAt(0)) }

type Node = VtlAst[number]
interface Literal {
  type: 'string' | 'integer'
  value: string
  isEval?: boolean
}
type PathItem = { type: 'property'; id: string } | { type: 'method'; id: string; args: Literal[] | false }

/**
 * Parses `text` (a chunk) or returns undefined when it needs the full parser. Positions are those of the whole
 * text when the chunk starts at 0-based `line0` / `column0` (lines 1-based, columns 0-based, as Jison gives them).
 */
export function fastParse(text: string, line0 = 0, column0 = 0): VtlAst | undefined {
  if (text.includes('#') || text.includes('\\')) return undefined
  const out: Node[] = []
  let line = 1
  let lineStart = 0
  let textFrom = 0
  let nextNewline = text.indexOf('\n')
  const n = text.length
  const pushText = (to: number) => {
    if (to > textFrom) out.push(text.slice(textFrom, to) as unknown as Node)
  }
  for (let i = text.indexOf('$'); i >= 0; i = text.indexOf('$', i)) {
    // Lines before this reference.
    while (nextNewline >= 0 && nextNewline < i) {
      line++
      lineStart = nextNewline + 1
      nextNewline = text.indexOf('\n', lineStart)
    }
    let p = i + 1
    let leader = '$'
    if (text[p] === '!') {
      leader = '$!'
      p++
    }
    const wrapped = text[p] === '{'
    if (wrapped) p++
    if (!ID_START.test(text[p] ?? '')) {
      // A `$` that starts no reference is text, except forms velocityjs lexes specially.
      if (leader === '$!' || wrapped) return undefined
      i++
      continue
    }
    let q = p
    while (q < n && isIdChar(text.charCodeAt(q))) q++
    const id = text.slice(p, q)
    const path: PathItem[] = []
    p = q
    while (text[p] === '.' && ID_START.test(text[p + 1] ?? '')) {
      q = p + 1
      while (q < n && isIdChar(text.charCodeAt(q))) q++
      const name = text.slice(p + 1, q)
      if (text[q] === '(') {
        const args = parseArgs(text, q)
        if (!args) return undefined
        path.push({ type: 'method', id: name, args: args.list.length ? args.list : false })
        p = args.end
      } else {
        path.push({ type: 'property', id: name })
        p = q
      }
    }
    if (wrapped) {
      if (text[p] !== '}') return undefined
      p++
    }
    // Characters that would extend or change the reference in the full grammar.
    const next = text[p] ?? ''
    if (!wrapped && (next === '-' || next === '[' || next === '(' || next === '_' || (next === '.' && text[p + 1] === '_'))) return undefined
    pushText(i)
    const ref: Record<string, unknown> = { type: 'references', id }
    if (path.length) ref.path = path
    if (wrapped) ref.isWraped = true
    ref.leader = leader
    ref.prue = true
    const col = line === 1 ? column0 : 0
    ref.pos = { first_line: line + line0, last_line: line + line0, first_column: i - lineStart + col, last_column: p - lineStart + col }
    out.push(ref as unknown as Node)
    textFrom = p
    i = p
  }
  pushText(n)
  return out as VtlAst
}

/** `( literal, literal )` from the `(` at `open`: string literals without quotes or backslashes inside, digits. */
function parseArgs(text: string, open: number): { list: Literal[]; end: number } | undefined {
  const list: Literal[] = []
  let p = open + 1
  const skip = () => {
    while (text[p] === ' ' || text[p] === '\t') p++
  }
  skip()
  if (text[p] === ')') return { list, end: p + 1 }
  for (;;) {
    skip()
    const c = text[p]
    if (c === '"' || c === "'") {
      const close = text.indexOf(c, p + 1)
      if (close < 0) return undefined
      const value = text.slice(p + 1, close)
      if (value.includes('\n') || value.includes('"') || value.includes("'")) return undefined
      list.push(c === '"' ? { type: 'string', value, isEval: true } : { type: 'string', value })
      p = close + 1
    } else if (c !== undefined && c >= '0' && c <= '9') {
      let q = p
      while (text[q] >= '0' && text[q] <= '9') q++
      if (ID_CHAR.test(text[q] ?? '') || text[q] === '.') return undefined
      list.push({ type: 'integer', value: text.slice(p, q) })
      p = q
    } else return undefined
    skip()
    if (text[p] === ',') {
      p++
      continue
    }
    if (text[p] === ')') return { list, end: p + 1 }
    return undefined
  }
}
