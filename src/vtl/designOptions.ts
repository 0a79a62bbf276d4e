/**
 * ValidateOptions for a template of a design integration: the route it serves (first route using it), the
 * service, type, selection expression, keys, request parameters, stage variables of every stage, and the
 * design itself (for `@{…}` preview values). The editor worker and model checks call this, then validateTemplate.
 */

import { fieldPath } from '../model/fieldPath'
import { routesUsingIntegration } from '../model/queries'
import type { Design, EntityId } from '../model/types'
import type { Diagnostic } from '../model/diagnostics'
import { validateTemplate, type ValidateOptions } from './validate'

export function templateOptionsFor(design: Design, integrationId: EntityId, templateKey: string, routeKey?: string): ValidateOptions {
  const integration = design.integrations[integrationId]
  if (!integration) return { templateKey }
  const routes = routesUsingIntegration(design, integrationId)
  const stageVariables: Record<string, string> = {}
  for (const s of Object.values(design.stages)) Object.assign(stageVariables, s.stageVariables ?? {})
  return {
    routeKey: routeKey ?? routes[0]?.[1].key,
    contentType: templateKey,
    integrationType: integration.type,
    service: integration.type === 'lambda' ? 'lambda' : integration.service,
    action: integration.action,
    templateSelectionExpression: integration.templateSelectionExpression,
    templateKeys: Object.keys(integration.requestTemplates ?? {}),
    templateKey,
    stageVariables,
    requestParameters: integration.requestParameters,
    design,
  }
}

/**
 * Every request template of every non-proxy integration, validated with the options its design context
 * implies; diagnostics carry `entity` (the integration) and `field` (`requestTemplates.<key>`) for the
 * Problems panel and `cli validate`. Proxy integrations ignore templates and are skipped.
 */
export function validateDesignTemplates(design: Design): Diagnostic[] {
  const out: Diagnostic[] = []
  for (const [id, integration] of Object.entries(design.integrations)) {
    if (integration.type === 'lambda-proxy' || integration.type === 'http-proxy') continue
    for (const [key, text] of Object.entries(integration.requestTemplates ?? {})) {
      for (const d of validateTemplate(text, templateOptionsFor(design, id, key))) out.push({ ...d, entity: id, field: d.field ?? fieldPath('requestTemplates', key) })
    }
  }
  return out
}
