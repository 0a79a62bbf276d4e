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
import { scanTemplate, type ScanResult } from './scan'

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

/** Adds to a small most-recent-last cache, keeping at most one large text. */
export function remember<V>(map: Map<string, V>, text: string, value: V, size: number): void {
  if (text.length > LARGE_TEXT) for (const k of [...map.keys()]) if (k.length > LARGE_TEXT) map.delete(k)
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
  const outcome = parseChunked(text, scan, lines, undefined, refs)
  if (outcome.ok && text.includes('\r\n')) trimCrlfAfterDirectives(outcome.ast)
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
  for (const c of chunks) {
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
 * velocityjs drops `[ \t]*\n` after a directive (Velocity 1.7 eats the newline that ends a directive line), but
 * not `\r\n`, so a Windows-authored template gained a blank line per directive. Same rule for CRLF, in place:
 * the text after a directive node or a closed block (`#end`), and the first text inside a block.
 */
export function trimCrlfAfterDirectives(ast: unknown[]): void {
  const stack: unknown[][] = [ast]
  while (stack.length) {
    const list = stack.pop()!
    for (let i = 0; i < list.length; i++) {
      const node = list[i]
      if (typeof node === 'string') continue
      if (Array.isArray(node)) stack.push(node)
      else if ((node as { type?: string }).type === 'references' || (node as { type?: string }).type === 'raw') continue
      const next = list[i + 1]
      if (typeof next === 'string' && CRLF_TRIM.test(next)) list[i + 1] = next.replace(CRLF_TRIM, '')
    }
  }
}
