/** `AWS::ApiGatewayV2::Route` (+ its `$default` RouteResponse) → `design.routes`. */

import type { EntityId, Json, JsonObject, Route } from '../model/types'
import type { ImportContext, ResourceEntry } from './context'
import { isIntrinsic, isObject, toPieces } from './intrinsics'
import { assignDefined, describe, Props, ResourceProblem } from './props'

export function iamAuthorizer(ctx: ImportContext): EntityId {
  const existing = Object.entries(ctx.design.authorizers).find(([, a]) => a.type === 'iam')
  if (existing) return existing[0]
  const id = ctx.newId('iamAuth')
  ctx.design.authorizers[id] = { type: 'iam' }
  return id
}

export function targetIntegration(ctx: ImportContext, value: Json | undefined): string | undefined {
  const pieces = value === undefined ? undefined : toPieces(value)
  if (pieces && pieces.length === 2 && pieces[0] === 'integrations/' && typeof pieces[1] !== 'string' && 'ref' in pieces[1]) return pieces[1].ref
  return undefined
}

export function mapRoute(ctx: ImportContext, entry: ResourceEntry, responses: ResourceEntry[]): void {
  const p = new Props(entry.logicalId, entry.props)
  p.take('ApiId')
  const key = p.required('RouteKey', entry.logicalId)
  const base = key === '$connect' ? 'connect' : key === '$disconnect' ? 'disconnect' : key === '$default' ? 'default' : key
  const id = ctx.newId(base)
  const route: Route = { key }
  const targetValue = p.raw('Target')
  if (targetValue !== undefined) {
    const integ = targetIntegration(ctx, targetValue)
    const integId = integ ? ctx.entityOf.get(integ) : undefined
    if (integId && Object.hasOwn(ctx.design.integrations, integId)) {
      route.integration = integId
      p.take('Target')
    } else {
      ctx.report('IMP022', 'warning', `${entry.logicalId}: Target ${describe(targetValue)} does not name an integration of this template; kept verbatim.`, ['Resources', entry.logicalId, 'Properties', 'Target'], id)
    }
  }
  const authValue = p.raw('AuthorizationType')
  if (authValue !== undefined && !isIntrinsic(authValue) && typeof authValue !== 'string') p.str('AuthorizationType')
  const authType = typeof authValue === 'string' ? authValue : undefined
  if (authType === 'CUSTOM') {
    const auth = ctx.refTarget(p.raw('AuthorizerId'))
    const authId = auth ? ctx.entityOf.get(auth) : undefined
    if (authId && Object.hasOwn(ctx.design.authorizers, authId)) {
      route.authorizer = authId
      p.take('AuthorizerId')
      p.take('AuthorizationType')
    } else {
      // AuthorizationType and AuthorizerId both stay verbatim so the route stays as it was.
      ctx.report('IMP022', 'warning', `${entry.logicalId}: AuthorizerId does not name an authorizer of this API; kept verbatim.`, ['Resources', entry.logicalId, 'Properties', 'AuthorizerId'], id)
    }
  } else if (authType === 'AWS_IAM') {
    route.authorizer = iamAuthorizer(ctx)
    p.take('AuthorizationType')
  } else if (authType === 'NONE') p.take('AuthorizationType')
  else if (authType !== undefined) {
    throw new ResourceProblem('IMP006', `${entry.logicalId}: AuthorizationType must be NONE, AWS_IAM or CUSTOM, not ${describe(entry.props.AuthorizationType)}.`, ['Resources', entry.logicalId, 'Properties', 'AuthorizationType'])
  }
  assignDefined(route, {
    apiKeyRequired: p.bool('ApiKeyRequired'),
    operationName: p.str('OperationName'),
    modelSelectionExpression: p.str('ModelSelectionExpression'),
    requestModels: p.strMap('RequestModels'),
  })
  const params = p.raw('RequestParameters')
  if (isObject(params) && Object.values(params).every((v) => isObject(v) && typeof v.Required === 'boolean' && Object.keys(v).length === 1)) {
    route.requestParameters = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, { required: (v as JsonObject).Required as boolean }]))
    p.take('RequestParameters')
  }
  const rrse = p.raw('RouteResponseSelectionExpression')
  const defaultResponse = responses.find((r) => r.props.RouteResponseKey === '$default')
  if (rrse === '$default' && defaultResponse) {
    route.twoWay = true
    p.take('RouteResponseSelectionExpression')
    const rp = new Props(defaultResponse.logicalId, defaultResponse.props)
    for (const k of ['ApiId', 'RouteId', 'RouteResponseKey']) rp.take(k)
    assignDefined(route, { responseModels: rp.strMap('ResponseModels') })
    const extra = rp.extra()
    if (extra) route.routeResponseExtra = extra
    ctx.claim(defaultResponse.logicalId, id, 'route response of')
    ctx.entityOf.delete(defaultResponse.logicalId)
  }
  ctx.keepExtra(route, p, id)
  ctx.design.routes[id] = route
  ctx.claim(entry.logicalId, id, 'route')
}
