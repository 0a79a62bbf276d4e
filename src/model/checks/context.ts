import type { Diagnostic, Severity } from '../diagnostics'
import { fieldPath } from '../fieldPath'
import type { Design, EntityId } from '../types'
import { MODEL_CODES, type ModelCode } from './codes'

/** Collects diagnostics for one run of the checks. */
export class CheckContext {
  readonly diagnostics: Diagnostic[] = []
  constructor(readonly design: Design) {}

  report(code: ModelCode, entity: EntityId | undefined, field: readonly (string | number)[] | undefined, message: string, severity?: Severity): void {
    this.diagnostics.push({
      code,
      severity: severity ?? MODEL_CODES[code].severity,
      message,
      ...(entity ? { entity } : {}),
      ...(field && field.length ? { field: fieldPath(...field) } : {}),
    })
  }
}

export type Rule = (ctx: CheckContext) => void
