/** Authorizers: `WebSocketLambdaAuthorizer` / `WebSocketIamAuthorizer`; CDK creates the resources when a route binds them. */

import type { Authorizer, JsonObject } from '../../model/types'
import { call, construct, lit, member, props, str, THIS, v, type Code, type Props } from './code'
import type { Expr } from './expr'
import type { IrContext } from './context'
import { deepMerge } from './context'
import { cfnValue } from './cfnValue'
import { functionRef, type FunctionRef } from './functions'
import { pascalCase } from './names'
import { sanitizeConstructId } from './logicalIds'

export interface AuthorizerInfo {
  id: string
  type: Authorizer['type']
  constructId: string
  variable: string
  handler?: FunctionRef
  /** Lambda: CloudFormation properties the L2 has no prop for (credentials, cfnExtra). */
  overrides: JsonObject
  /** The same as code, for `addPropertyOverride`. */
  overrideCode: Props
  name: string
  identitySource: string[]
  bound?: { logicalId: string }
  /** Built as `CfnAuthorizer` (its route is an L1 route, which cannot bind the L2 authorizer). */
  l1?: boolean
}

export function buildAuthorizer(ctx: IrContext, id: string, a: Authorizer, forL1Route = false): AuthorizerInfo {
  const constructId = sanitizeConstructId(a.constructId ?? pascalCase(id))
  const variable = ctx.declareVar(id, id, 'authorizer')
  const info: AuthorizerInfo = {
    id,
    type: a.type,
    constructId,
    variable,
    overrides: {},
    overrideCode: [],
    name: a.name ?? constructId,
    identitySource: a.identitySource ?? ['route.request.header.Authorization'],
  }
  if (a.type === 'iam') {
    ctx.emitConst(id, variable, construct('authorizers', 'WebSocketIamAuthorizer', []))
    return info
  }
  info.handler = a.function ? functionRef(ctx, a.function, id, 'function') : undefined
  if (!info.handler) {
    if (!a.function) ctx.error('EXP006', 'A Lambda authorizer needs a function.', id, 'function')
    return info
  }
  if (forL1Route) return buildL1Authorizer(ctx, info, a)
  ctx.emitConst(
    id,
    variable,
    construct('authorizers', 'WebSocketLambdaAuthorizer', [lit(constructId), info.handler.code], props([
      ['authorizerName', a.name !== undefined ? lit(a.name) : undefined],
      ['identitySource', a.identitySource ? ({ k: 'list', items: a.identitySource.map(lit) } as Code) : undefined],
    ])),
  )
  let overrides: JsonObject = {}
  if (a.credentials) {
    const c = a.credentials
    const arn = 'caller' in c ? ['arn:aws:iam::*:user/*'] : 'arn' in c ? ctx.text(c.arn, id, 'credentials.arn') : ctx.text(`@{${c.role}.arn}`, id, 'credentials.role')
    overrides.AuthorizerCredentialsArn = cfnValue(arn)
    info.overrideCode.push(['AuthorizerCredentialsArn', str(arn)])
  }
  overrides = deepMerge(overrides, a.cfnExtra ?? {})
  for (const [k, value] of Object.entries(a.cfnExtra ?? {})) info.overrideCode.push([k, { k: 'json', value }])
  info.overrides = overrides
  return info
}

/**
 * A Lambda authorizer for an L1 route (HTTP integration on `$connect`): `CfnAuthorizer` plus the invoke
 * permission through `fn.addPermission`, exactly what the L2 would have created.
 */
function buildL1Authorizer(ctx: IrContext, info: AuthorizerInfo, a: Authorizer): AuthorizerInfo {
  const handler = info.handler!
  const api = ctx.api!
  const constructId = ctx.stackChildId(info.constructId)
  const uri: Expr = ['arn:', { kind: 'pseudo', name: 'partition' }, ':apigateway:', { kind: 'pseudo', name: 'region' }, ':lambda:path/2015-03-31/functions/', ...handler.arn, '/invocations']
  const credentials = info.overrideCode.find(([k]) => k === 'AuthorizerCredentialsArn')?.[1]
  ctx.emitConst(
    info.id,
    info.variable,
    construct('apigwv2', 'CfnAuthorizer', [THIS, lit(constructId)], props([
      ['apiId', member(v(api.variable), 'apiId')],
      ['authorizerType', lit('REQUEST')],
      ['authorizerUri', str(uri)],
      ['identitySource', { k: 'list', items: info.identitySource.map(lit) }],
      ['name', lit(info.name)],
      ['authorizerCredentialsArn', credentials],
    ])),
  )
  for (const [k, value] of Object.entries(a.cfnExtra ?? {})) {
    ctx.emit(info.id, { k: 'expr', value: call(v(info.variable), 'addPropertyOverride', [lit(k), { k: 'json', value }]) })
  }
  const logicalId = ctx.resourceLogicalId([constructId])
  info.bound = { logicalId }
  info.l1 = true
  const cfn: JsonObject = {
    ApiId: ctx.apiRef(),
    AuthorizerType: 'REQUEST',
    AuthorizerUri: cfnValue(uri),
    IdentitySource: info.identitySource,
    Name: info.name,
  }
  ctx.addResource(info.id, [constructId], 'AWS::ApiGatewayV2::Authorizer', deepMerge(cfn, info.overrides))
  const sourceArn: Expr = [
    'arn:', { kind: 'pseudo', name: 'partition' }, ':execute-api:', { kind: 'pseudo', name: 'region' }, ':', { kind: 'pseudo', name: 'accountId' }, ':',
    ...ctx.text('@{api.id}', info.id, 'function'), '/authorizers/', { kind: 'attr', variable: info.variable, property: 'ref', logicalId },
  ]
  const permissionId = `${constructId}Permission`
  ctx.emit(info.id, {
    k: 'expr',
    value: call(handler.code, 'addPermission', [lit(permissionId)], [
      ['principal', construct('iam', 'ServicePrincipal', [lit('apigateway.amazonaws.com')])],
      ['sourceArn', str(sourceArn)],
    ]),
  })
  ctx.addResource(info.id, [handler.constructId, permissionId], 'AWS::Lambda::Permission', {
    Action: 'lambda:InvokeFunction',
    FunctionName: cfnValue(handler.arn),
    Principal: 'apigateway.amazonaws.com',
    SourceArn: cfnValue(sourceArn),
  })
  return info
}
