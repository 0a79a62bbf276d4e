/**
 * Bounds checked before a template reaches velocityjs's parser and the renderer, so hostile text gets a located
 * diagnostic instead of "Maximum call stack size exceeded" at 1:1 or a hang:
 * - directive nesting (`#if` in `#if` …) deeper than MAX_NESTING;
 * - brackets in code (directive arguments, method-call arguments) nested deeper than MAX_EXPRESSION_DEPTH;
 * - a string literal in code longer than MAX_LITERAL_CHARS.
 * velocityjs's grammar actions and the renderer recurse once per level, and a JVM-hosted Velocity 1.7 parser (a
 * JavaCC recursive-descent parser) also runs out of stack on such input, so no deployable template is refused:
 * real mapping templates nest a handful of levels, and API Gateway caps a template at 300 KB. One linear pass.
 */

import type { Diagnostic } from '../model/diagnostics'
import { diag, type LineIndex } from './positions'
import { Intervals } from './intervals'
import type { RefToken } from './references'
import type { ScanResult } from './scan'

export const MAX_NESTING = 200
export const MAX_EXPRESSION_DEPTH = 200
/** Longer than any deployable template (300 KB), far below what the lexer's regexes survive. */
export const MAX_LITERAL_CHARS = 1024 * 1024

const OPENERS = new Set(['if', 'foreach', 'macro', 'define'])

export function checkLimits(scan: ScanResult, refs: readonly RefToken[], lines: LineIndex): Diagnostic[] {
  const out: Diagnostic[] = []
  let depth = 0
  for (const d of scan.directives) {
    if (OPENERS.has(d.name) || d.bodyCall) {
      if (++depth > MAX_NESTING) {
        const at = lines.position(d.start)
        out.push(diag('VTL027', `directives nested deeper than ${MAX_NESTING} levels at line ${at.line}: the template cannot be parsed safely; flatten it`, lines.range(d.start, d.nameEnd)))
        break
      }
    } else if (d.name === 'end' && depth > 0) depth--
  }
  // Code regions: directive arguments and method-call arguments, merged (calls nest inside each other).
  const collected = new Intervals()
  for (const d of scan.directives) if (d.args) collected.add(d.args.open, d.args.close)
  for (const r of refs) for (const s of r.segments) if (s.argsStart >= 0) collected.add(s.argsStart - 1, s.argsEnd)
  const regions = collected.sorted()
  const text = scan.masked
  let reported = false
  let reach = -1
  for (let k = 0; k < regions.starts.length && !reported; k++) {
    const a = regions.starts[k]
    const b = regions.ends[k]
    if (b <= reach) continue
    let level = 0
    for (let i = Math.max(a, reach + 1); i <= b && i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (c === 40 || c === 91 || c === 123 /* ( [ { */) {
        if (++level > MAX_EXPRESSION_DEPTH) {
          const at = lines.position(i)
          out.push(diag('VTL027', `expression nested deeper than ${MAX_EXPRESSION_DEPTH} brackets at line ${at.line}: the template cannot be parsed safely`, lines.range(i, i + 1)))
          reported = true
          break
        }
      } else if (c === 41 || c === 93 || c === 125) level--
      else if (c === 34 || c === 39) {
        const end = text.indexOf(text[i], i + 1)
        const stop = end < 0 ? text.length : end
        if (stop - i > MAX_LITERAL_CHARS) {
          const at = lines.position(i)
          out.push(diag('VTL027', `string literal of ${((stop - i) / 1024 / 1024).toFixed(1)} MB at line ${at.line}: literals longer than 1 MB are refused (API Gateway allows 300 KB per template)`, lines.range(i, i + 1)))
          reported = true
          break
        }
        i = stop
      }
    }
    reach = Math.max(reach, b)
  }
  return out
}
