/**
 * Directive balance: velocityjs accepts unclosed `#if`/`#foreach` (and then prints the tail twice), drops
 * everything after a stray `#end`, and crashes with a TypeError on some `#else` forms. API Gateway rejects
 * all of these at runtime, so they are errors here, located at the directive that causes them.
 */

import type { Diagnostic } from '../model/diagnostics'
import { diag, type LineIndex } from './positions'
import type { ScanResult } from './scan'

const OPENERS = new Set(['if', 'foreach', 'macro', 'define'])

interface Open {
  name: string
  label: string
  start: number
  end: number
  seenElse: boolean
}

function label(d: { name: string; braced: boolean; bodyCall: boolean }): string {
  if (d.bodyCall) return `#@${d.name}`
  return d.braced ? `#{${d.name}}` : `#${d.name}`
}

export function checkBalance(scan: ScanResult, lines: LineIndex): Diagnostic[] {
  const out: Diagnostic[] = []
  const stack: Open[] = []
  for (const p of scan.problems) {
    const what = p.what === 'comment' ? 'block comment `#*` is never closed with `*#`' : 'unparsed block `#[[` is never closed with `]]#`'
    out.push(diag('VTL005', what, lines.range(p.start, p.end)))
  }
  for (const d of scan.directives) {
    const range = lines.range(d.start, d.nameEnd)
    if (OPENERS.has(d.name) || d.bodyCall) {
      stack.push({ name: d.name, label: label(d), start: d.start, end: d.nameEnd, seenElse: false })
    } else if (d.name === 'end') {
      if (!stack.pop()) out.push(diag('VTL002', `\`${label(d)}\` without an open directive; everything after it would be dropped`, range))
    } else if (d.name === 'else' || d.name === 'elseif') {
      const top = stack[stack.length - 1]
      if (!top || top.name !== 'if' || top.seenElse) {
        const where = !top ? 'outside any block' : top.name !== 'if' ? `inside \`${top.label}\`, not \`#if\`` : 'after `#else`'
        out.push(diag('VTL003', `\`${label(d)}\` ${where}`, range))
      } else if (d.name === 'else') top.seenElse = true
    }
  }
  for (const o of stack) {
    out.push(diag('VTL001', `\`${o.label}\` is never closed: add \`#end\``, lines.range(o.start, o.end)))
  }
  return out
}
