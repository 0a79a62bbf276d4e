/**
 * Text → design document. Never throws: every failure is a located diagnostic and the caller's current
 * document stays untouched. YAML is the default; JSON is YAML too and is accepted as is.
 */

import { constructFromEvents, JSON_SCHEMA, parseEvents, YAMLException, type Event } from 'js-yaml'
import type { Diagnostic, SourceRange } from '../diagnostics'
import { splitFieldPath } from '../fieldPath'
import { COLLECTIONS, type DesignDocument } from '../types'
import { DESIGN_FORMAT, DESIGN_VERSION, looksLikeEnvelope } from './envelope'
import { migrate, OLDEST_READABLE_VERSION } from './migrations'
import { SourceMap } from './sourceMap'
import { NodeBudget, validateShape, type ShapeDiagnostic } from './validateShape'

/** Files larger than this are refused before parsing (a 300-route design with templates is well under 2 MB). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024
/** At most this many values are walked, which stops alias bombs. */
export const MAX_VALUES = 1_000_000
const MAX_ALIASES = 1000
const MAX_DEPTH = 64

export type ParseResult =
  | { ok: true; document: DesignDocument; warnings: Diagnostic[]; source: DocumentSource }
  | { ok: false; errors: Diagnostic[] }

/**
 * Where things are in the parsed text, for pointing diagnostics at lines. The line index and path table are
 * built on the first question (a clean design never pays for them), from the parser's events.
 */
export class DocumentSource {
  private map?: SourceMap
  constructor(
    readonly text: string,
    private readonly document: DesignDocument,
    private readonly events?: Event[],
  ) {}

  private sourceMap(): SourceMap {
    this.map ??= new SourceMap(this.text, this.events)
    return this.map
  }

  /** Range of an entity's field (or the entity itself) in the file. */
  locate(entity: string | undefined, field?: string): SourceRange {
    return this.sourceMap().locate(pathOf(this.document, entity, field))
  }

  locateValue(entity: string | undefined, field?: string): SourceRange {
    return this.sourceMap().locateValue(pathOf(this.document, entity, field))
  }

  /** Fills `range` on diagnostics that name an entity but have no location yet. */
  attachRanges<T extends Diagnostic>(diagnostics: readonly T[]): T[] {
    return diagnostics.map((d) => (d.range ? d : { ...d, range: this.locate(d.entity, d.field) }))
  }
}

export function pathOf(document: DesignDocument, entity: string | undefined, field?: string): string[] {
  const fieldSegments = field ? splitFieldPath(field) : []
  if (!entity) return []
  if (entity === 'api') return ['design', 'api', ...fieldSegments]
  for (const c of COLLECTIONS) {
    if (Object.prototype.hasOwnProperty.call(document.design[c], entity)) return ['design', c, entity, ...fieldSegments]
  }
  if (Object.prototype.hasOwnProperty.call(document.layout, entity)) return ['layout', entity]
  return []
}

function byteLength(text: string): number {
  // Cheap upper bound first; exact count only near the limit.
  if (text.length * 3 <= MAX_FILE_BYTES) return text.length
  return new TextEncoder().encode(text).length
}

