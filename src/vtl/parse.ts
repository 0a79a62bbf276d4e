/**
 * velocityjs parsing with located diagnostics. Jison throws plain Errors: parse errors carry
 * `hash.loc` (1-based line, 0-based column); lexical errors carry only `hash.line` and an excerpt with a
 * caret, from which the column is recovered. A small cache keeps the last few ASTs, because the editor
 * validates and previews the same text back to back.
 */

import { parse as velocityParse } from 'velocityjs'
import type { Diagnostic } from '../model/diagnostics'
import { diag, LineIndex } from './positions'
import { chunkBoundaries, shiftLines } from './chunks'
import { fastParse } from './fastParse'
import type { RefToken } from './references'
import { EMPTY_COMMENT, scanTemplate, type ScanResult } from './scan'

export type VtlAst = ReturnType<typeof velocityParse>

export type ParseOutcome = { ok: true; ast: VtlAst } | { ok: false; error: Diagnostic }

interface JisonHash {
  text?: unknown
  token?: unknown
  line?: number
  loc?: { first_line: number; last_line: number; first_column: number; last_column: number }
  expected?: unknown[]
}

const CACHE_SIZE = 8
/**
 * Texts beyond any deployable size (a hostile or generated megabyte template) are kept one at a time: their ASTs
 * are hundreds of MB, and several of them alive at once make every garbage collection slower.
 */
export const LARGE_TEXT = 1024 * 1024

/**
 * Drops the cached large texts before a new large one is worked on, so the old AST is garbage while the new one
 * is built: kept until `remember`, both were alive at once and every collection during the build marked both
 * (the 10 MB bench row ran 1.5–1.7× the 1 MB rate per MB).
 */
export function forgetLarge<V>(map: Map<string, V>, text: string): void {
  if (text.length > LARGE_TEXT) for (const k of [...map.keys()]) if (k.length > LARGE_TEXT) map.delete(k)
}

/** Adds to a small most-recent-last cache, keeping at most one large text. */
export function remember<V>(map: Map<string, V>, text: string, value: V, size: number): void {
  forgetLarge(map, text)
  if (map.size >= size) map.delete(map.keys().next().value as string)
  map.set(text, value)
}
const cache = new Map<string, ParseOutcome>()
/** Parsed chunks of large templates (≈ 2 KB each, so ≈ 2 MB of template text at most). */
const CHUNK_CACHE_SIZE = 1000
const chunkCache = new Map<string, VtlAst>()

/** Parses a template (use the scanner's `normalized` text when you have it); never throws. */
export function parseTemplate(text: string, scan: ScanResult = scanTemplate(text), lines = new LineIndex(text), refs?: readonly RefToken[]): ParseOutcome {
  const hit = cache.get(text)
  if (hit) return hit
  forgetLarge(cache, text)
  const outcome = parseChunked(text, scan, lines, undefined, refs)
  remember(cache, text, outcome, CACHE_SIZE)
  return outcome
}

/**
 * Parses chunk by chunk (see chunks.ts) and concatenates the ASTs; positions are shifted back to whole-text
 * lines. Chunks start at a line start, so columns need no adjustment.
 */
