/** Offset ↔ 1-based line/column conversion for one text, built once per text (validation runs on every keystroke). */

import type { Diagnostic, SourceRange } from '../model/diagnostics'
import { severityOf, type VtlCode } from './codes'

export class LineIndex {
  private readonly starts: number[] = [0]
  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1)
  }
  get lineCount(): number {
    return this.starts.length
  }
  /** 1-based line and column of a 0-based offset. */
  position(offset: number): { line: number; column: number } {
    let lo = 0
    let hi = this.starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (this.starts[mid] <= offset) lo = mid
      else hi = mid - 1
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1 }
  }
  range(start: number, end: number): Required<SourceRange> {
    const a = this.position(start)
    const b = this.position(Math.max(start, end))
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column }
  }
  lineStart(line: number): number {
    return this.starts[Math.min(Math.max(line, 1), this.starts.length) - 1]
  }
  lineText(line: number): string {
    const start = this.lineStart(line)
    const next = line < this.starts.length ? this.starts[line] - 1 : this.text.length
    return this.text.slice(start, next)
  }
}

/**
 * Lines of a derived text (the template with `@{…}` resolved) whose ranges are reported in the source text's
 * lines: checks that run on the derived text mark what the person wrote.
 */
export class SourceMappedLines extends LineIndex {
  constructor(
    derived: string,
    private readonly source: LineIndex,
    private readonly toSource: (offset: number) => number,
  ) {
    super(derived)
  }
  override range(start: number, end: number): Required<SourceRange> {
    const a = this.toSource(start)
    return this.source.range(a, Math.max(a, this.toSource(end)))
  }
  /** A range found by another parse of the derived text, in the source's lines. */
  fromDerived(range: SourceRange): Required<SourceRange> {
    const offset = (line: number, column: number) => this.lineStart(line) + column - 1
    const start = offset(range.line, range.column)
    return this.range(start, offset(range.endLine ?? range.line, range.endColumn ?? range.column))
  }
}

export function diag(code: VtlCode, message: string, range: Required<SourceRange>): Diagnostic {
  return { code, severity: severityOf(code), message, range }
}
