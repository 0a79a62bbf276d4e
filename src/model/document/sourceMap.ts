/**
 * Maps paths in a YAML/JSON file (`['design', 'routes', 'connect', 'key']`) to line/column, so diagnostics
 * about entities can point into the file. Built from js-yaml's event stream (offsets into the text), only
 * when a location is needed; `parseDocument` hands over the events it already parsed, so the text is not
 * tokenised twice.
 *
 * Most files that need a location at all need very few (a clean 150-route design still gets two warnings), so
 * the first questions are answered by a targeted walk: it follows only the containers on the asked path and
 * skips every other subtree by counting its events, without naming a single key in it. Building the table of
 * every path cost 3-6 ms of a 150-route `export` in a fresh process; a targeted walk costs a fraction of that.
 * After TARGETED_WALKS questions the whole table is built once and answers the rest.
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
/** Separator of the segments in a joined path key. */
const SEP = '\u0000'
/** Questions answered by targeted walks before the whole table is built. */
const TARGETED_WALKS = 16

export class SourceMap {
  private readonly keyOffsets = new Map<string, number>()
  private readonly valueOffsets = new Map<string, number>()
  private lines?: number[]
  private readonly events: Event[]
  /** Paths a targeted walk has already answered (with every prefix of them recorded). */
  private readonly walked = new Set<string>()
  private complete = false

  constructor(
    private readonly text: string,
    events?: Event[],
  ) {
    if (!events) {
      try {
        events = parseEvents(text, { maxDepth: 200 })
      } catch {
        events = []
      }
    }
    this.events = events
  }

  /** Makes sure the offsets of `key` and of all its prefixes are recorded. */
  private ensure(key: string): void {
    if (this.complete || this.walked.has(key)) return
    if (this.walked.size < TARGETED_WALKS) {
      this.walked.add(key)
      this.walk(key)
    } else {
      this.complete = true
      this.walk(undefined)
    }
  }

  /**
   * One pass over the events, recording where keys and values start. With a `target`, containers that are not on
   * the path to it are skipped whole. The offsets recorded are the same either way (values: first occurrence;
   * keys: last occurrence), so targeted and complete walks can fill the same tables in any order.
   */
  private walk(target: string | undefined): void {
    // Paths are kept as their joined key and extended by concatenation: one string per node instead of an array
    // copy and a join.
    type Frame = { kind: 'map' | 'seq'; key: string; index: number; pendingKey?: string; expectKey: boolean }
    const stack: Frame[] = []
    const events = this.events
    const onPath = (key: string) => target === undefined || key === ROOT || key === target || target.startsWith(key + SEP)
    const record = (key: string, offset: number) => {
      if (onPath(key) && !this.valueOffsets.has(key)) this.valueOffsets.set(key, offset)
    }
    const child = (parent: string, segment: string) => (parent === ROOT ? segment : `${parent}${SEP}${segment}`)
    // Returns the key of the value about to start, or undefined when a mapping key is being read.
    const childKey = (): string | undefined => {
      const top = stack[stack.length - 1]
      if (!top) return ROOT
      if (top.kind === 'seq') return child(top.key, String(top.index++))
      if (top.expectKey) return undefined
      top.expectKey = true
      return child(top.key, top.pendingKey ?? '')
    }
    // Index of the POP that closes the container opened at `start`.
    const closing = (start: number) => {
      let depth = 0
      for (let i = start; i < events.length; i++) {
        const type = events[i].type
        if (type === MAPPING || type === SEQUENCE) depth++
        else if (type === POP && --depth === 0) return i
      }
      return events.length
    }
    for (let i = 0; i < events.length; i++) {
      const e = events[i]
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
          if (!onPath(key)) {
            i = closing(i)
            break
          }
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
            const key = child(top.key, name)
            if (onPath(key)) this.keyOffsets.set(key, (e as ScalarEvent).valueStart)
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

  private lineStarts(): number[] {
    if (!this.lines) {
      const lines = [0]
      for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) lines.push(i + 1)
      this.lines = lines
    }
    return this.lines
  }

  position(offset: number): SourceRange {
    const lineStarts = this.lineStarts()
    let lo = 0
    let hi = lineStarts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (lineStarts[mid] <= offset) lo = mid
      else hi = mid - 1
    }
    return { line: lo + 1, column: offset - lineStarts[lo] + 1 }
  }

  /** Location of the key (preferred) or value at `path`, else of the nearest ancestor that exists. */
  locate(path: readonly string[]): SourceRange {
    this.ensure(path.join(SEP))
    for (let n = path.length; n > 0; n--) {
      const k = path.slice(0, n).join(SEP)
      const offset = this.keyOffsets.get(k) ?? this.valueOffsets.get(k)
      if (offset !== undefined && offset >= 0) return this.position(offset)
    }
    return { line: 1, column: 1 }
  }

  /** Location of the value at `path` (for pointing inside a template), else as `locate`. */
  locateValue(path: readonly string[]): SourceRange {
    const key = path.join(SEP)
    this.ensure(key)
    const offset = this.valueOffsets.get(key)
    return offset !== undefined && offset >= 0 ? this.position(offset) : this.locate(path)
  }
}
