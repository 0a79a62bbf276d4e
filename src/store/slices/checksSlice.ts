/**
 * Checks slice: the diagnostics of the current document, from the one check pipeline (`checkDesign`: model checks
 * plus every request and response mapping template), and per-entity counts for the node badges.
 *
 * The pipeline (the VTL engine with velocityjs, Ajv for model schemas) is a chunk of its own, fetched when the
 * checks first run: they run after a debounce anyway, never before the first paint, so the initial bundle does not
 * carry them (issue 12, initial JS budget). A chunk that fails to load is an APP001 diagnostic, retried next run.
 */
import type { Diagnostic } from '../../model/diagnostics'
import type { DesignDocument, EntityId } from '../../model/types'
import type { SliceContext } from './sliceContext'

type Check = (doc: DesignDocument) => Diagnostic[]

export type ProblemCounts = Readonly<Record<EntityId, { errors: number; warnings: number }>>

export interface ChecksSlice {
  diagnostics: readonly Diagnostic[]
  /** Counts per entity for badges (prototype-free: entity ids are user text). */
  problemCounts: ProblemCounts
  /** The document the diagnostics were computed for. */
  checkedDoc: DesignDocument | null
  /** Runs the checks now; resolves once the diagnostics are those of the current document. */
  runChecks(): Promise<void>
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
  let check: Check | undefined = options.check
  let loading: Promise<Check> | undefined
  const loadCheck = () =>
    (loading ??= (options.loadCheck ?? (() => import('../../checks/checkDesign').then((m) => m.checkDesign)))().then(
      (loaded) => (check = loaded),
      (e: unknown) => {
        loading = undefined
        throw e
      },
    ))
  const failed = (what: string, e: unknown): Diagnostic[] => [{ code: 'APP001', severity: 'error', message: `The model checks failed to ${what}: ${e instanceof Error ? e.message : String(e)}` }]
  return {
    diagnostics: [],
    problemCounts: Object.create(null),
    checkedDoc: null,
    async runChecks() {
      cancelScheduledChecks()
      if (!check) {
        try {
          await loadCheck()
        } catch (e) {
          const diagnostics = failed('load', e)
          set({ diagnostics, problemCounts: countProblems(diagnostics), checkedDoc: null })
          return
        }
      }
      const { doc, checkedDoc } = get()
      if (checkedDoc === doc) return
      let diagnostics: Diagnostic[]
      try {
        diagnostics = check!(doc)
      } catch (e) {
        diagnostics = failed('run', e)
      }
      set({ diagnostics, problemCounts: countProblems(diagnostics), checkedDoc: doc })
    },
  }
}