export function parseChunked(text: string, scan: ScanResult, lines: LineIndex, target?: number, refs?: readonly RefToken[]): ParseOutcome {
  const ast: VtlAst = []
  const chunks = chunkBoundaries(text, scan, target, undefined, refs)
  const blockComments = scan.skipped.filter(([a, b]) => text.startsWith('#*', a) && b - a > 4)
  let bc = 0
  for (const c of chunks) {
    const commentsFrom = bc
    while (bc < blockComments.length && blockComments[bc][0] < c.end) bc++
    const piece = scan.normalized.slice(c.start, c.end)
    try {
      // Keystrokes in a large template change one chunk: the others come from the cache. Keyed by line and text,
      // because nodes carry whole-text positions; cached nodes are shared and never mutated (render reads only).
      // Templates beyond any deployable size (a hostile or generated megabyte text) skip the cache: no keystrokes to
      // serve, and the keys would double the memory.
      const key = chunks.length > 1 && text.length <= 2 * 1024 * 1024 ? `${c.line}:${c.column}\u0000${piece}` : undefined
      let part = key === undefined ? undefined : chunkCache.get(key)
      if (part) {
        chunkCache.delete(key!)
        chunkCache.set(key!, part)
      } else {
        const fast = fastParse(piece, c.line, c.column)
        if (fast) part = fast
        else {
          part = velocityParse(piece)
          shiftLines(part, c.line, c.column)
        }
        // Before caching: cached chunks are reused as they are, so each fix-up runs once per fresh parse.
        velocity17Whitespace(part, text, scan.normalized, blockComments.slice(commentsFrom, bc), c.start, c.end)
        if (key !== undefined) {
          if (chunkCache.size >= CHUNK_CACHE_SIZE) chunkCache.delete(chunkCache.keys().next().value as string)
          chunkCache.set(key, part)
        }
      }
      for (const node of part) ast.push(node)
    } catch (e) {
      const local = parseErrorToDiagnostic(e, text.slice(c.start, c.end), new LineIndex(piece))
      const r = local.range!
      const start = lines.lineStart(r.line + c.line) + r.column - 1 + (r.line === 1 ? c.column : 0)
      const end = lines.lineStart((r.endLine ?? r.line) + c.line) + (r.endColumn ?? r.column) - 1 + ((r.endLine ?? r.line) === 1 ? c.column : 0)
      return { ok: false, error: { ...local, range: lines.range(start, end) } }
    }
  }
  return { ok: true, ast }
}

function describeToken(token: unknown, text: unknown): string {
  if (token === 'EOF' || token === 1) return 'the end of the template'
  if (typeof text === 'string' && text) return `\`${text}\``
  return typeof token === 'string' && token ? token.toLowerCase() : 'input'
}

function tidyExpected(expected: unknown[] | undefined): string {
  if (!Array.isArray(expected) || !expected.length) return ''
  const names = expected.map((x) => String(x).replace(/^'|'$/g, '').toLowerCase().replace(/_/g, ' '))
  return `; expected ${names.slice(0, 6).join(', ')}${names.length > 6 ? ', …' : ''}`
}

export function parseErrorToDiagnostic(e: unknown, text: string, lines: LineIndex): Diagnostic {
  const err = e instanceof Error ? e : new Error(String(e))
  const hash = (err as Error & { hash?: JisonHash }).hash
  if (hash?.loc) {
    // Jison's loc columns drift after some tokens; the caret in its message is exact, so prefer it.
    const { first_line, first_column } = hash.loc
    const caret = caretOffset(err.message, text, first_line, lines)
    const start = caret ?? lines.lineStart(first_line) + first_column
    const end = start + Math.max(1, typeof hash.text === 'string' ? hash.text.length : 1)
    const got = describeToken(hash.token, hash.text)
    return diag('VTL004', `syntax error: unexpected ${got}${tidyExpected(hash.expected)}`, lines.range(start, Math.min(end, text.length)))
  }
  if (hash && /^Lexical error/.test(err.message)) {
    const offset = caretOffset(err.message, text, (hash.line ?? 0) + 1, lines) ?? lines.lineStart((hash.line ?? 0) + 1)
    return diag('VTL004', 'syntax error: unrecognised text (an unclosed string or parenthesis?)', lines.range(offset, Math.min(offset + 1, text.length)))
  }
  // Not a Jison error: velocityjs crashed inside its grammar actions (seen with malformed #else chains).
  return diag('VTL004', `syntax error: the template cannot be parsed (${err.message.split('\n')[0]})`, lines.range(0, Math.min(1, text.length)))
}

/**
 * Jison prints `past + upcoming` with newlines removed and the caret under the error; `past` is at most the
 * last 20 consumed characters, prefixed by `...` when longer. Find where that `past` ends on the reported line.
 */
