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
    if (!isIdStart(text.charCodeAt(p))) {
      // A `$` that starts no reference is text, except forms velocityjs lexes specially.
      if (leader === '$!' || wrapped) return undefined
      i++
      continue
    }
    let q = p
    while (q < n && isIdChar(text.charCodeAt(q))) q++
    const id = text.slice(p, q)
    p = q
    const pathStart = p
    const pathEnd = skipPath(text, p)
    if (pathEnd < 0) return undefined
    let path: PathItem[] | undefined
    if (pathEnd > pathStart) {
      // The same member chain (`.path('$.id')`) recurs all over a large template: one shared, never-mutated array.
      const source = text.slice(pathStart, pathEnd)
      path = sharedPaths.get(source)
      if (!path) {
        path = parsePath(text, pathStart)
        if (sharedPaths.size >= SHARED_PATHS) sharedPaths.clear()
        sharedPaths.set(source, path)
      }
    }
    p = pathEnd
    if (wrapped) {
      if (text[p] !== '}') return undefined
      p++
    }
    // Characters that would extend or change the reference in the full grammar.
    const next = text[p] ?? ''
    if (!wrapped && (next === '-' || next === '[' || next === '(' || next === '_' || (next === '.' && text[p + 1] === '_'))) return undefined
    pushText(i)
    const col = line === 1 ? column0 : 0
    // One literal, one shape for every node (absent members are undefined, as toEqual treats them).
    const ref = {
      type: 'references',
      id: internId(id),
      path,
      isWraped: wrapped || undefined,
      leader,
      prue: true,
      pos: { first_line: line + line0, last_line: line + line0, first_column: i - lineStart + col, last_column: p - lineStart + col },
    }
    out.push(ref as unknown as Node)
    textFrom = p
    i = p
  }
  pushText(n)
  return out as VtlAst
}

/** Root names seen recently: one string each, not one per reference. */
const sharedIds = new Map<string, string>()
function internId(id: string): string {
  const known = sharedIds.get(id)
  if (known !== undefined) return known
  if (sharedIds.size >= SHARED_PATHS) sharedIds.clear()
  sharedIds.set(id, id)
  return id
}

/** Member chains seen recently, by source text (bounded: a generated template may have millions of distinct ones). */
const sharedPaths = new Map<string, PathItem[]>()
const SHARED_PATHS = 10_000

/** End of the member chain (`.name`, `.name(literals)` …) starting at `p`, or -1 when it needs the full parser. */
function skipPath(text: string, p: number): number {
  const n = text.length
  while (text.charCodeAt(p) === 46 /* . */ && isIdStart(text.charCodeAt(p + 1))) {
    let q = p + 1
    while (q < n && isIdChar(text.charCodeAt(q))) q++
    if (text.charCodeAt(q) === 40 /* ( */) {
      const end = parseArgs(text, q, undefined)
      if (end < 0) return -1
      p = end
    } else p = q
  }
  return p
}

/** The member chain at `p` (skipPath accepted it) as velocityjs's path items. */
function parsePath(text: string, p: number): PathItem[] {
  const path: PathItem[] = []
  while (text.charCodeAt(p) === 46 && isIdStart(text.charCodeAt(p + 1))) {
    let q = p + 1
    while (q < text.length && isIdChar(text.charCodeAt(q))) q++
    const name = text.slice(p + 1, q)
    if (text.charCodeAt(q) === 40) {
      const list: Literal[] = []
      p = parseArgs(text, q, list)
      path.push({ type: 'method', id: name, args: list.length ? list : false })
    } else {
      path.push({ type: 'property', id: name })
      p = q
    }
  }
  return path
}

function skipBlanks(text: string, p: number): number {
  while (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9) p++
  return p
}

const isDigit = (c: number) => c >= 48 && c <= 57

/**
 * `( literal, literal )` from the `(` at `open` — string literals without quotes, backslashes or newlines inside,
 * and integers — collected into `list` when given; returns the offset after `)`, or -1 for anything else.
 */
function parseArgs(text: string, open: number, list: Literal[] | undefined): number {
  let p = skipBlanks(text, open + 1)
  if (text.charCodeAt(p) === 41 /* ) */) return p + 1
  for (;;) {
    p = skipBlanks(text, p)
    const c = text.charCodeAt(p)
    if (c === 34 || c === 39 /* " ' */) {
      const close = text.indexOf(text[p], p + 1)
      if (close < 0) return -1
      for (let k = p + 1; k < close; k++) {
        const x = text.charCodeAt(k)
        if (x === 10 || x === 34 || x === 39) return -1
      }
      if (list) {
        const value = text.slice(p + 1, close)
        list.push(c === 34 ? { type: 'string', value, isEval: true } : { type: 'string', value })
      }
      p = close + 1
    } else if (isDigit(c)) {
      let q = p
      while (isDigit(text.charCodeAt(q))) q++
      if (isIdChar(text.charCodeAt(q)) || text.charCodeAt(q) === 46) return -1
      if (list) list.push({ type: 'integer', value: text.slice(p, q) })
      p = q
    } else return -1
    p = skipBlanks(text, p)
    if (text.charCodeAt(p) === 44 /* , */) {
      p++
      continue
    }
    if (text.charCodeAt(p) === 41) return p + 1
    return -1
  }
}
