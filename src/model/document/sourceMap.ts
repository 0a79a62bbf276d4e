/**
 * Maps paths in a YAML/JSON file (`['design', 'routes', 'connect', 'key']`) to line/column, so diagnostics
 * about entities can point into the file. Built from js-yaml's event stream (offsets into the text), only
 * when a location is needed; `parseDocument` hands over the events it already parsed, so the text is not
 * tokenised twice.
 */

import { getScalarValue, parseEvents, type Event, type ScalarEvent } from 'js-yaml'
import type { SourceRange } from '../diagnostics'

const DOCUMENT = 1
const SEQUENCE = 2
const MAPPING = 3
const SCALAR = 4
const ALIAS = 5
const POP = 6
/** Key of the document root (the empty path). */
const ROOT = ''

export class SourceMap {
  private readonly keyOffsets = new Map<string, number>()
  private readonly valueOffsets = new Map<string, number>()
  private readonly lineStarts: number[]

  constructor(
    private readonly text: string,
    events?: Event[],
  ) {
    this.lineStarts = [0]
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1)
    if (!events) {
      try {
        events = parseEvents(text, { maxDepth: 200 })
      } catch {
        return
      }
    }
    this.walk(events)
  }

  private walk(events: Event[]): void {
    // Paths are kept as their joined key (segments separated by NUL) and extended by concatenation: one string
    // per node instead of an array copy and a join.
    type Frame = { kind: 'map' | 'seq'; key: string; index: number; pendingKey?: string; expectKey: boolean }
    const stack: Frame[] = []
    const record = (key: string, offset: number) => {
      if (!this.valueOffsets.has(key)) this.valueOffsets.set(key, offset)
    }
    const child = (parent: string, segment: string) => (parent === ROOT ? segment : `${parent}\u0000${segment}`)
    // Returns the key of the value about to start, or undefined when a mapping key is being read.
    const childKey = (): string | undefined => {
      const top = stack[stack.length - 1]
      if (!top) return ROOT
      if (top.kind === 'seq') return child(top.key, String(top.index++))
      if (top.expectKey) return undefined
      top.expectKey = true
      return child(top.key, top.pendingKey ?? '')
    }
    for (const e of events) {
      switch (e.type) {
        case DOCUMENT:
          break
        case MAPPING:
        case SEQUENCE: {
          const top = stack[stack.length - 1]
          if (top?.kind === 'map' && top.expectKey) {
            // complex key: treat as opaque
            top.expectKey = false
            top.pendingKey = '?'
          }
          const key = childKey() ?? ROOT
          record(key, e.start)
          stack.push({ kind: e.type === MAPPING ? 'map' : 'seq', key, index: 0, expectKey: true })
          break
        }
        case SCALAR: {
          const top = stack[stack.length - 1]
          if (top?.kind === 'map' && top.expectKey) {
            const name = getScalarValue(this.text, e as ScalarEvent)
            top.pendingKey = name
            top.expectKey = false
            this.keyOffsets.set(child(top.key, name), (e as ScalarEvent).valueStart)
            break
          }
          const key = childKey()
          if (key !== undefined) record(key, (e as ScalarEvent).valueStart)
          break
        }
        case ALIAS: {
          const top = stack[stack.length - 1]
          if (top?.kind === 'map' && top.expectKey) {
            top.expectKey = false
            top.pendingKey = '*'
            break
          }
          const key = childKey()
          if (key !== undefined) record(key, e.anchorStart)
          break
        }
        case POP:
          if (stack.length) stack.pop()
          break
      }
    }
  }

  position(offset: number): SourceRange {
    let lo = 0
    let hi = this.lineStarts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (this.lineStarts[mid] <= offset) lo = mid
      else hi = mid - 1
    }
    return { line: lo + 1, column: offset - this.lineStarts[lo] + 1 }
  }

  /** Location of the key (preferred) or value at `path`, else of the nearest ancestor that exists. */
  locate(path: readonly string[]): SourceRange {
    for (let n = path.length; n > 0; n--) {
      const k = path.slice(0, n).join('\u0000')
      const offset = this.keyOffsets.get(k) ?? this.valueOffsets.get(k)
      if (offset !== undefined && offset >= 0) return this.position(offset)
    }
    return { line: 1, column: 1 }
  }

  /** Location of the value at `path` (for pointing inside a template), else as `locate`. */
  locateValue(path: readonly string[]): SourceRange {
    const offset = this.valueOffsets.get(path.join('\u0000'))
    return offset !== undefined && offset >= 0 ? this.position(offset) : this.locate(path)
  }
}
