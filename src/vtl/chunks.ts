/**
 * Splits a balanced template into independently parseable chunks. velocityjs's Jison lexer is superlinear
 * (≈2.5 ms for 5 KB, ≈2.5 s for 300 KB), so large templates are parsed in pieces of a few KB and the ASTs
 * concatenated. A cut is made only just after a newline that is at directive depth 0 and outside comments,
 * unparsed blocks, directive arguments and method-call arguments; each chunk therefore starts at column 0 in
 * the lexer's initial state and yields exactly the nodes the whole text would.
 */

import { scanReferences } from './references'
import type { ScanResult } from './scan'

const OPENERS = new Set(['if', 'foreach', 'macro', 'define'])

export interface Chunk {
  start: number
  end: number
  /** 0-based line of the chunk's first character in the whole text. */
  line: number
}

/** ~2 KB pieces: smaller ones pay the per-call parser set-up, larger ones the lexer's superlinear cost. */
export function chunkBoundaries(text: string, scan: ScanResult, target = 2048): Chunk[] {
  if (text.length <= target * 1.5) return [{ start: 0, end: text.length, line: 0 }]
  const blocked: [number, number][] = [...scan.skipped]
  const open: number[] = []
  for (const d of scan.directives) {
    if (d.args) blocked.push([d.args.open, d.args.close + 1])
    if (OPENERS.has(d.name) || d.bodyCall) open.push(d.start)
    else if (d.name === 'end') {
      const from = open.pop()
      if (from !== undefined && open.length === 0) blocked.push([from, d.nameEnd])
    }
  }
  // Unclosed openers (should not happen: callers run the balance pass first) block to the end.
  if (open.length) blocked.push([open[0], text.length])
  for (const r of scanReferences(scan.masked)) for (const s of r.segments) if (s.args) blocked.push([s.args.start - 1, s.args.end + 1])
  blocked.sort((a, b) => a[0] - b[0])

  const chunks: Chunk[] = []
  let start = 0
  let line = 0
  let chunkLine = 0
  let bi = 0
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
    line++
    if (nl + 1 - start < target) continue
    while (bi < blocked.length && blocked[bi][1] <= nl) bi++
    // Any interval that starts at or before nl and ends after it blocks the cut.
    let inside = false
    for (let k = bi; k < blocked.length && blocked[k][0] <= nl; k++)
      if (blocked[k][1] > nl) {
        inside = true
        break
      }
    if (inside) continue
    chunks.push({ start, end: nl + 1, line: chunkLine })
    start = nl + 1
    chunkLine = line
  }
  if (start < text.length || chunks.length === 0) chunks.push({ start, end: text.length, line: chunkLine })
  return chunks
}

/** Adds `delta` to every `pos.first_line` / `pos.last_line` in an AST (in place). */
export function shiftLines(node: unknown, delta: number): void {
  if (delta === 0 || node === null || typeof node !== 'object') return
  if (Array.isArray(node)) {
    for (const n of node) shiftLines(n, delta)
    return
  }
  const o = node as Record<string, unknown>
  const pos = o.pos as { first_line?: number; last_line?: number } | undefined
  if (pos && typeof pos === 'object') {
    if (typeof pos.first_line === 'number') pos.first_line += delta
    if (typeof pos.last_line === 'number') pos.last_line += delta
  }
  for (const k in o) if (k !== 'pos') shiftLines(o[k], delta)
}
