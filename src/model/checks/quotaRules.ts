import { CFN_RESOURCE_LIMIT, estimateResourceCount } from '../estimate'
import { API_ENTITY_ID } from '../types'
import type { Rule } from './context'

/** Quotas: routes and integrations per API, and the CloudFormation resource limit per stack. */
export const quotaRules: Rule = (ctx) => {
  const { design } = ctx
  const routes = Object.keys(design.routes)
  if (routes.length > 300) ctx.report('MDL024', routes[300], undefined, `The API has ${routes.length} routes; API Gateway allows 300 (raisable on request).`)
  const integrations = Object.keys(design.integrations)
  if (integrations.length > 300) ctx.report('MDL025', integrations[300], undefined, `The API has ${integrations.length} integrations; API Gateway allows 300.`)

  const { total, byKind } = estimateResourceCount(design)
  const top = Object.entries(byKind)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([k, n]) => `${n} ${k.replace(/^AWS::/, '')}`)
    .join(', ')
  if (total > CFN_RESOURCE_LIMIT) {
    ctx.report('MDL031', API_ENTITY_ID, undefined, `This design synthesizes to about ${total} CloudFormation resources (${top}); one stack holds at most ${CFN_RESOURCE_LIMIT}. Split the API or share integrations between routes.`)
  } else if (total > CFN_RESOURCE_LIMIT * 0.9) {
    ctx.report('MDL048', API_ENTITY_ID, undefined, `This design synthesizes to about ${total} of CloudFormation's ${CFN_RESOURCE_LIMIT} resources per stack (${top}).`)
  }
}
