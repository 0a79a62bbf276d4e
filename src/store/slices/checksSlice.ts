/**
 * Checks slice: the diagnostics of the current document, from the one check pipeline (`checkDesign`: model checks
 * plus every request and response mapping template), and per-entity counts for the node badges.
 */
import type { Diagnostic } from '../../model/diagnostics'
import type { DesignDocument, EntityId } from '../../model/types'
import { checkDesign } from '../../checks/checkDesign'
import type { SliceContext } from './sliceContext'

export type ProblemCounts = Readonly<Record<EntityId, { errors: number; warnings: number }>>

export interface ChecksSlice {
  diagnostics: readonly Diagnostic[]
  /** Counts per entity for badges (prototype-free: entity ids are user text). */
  problemCounts: ProblemCounts
  /** The document the diagnostics were computed for. */
  checkedDoc: DesignDocument | null
  runChecks(): void
}

export function countProblems(diagnostics: readonly Diagnostic[]): ProblemCounts {
  const counts: Record<EntityId, { errors: number; warnings: number }> = Object.create(null)
  for (const d of diagnostics) {
    if (!d.entity || d.severity === 'info') continue
    const c = (counts[d.entity] ??= { errors: 0, warnings: 0 })
    if (d.severity === 'error') c.errors++
    else c.warnings++
  }
  return counts
}

export function createChecksSlice({ set, get, options, cancelScheduledChecks }: SliceContext): ChecksSlice {
  const check = options.check ?? checkDesign
  return {
    diagnostics: [],
    problemCounts: Object.create(null),
    checkedDoc: null,
    runChecks() {
      cancelScheduledChecks()
      const { doc, checkedDoc } = get()
      if (checkedDoc === doc) return
      let diagnostics: Diagnostic[]
      try {
        diagnostics = check(doc)
      } catch (e) {
        diagnostics = [{ code: 'APP001', severity: 'error', message: `The model checks failed to run: ${e instanceof Error ? e.message : String(e)}` }]
      }
      set({ diagnostics, problemCounts: countProblems(diagnostics), checkedDoc: doc })
    },
  }
}
