/**
 * One diagnostic shape for model checks, VTL checks, parse errors, export and import problems, so the
 * Problems panel, canvas badges, Monaco markers and the CLI all read the same thing. Tests assert on codes.
 */

import type { EntityId } from './types'

export type Severity = 'error' | 'warning' | 'info'

/** 1-based line and column. */
export interface SourceRange {
  line: number
  column: number
  endLine?: number
  endColumn?: number
}

export interface Diagnostic {
  /** Stable code: `DOCnnn` (file format), `MDLnnn` (model checks), `VTLnnn`, `EXPnnn`, `IMPnnn`. */
  code: string
  severity: Severity
  message: string
  /** The entity the diagnostic belongs to (`api` for the API itself). */
  entity?: EntityId
  /** Dotted field path inside the entity, e.g. `requestTemplates.application/json`. */
  field?: string
  /** Location in the source text when known. */
  range?: SourceRange
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error')
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 }

/** Stable order: by location when present, then severity, then code. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.range?.line ?? Number.MAX_SAFE_INTEGER) - (b.range?.line ?? Number.MAX_SAFE_INTEGER) ||
      (a.range?.column ?? 0) - (b.range?.column ?? 0) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.code.localeCompare(b.code),
  )
}

export type Result<T, E = Diagnostic[]> = { ok: true; value: T; warnings: Diagnostic[] } | { ok: false; error: E }

export function ok<T>(value: T, warnings: Diagnostic[] = []): Result<T, never> {
  return { ok: true, value, warnings }
}

export function fail<E>(error: E): Result<never, E> {
  return { ok: false, error }
}
