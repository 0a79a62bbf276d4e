/**
 * The text-level passes every entry point runs first — line index, lexical scan, references, directive balance and
 * safety limits — computed once per text. The editor validates a template and renders its preview back to back
 * (and the CLI validates, then serves), so the second call finds the first one's analysis here, as it finds its
 * AST in parse.ts's cache. Results are shared: callers read them and never mutate them.
 */

import type { Diagnostic } from '../model/diagnostics'
import { checkBalance } from './balance'
import { checkLimits } from './limits'
import { forgetLarge, remember } from './parse'
import { LineIndex } from './positions'
import { scanReferences, type RefToken } from './references'
import { scanTemplate, type ScanResult } from './scan'

export interface Analysis {
  lines: LineIndex
  scan: ScanResult
  refs: readonly RefToken[]
  /** VTL001–003, VTL005 (balance.ts). */
  balance: readonly Diagnostic[]
  /** VTL027 (limits.ts). */
  limits: readonly Diagnostic[]
}

const RECENT = 2
const recent = new Map<string, Analysis>()

export function analyse(text: string): Analysis {
  const hit = recent.get(text)
  if (hit) return hit
  forgetLarge(recent, text)
  const lines = new LineIndex(text)
  const scan = scanTemplate(text)
  const refs = scanReferences(scan.masked)
  const analysis: Analysis = { lines, scan, refs, balance: checkBalance(scan, lines), limits: checkLimits(scan, refs, lines) }
  remember(recent, text, analysis, RECENT)
  return analysis
}
