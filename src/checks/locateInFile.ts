/**
 * Template diagnostics are located inside the template text (line and column of the VTL). The CLI prints
 * positions in the design file, so this maps a template position to the file: through a YAML block scalar
 * (`|`/`>`: one template line per file line, shifted by the indentation), or through a quoted or plain scalar
 * (escapes such as `\n` and `\"` decoded as we walk, so a JSON design file is located exactly too).
 */

import type { Diagnostic, SourceRange } from '../model/diagnostics'
import type { DocumentSource } from '../model/document/parse'
import { isTemplateFieldPath } from './templateFields'

function lineStarts(text: string): number[] {
  const starts = [0]
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1)
  return starts
}

function positionOf(starts: number[], offset: number): SourceRange {
  let lo = 0
  let hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (starts[mid] <= offset) lo = mid
    else hi = mid - 1
  }
  return { line: lo + 1, column: offset - starts[lo] + 1 }
}

/**
 * Offset in `text` of the template character at 1-based (line, column). `valueOffset` is where js-yaml says the
 * scalar's value starts: the first content line of a block scalar (indentation included), just after the opening
 * quote of a quoted scalar, or the first character of a plain one.
 */
function walkScalar(text: string, valueOffset: number, line: number, column: number): number {
  const before = text[valueOffset - 1]
  const quote = before === '"' || before === "'" ? before : undefined
  if (!quote && (valueOffset === 0 || before === '\n') && isBlockScalarStart(text, valueOffset)) {
    // Block scalar: one template line per file line, shifted by the content's indentation.
    let lineStart = valueOffset
    const firstLine = text.slice(lineStart, lineEnd(text, lineStart))
    const indent = firstLine.length - firstLine.trimStart().length
    for (let l = 1; l < line; l++) {
      const next = text.indexOf('\n', lineStart)
      if (next === -1) break
      lineStart = next + 1
    }
    return Math.min(lineEnd(text, lineStart), lineStart + indent + column - 1)
  }
  // Quoted or plain scalar: walk the raw characters, counting the template's own lines and columns.
  let i = valueOffset
  let l = 1
  let c = 1
  while (i < text.length && (l < line || c < column)) {
    const ch = text[i]
    if (quote === '"' && ch === '\\') {
      const escaped = text[i + 1]
      i += escaped === 'u' ? 6 : escaped === 'x' ? 4 : escaped === 'U' ? 10 : 2
      if (escaped === 'n') {
        l++
        c = 1
      } else c++
      continue
    }
    if (quote === "'" && ch === "'" && text[i + 1] === "'") {
      i += 2
      c++
      continue
    }
    if (ch === quote) break
    i++
    // A line break inside a flow scalar folds to a space, so the template stays on its line.
    c++
  }
  return i
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from)
  return end === -1 ? text.length : end
}

/** True when the line before `offset` ends with a block-scalar indicator (`|`, `>-`, `|+2`, optionally a comment). */
function isBlockScalarStart(text: string, offset: number): boolean {
  if (offset === 0) return false
  const previousEnd = offset - 1
  const previousStart = text.lastIndexOf('\n', previousEnd - 1) + 1
  return /[|>][-+0-9]*\s*(#.*)?$/.test(text.slice(previousStart, previousEnd))
}

/** The file position of a template position, given where the template's scalar value starts in the file. */
export function templatePositionInFile(text: string, value: SourceRange, template: SourceRange, starts = lineStarts(text)): SourceRange {
  const valueOffset = (starts[value.line - 1] ?? 0) + value.column - 1
  const begin = positionOf(starts, walkScalar(text, valueOffset, template.line, template.column))
  if (template.endLine === undefined || template.endColumn === undefined) return begin
  const end = positionOf(starts, walkScalar(text, valueOffset, template.endLine, template.endColumn))
  return { ...begin, endLine: end.line, endColumn: end.column }
}

/**
 * Every diagnostic located in the file: template diagnostics mapped from template positions to file positions,
 * the others pointed at their entity's field. The line index is built only when some diagnostic needs it.
 */
export function locateInFile<T extends Diagnostic>(diagnostics: readonly T[], source: DocumentSource): T[] {
  let starts: number[] | undefined
  return diagnostics.map((d) => {
    if (d.range && isTemplateFieldPath(d.field)) {
      const value = source.locateValue(d.entity, d.field)
      starts ??= lineStarts(source.text)
      return { ...d, range: templatePositionInFile(source.text, value, d.range, starts) }
    }
    return d.range ? d : { ...d, range: source.locate(d.entity, d.field) }
  })
}
