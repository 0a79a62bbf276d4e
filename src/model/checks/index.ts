/**
 * `checkDocument(doc)`: the API Gateway rules that CDK does not check at synth time, as diagnostics with
 * stable codes (codes.ts), the entity and field they belong to, and a message a person understands.
 * Pure and fast: it runs on every edit in the designer and before every export.
 */

import type { Diagnostic } from '../diagnostics'
import { allEntityIds } from '../queries'
import type { DesignDocument } from '../types'
import { apiRules } from './apiRules'
import { authorizerRules } from './authorizerRules'
import { contractRules } from './contractRules'
import { CheckContext, type Rule } from './context'
import { grantRules } from './grantRules'
import { integrationRules } from './integrationRules'
import { quotaRules } from './quotaRules'
import { referenceRules } from './referenceRules'
import { resourceRules } from './resourceRules'
import { routeRules } from './routeRules'
import { stageRules } from './stageRules'

export { MODEL_CODES, type ModelCode } from './codes'

const RULES: Rule[] = [apiRules, routeRules, integrationRules, authorizerRules, stageRules, resourceRules, grantRules, contractRules, referenceRules, quotaRules]

export function checkDocument(doc: DesignDocument): Diagnostic[] {
  const ctx = new CheckContext(doc.design)
  for (const rule of RULES) rule(ctx)
  const known = new Set(allEntityIds(doc.design))
  for (const id of Object.keys(doc.layout)) {
    if (!known.has(id)) ctx.report('MDL042', id, undefined, `The canvas has a position for "${id}", which is not in the design; it is ignored.`)
  }
  return ctx.diagnostics
}