function caretOffset(message: string, text: string, line: number, lines: LineIndex): number | undefined {
  const parts = message.split('\n')
  const excerpt = parts[1] ?? ''
  const caret = (parts[2] ?? '').indexOf('^')
  if (caret < 0) return undefined
  const past = excerpt.slice(0, caret).replace(/^\.\.\./, '')
  const lineStart = lines.lineStart(line)
  const lineText = lines.lineText(line)
  // Try every end position on the line; compare against the text before it with newlines removed.
  for (let col = 0; col <= lineText.length; col++) {
    const before = text.slice(Math.max(0, lineStart + col - past.length - 200), lineStart + col).replace(/\n/g, '')
    if (before.endsWith(past)) return lineStart + col
  }
  return undefined
}

const CRLF_TRIM = /^[ \t]*\r\n/

/**
 * Where velocityjs's output differs from Velocity 1.7's for the same text (Velocity 1.7 Parser.jjt, read in
 * lzxz1234/org.apache.velocity `src/parser/Parser.jjt`, $Id 928463 2010-03-28), fixed in place on a freshly parsed
 * chunk:
 * - velocityjs drops `[ \t]*\n` after every directive and comment, but not `\r\n`, so a Windows-authored template
 *   gained a blank line per directive. Velocity 1.7 eats the line end, `\r\n` included, after `#end`, `#else` and a
 *   directive's `)` (the END, ELSE_DIRECTIVE and RPAREN tokens): the same rule for CRLF.
 * - A block comment `#* … *#` ends at `*#` in Velocity 1.7 (the MULTI_LINE_COMMENT token is `*#` alone), so the
 *   spaces and newline after it are kept, even when it is alone on a line; velocityjs drops them. Put them back.
 *   (`## …` does eat its newline in both: SINGLE_LINE_COMMENT is the line end.)
 * - `#**#` reached velocityjs as EMPTY_COMMENT characters (scan.ts): drop them.
 */
function velocity17Whitespace(ast: unknown[], text: string, normalized: string, comments: [number, number][], from: number, to: number): void {
  const piece = text.slice(from, to)
  const crlf = piece.includes('\r\n')
  const empty = normalized.slice(from, to).includes(EMPTY_COMMENT)
  if (!crlf && !comments.length && !empty) return
  let k = 0
  // Document order (comments are matched to the scanner's in turn); depth is bounded by limits.ts.
  const visit = (list: unknown[]) => {
    for (let i = 0; i < list.length; i++) {
      const node = list[i]
      if (typeof node === 'string') {
        if (empty && node.includes(EMPTY_COMMENT)) list[i] = node.replaceAll(EMPTY_COMMENT, '')
        continue
      }
      if (Array.isArray(node)) visit(node)
      else {
        const type = (node as { type?: string }).type
        if (type === 'references' || type === 'raw') continue
        if (type === 'comment') {
          const value = (node as { value?: unknown }).value
          if (typeof value === 'string' && value.startsWith('#*')) restoreAfterComment(list, i, value)
          continue
        }
      }
      const next = list[i + 1]
      if (crlf && typeof next === 'string' && CRLF_TRIM.test(next)) list[i + 1] = next.replace(CRLF_TRIM, '')
    }
  }
  const restoreAfterComment = (list: unknown[], i: number, value: string) => {
    // The scanner's next block comment with this text (one the scanner saw inside a call's arguments has no node).
    while (k < comments.length && normalized.slice(comments[k][0], comments[k][1]) !== value) k++
    if (k >= comments.length) return
    const end = comments[k++][1]
    let j = end
    while (text[j] === ' ' || text[j] === '\t') j++
    const next = list[i + 1]
    // velocityjs removed exactly `[ \t]*\n` from the text node that follows (velocityjs parse.ts, TRIM_REG).
    if (text[j] === '\n' && typeof next === 'string') list[i + 1] = text.slice(end, j + 1) + next
  }
  visit(ast)
}
