/**
 * Splits a balanced template into independently parseable chunks. velocityjs's Jison lexer is superlinear
 * (≈2.5 ms for 5 KB, ≈2.5 s for 300 KB), so large templates are parsed in pieces of a few KB and the ASTs
 * concatenated. A cut is made only just after a newline that is at directive depth 0 and outside comments,
 * unparsed blocks, directive arguments and method-call arguments; each chunk therefore starts at column 0 in
 * the lexer's initial state and yields exactly the nodes the whole text would.
 */

import { Intervals } from './intervals'
import { scanReferences, type RefToken } from './references'
import type { ScanResult } from './scan'

const OPENERS = new Set(['if', 'foreach', 'macro', 'define'])

export interface Chunk {
  start: number
  end: number
  /** 0-based line of the chunk's first character in the whole text. */
  line: number
  /** 0-based column of the chunk's first character (non-zero only for a cut inside a long line). */
  column: number
}

/** Characters after which a reference may not start a new chunk (they change how the `$` is lexed). */
const GLUED = new Set(['\\', '#', '$', '@', '!'])

/**
 * ~2 KB pieces: smaller ones pay the per-call parser set-up, larger ones the lexer's superlinear cost. Lines longer
 * than `longLine` (a minified template, a generated one-liner) are also cut inside the line, just before a
 * top-level `$reference`: the text node before it ends there in the whole-text parse too, so the nodes are the same.
 */
export function chunkBoundaries(text: string, scan: ScanResult, target = 2048, longLine = Math.max(8192, target * 4), refs: readonly RefToken[] = scanReferences(scan.masked)): Chunk[] {
  if (text.length <= target * 1.5) return [{ start: 0, end: text.length, line: 0, column: 0 }]
  const raw = new Intervals()
  for (const [a, b] of scan.skipped) raw.add(a, b)
  const open: number[] = []
  for (const d of scan.directives) {
    if (d.args) raw.add(d.args.open, d.args.close + 1)
    if (OPENERS.has(d.name) || d.bodyCall) open.push(d.start)
    else if (d.name === 'end') {
      const from = open.pop()
      if (from !== undefined && open.length === 0) raw.add(from, d.nameEnd)
    }
  }
  // Unclosed openers (should not happen: callers run the balance pass first) block to the end.
  if (open.length) raw.add(open[0], text.length)
  for (const r of refs) for (const s of r.segments) if (s.argsStart >= 0) raw.add(s.argsStart - 1, s.argsEnd + 1)
  const blocked = raw.union()

  // Candidate cuts, ascending, with their 0-based line and column: after every newline, and before references
  // in long lines.
  const cuts: number[] = []
  const cutLines: number[] = []
  const cutColumns: number[] = []
  let lineStart = 0
  let lineNo = 0
  let ri = 0
  const addRefCuts = (from: number, to: number) => {
    while (ri < refs.length && refs[ri].start < from) ri++
    for (; ri < refs.length && refs[ri].start < to; ri++) {
      const at = refs[ri].start
      if (at > from && !GLUED.has(text[at - 1]) && (ri === 0 || refs[ri - 1].end < at)) {
        cuts.push(at)
        cutLines.push(lineNo)
        cutColumns.push(at - from)
      }
    }
  }
  for (let nl = text.indexOf('\n'); ; nl = text.indexOf('\n', nl + 1)) {
    const lineEnd = nl < 0 ? text.length : nl
    if (lineEnd - lineStart > longLine) addRefCuts(lineStart, lineEnd)
    if (nl < 0) break
    lineNo++
    cuts.push(nl + 1)
    cutLines.push(lineNo)
    cutColumns.push(0)
    lineStart = nl + 1
  }

  const chunks: Chunk[] = []
  let start = 0
  let chunkLine = 0
  let chunkColumn = 0
  let bi = 0
  for (let k = 0; k < cuts.length; k++) {
    const cut = cuts[k]
    if (cut - start < target) continue
    const at = cut - 1
    while (bi < blocked.length && blocked.ends[bi] <= at) bi++
    if (bi < blocked.length && blocked.starts[bi] <= at) continue
    chunks.push({ start, end: cut, line: chunkLine, column: chunkColumn })
    start = cut
    chunkLine = cutLines[k]
    chunkColumn = cutColumns[k]
  }
  if (start < text.length || chunks.length === 0) chunks.push({ start, end: text.length, line: chunkLine, column: chunkColumn })
  return chunks
}

/**
 * Moves an AST parsed from a chunk to whole-text positions (in place): nodes on the chunk's first line (Jison
 * line 1) get `column` added to their 0-based columns, then every line gets `delta` added.
 */
export function shiftLines(node: unknown, delta: number, column = 0): void {
  if ((delta === 0 && column === 0) || node === null || typeof node !== 'object') return
  if (Array.isArray(node)) {
    for (const n of node) shiftLines(n, delta, column)
    return
  }
  const o = node as Record<string, unknown>
  const pos = o.pos as { first_line?: number; last_line?: number; first_column?: number; last_column?: number } | undefined
  if (pos && typeof pos === 'object') {
    if (column && pos.first_line === 1 && typeof pos.first_column === 'number') pos.first_column += column
    if (column && pos.last_line === 1 && typeof pos.last_column === 'number') pos.last_column += column
    if (typeof pos.first_line === 'number') pos.first_line += delta
    if (typeof pos.last_line === 'number') pos.last_line += delta
  }
  for (const k in o) if (k !== 'pos') shiftLines(o[k], delta, column)
}