export function parseDocument(text: string): ParseResult {
  const size = byteLength(text)
  if (size > MAX_FILE_BYTES) {
    return fail({
      code: 'DOC002',
      severity: 'error',
      message: `The file is ${(size / 1024 / 1024).toFixed(1)} MB; designs are limited to ${MAX_FILE_BYTES / 1024 / 1024} MB.`,
      range: { line: 1, column: 1 },
    })
  }
  if (!text.trim()) {
    return fail({ code: 'DOC003', severity: 'error', message: 'The file is empty.', range: { line: 1, column: 1 } })
  }

  // js-yaml's load() in its two steps, so the events are kept for the source map instead of parsed again.
  let raw: unknown
  let events: Event[]
  try {
    events = parseEvents(text, { maxDepth: MAX_DEPTH })
    const documents = constructFromEvents(events, { schema: JSON_SCHEMA, maxAliases: MAX_ALIASES, source: text })
    if (documents.length !== 1) {
      throw new YAMLException(documents.length ? 'expected a single document in the stream, but found more' : 'expected a document, but the input is empty')
    }
    raw = documents[0]
  } catch (e) {
    return fail(syntaxError(e))
  }

  if (!looksLikeEnvelope(raw)) {
    return fail({
      code: 'DOC003',
      severity: 'error',
      message: `This is not a socket-studio design: expected a mapping with "format: ${DESIGN_FORMAT}". (CloudFormation templates are opened with import.)`,
      range: { line: 1, column: 1 },
    })
  }
  let map: SourceMap | undefined
  const sourceMap = () => (map ??= new SourceMap(text, events))
  if (raw.format !== DESIGN_FORMAT) {
    return fail({
      code: 'DOC003',
      severity: 'error',
      message: `Unknown format ${JSON.stringify(raw.format)}; expected "${DESIGN_FORMAT}".`,
      range: sourceMap().locateValue(['format']),
    })
  }
  if (typeof raw.version !== 'number' || !Number.isInteger(raw.version) || raw.version < 1) {
    return fail({
      code: 'DOC004',
      severity: 'error',
      message: `"version" must be a whole number from 1 to ${DESIGN_VERSION}, not ${JSON.stringify(raw.version)}.`,
      range: sourceMap().locateValue(['version']),
    })
  }
  if (raw.version > DESIGN_VERSION) {
    return fail({
      code: 'DOC004',
      severity: 'error',
      message: `This design was written by a newer socket-studio (format version ${raw.version}); this build reads up to version ${DESIGN_VERSION}.`,
      range: sourceMap().locateValue(['version']),
    })
  }
  if (raw.version < OLDEST_READABLE_VERSION) {
    return fail({
      code: 'DOC004',
      severity: 'error',
      message: `Format version ${raw.version} is too old for this build (oldest readable: ${OLDEST_READABLE_VERSION}).`,
      range: sourceMap().locateValue(['version']),
    })
  }

  let payload: Record<string, unknown>
  try {
    payload = migrate(raw, raw.version)
  } catch (e) {
    return fail({
      code: 'DOC012',
      severity: 'error',
      message: `The design could not be upgraded from version ${raw.version}: ${e instanceof Error ? e.message : String(e)}`,
      range: { line: 1, column: 1 },
    })
  }

  const shape = validateShape(payload, new NodeBudget(MAX_VALUES))
  const located = (d: ShapeDiagnostic): Diagnostic => {
    const { path, ...rest } = d
    return { ...rest, range: rest.range ?? sourceMap().locate(path) }
  }
  const errors = shape.diagnostics.filter((d) => d.severity === 'error').map(located)
  if (errors.length || !shape.design) return { ok: false, errors }
  const document: DesignDocument = { design: shape.design, layout: shape.layout }
  return {
    ok: true,
    document,
    warnings: shape.diagnostics.filter((d) => d.severity !== 'error').map(located),
    source: new DocumentSource(text, document, events),
  }
}

function fail(...errors: Diagnostic[]): ParseResult {
  return { ok: false, errors }
}

function syntaxError(e: unknown): Diagnostic {
  if (e instanceof YAMLException) {
    const mark = (e as YAMLException & { mark?: { line: number; column: number } }).mark
    const reason = (e as YAMLException & { reason?: string }).reason ?? e.message
    return {
      code: 'DOC001',
      severity: 'error',
      message: `Not valid YAML or JSON: ${reason}.`,
      range: mark ? { line: mark.line + 1, column: mark.column + 1 } : { line: 1, column: 1 },
    }
  }
  return {
    code: 'DOC001',
    severity: 'error',
    message: `The file could not be read: ${e instanceof Error ? e.message : String(e)}`,
    range: { line: 1, column: 1 },
  }
}
