/** Integration responses: no L2 (aws-cdk PR #29661 was closed), so `CfnIntegrationResponse` on the stack. */

import type { IntegrationResponse, JsonObject } from '../../model/types'
import { call, construct, lit, member, props, str, THIS, v, type Code } from './code'
import { cfnMap } from './cfnValue'
import type { IrContext } from './context'
import { deepMerge } from './context'
import type { Expr } from './expr'
import type { IntegrationInfo } from './buildIntegrations'
import { bindVariable, type RouteInfo } from './buildRoutes'
import { pascalCase } from './names'
import { templateCode } from './jsonTemplate'

export interface ResponseInfo {
  path: string[]
  /** Set when the response was declared as a variable (a deployment depends on it, or overrides follow). */
  variable?: string
}

/** `declare`: keep each response in a variable (a deployment will depend on it). */
export function buildResponses(ctx: IrContext, integration: IntegrationInfo, firstRoute: RouteInfo | undefined, responses: Record<string, IntegrationResponse>, declare: boolean): ResponseInfo[] {
  const paths: ResponseInfo[] = []
  if (!integration.logicalId) return paths
  const integrationId: Code =
    integration.style === 'l1'
      ? member(v(integration.variable), 'ref')
      : firstRoute
        ? member(bindVariable(ctx, firstRoute, integration), 'integrationId')
        : lit('')
  for (const [key, r] of Object.entries(responses)) {
    const owner = integration.id
    const suffix = key === '$default' ? '' : pascalCase(key)
    const constructId = ctx.stackChildId(`${integration.constructId}Response${suffix}`)
    const templates = r.templates ? Object.entries(r.templates).map(([k, t]) => [k, ctx.text(t, owner, `responses.${key}.templates.${k}`)] as [string, Expr]) : undefined
    const responseParameters = r.responseParameters ? Object.entries(r.responseParameters).map(([k, p]) => [k, ctx.text(p, owner, `responses.${key}.responseParameters.${k}`)] as [string, Expr]) : undefined
    const creation = construct('apigwv2', 'CfnIntegrationResponse', [THIS, lit(constructId)], props([
      ['apiId', member(v(ctx.api!.variable), 'apiId')],
      ['integrationId', integrationId],
      ['integrationResponseKey', lit(key)],
      ['responseTemplates', templates ? { k: 'map', entries: templates.map(([k, e]) => [k, templateCode(e)]) } : undefined],
      ['templateSelectionExpression', r.templateSelectionExpression !== undefined ? lit(r.templateSelectionExpression) : undefined],
      ['contentHandlingStrategy', r.contentHandling ? lit(r.contentHandling) : undefined],
      ['responseParameters', responseParameters ? { k: 'map', entries: responseParameters.map(([k, e]) => [k, str(e)]) } : undefined],
    ]))
    const extra = Object.entries(r.cfnExtra ?? {})
    let variable: string | undefined
    if (extra.length || declare) {
      variable = ctx.names.take(`${integration.variable} response ${suffix}`, 'response')
      ctx.emit(owner, { k: 'const', name: variable, value: creation })
      for (const [k, value] of extra) ctx.emit(owner, { k: 'expr', value: call(v(variable), 'addPropertyOverride', [lit(k), { k: 'json', value }]) })
    } else ctx.emit(owner, { k: 'expr', value: creation })
    let cfn: JsonObject = { ApiId: ctx.apiRef(), IntegrationId: { Ref: integration.logicalId }, IntegrationResponseKey: key }
    if (templates) cfn.ResponseTemplates = cfnMap(templates)
    if (r.templateSelectionExpression !== undefined) cfn.TemplateSelectionExpression = r.templateSelectionExpression
    if (r.contentHandling) cfn.ContentHandlingStrategy = r.contentHandling
    if (responseParameters) cfn.ResponseParameters = cfnMap(responseParameters)
    cfn = deepMerge(cfn, r.cfnExtra ?? {})
    ctx.addResource(owner, [constructId], 'AWS::ApiGatewayV2::IntegrationResponse', cfn)
    paths.push({ path: [constructId], variable })
  }
  return paths
}
