/**
 * ValidateOptions for a template of a design integration: the route it serves (first route using it), the
 * service, type, selection expression, keys, request parameters, stage variables of every stage, and the
 * design itself (for `@{…}` preview values). The editor worker and model checks call this, then validateTemplate.
 */

import { routesUsingIntegration, ownEntry } from '../model/queries'
import type { Design, EntityId } from '../model/types'
import type { ValidateOptions } from './validate'

export function templateOptionsFor(design: Design, integrationId: EntityId, templateKey: string, routeKey?: string): ValidateOptions {
  const integration = ownEntry(design.integrations, integrationId)
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
 * ValidateOptions for an integration response template: it runs against the backend's answer, so only the common
 * context applies (route, integration type, stage variables, the design for `@{…}` previews).
 */
export function responseTemplateOptionsFor(design: Design, integrationId: EntityId, contentType: string, routeKey?: string): ValidateOptions {
  const base = templateOptionsFor(design, integrationId, contentType, routeKey)
  return { templateKind: 'response', routeKey: base.routeKey, contentType, integrationType: base.integrationType, stageVariables: base.stageVariables, design }
}

