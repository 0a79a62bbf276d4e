/** Authorizers: `WebSocketLambdaAuthorizer` / `WebSocketIamAuthorizer`; CDK creates the resources when a route binds them. */

import type { Authorizer, Json, JsonObject } from '../../model/types'
import { call, construct, lit, member, props, str, THIS, v, type Code, type Props } from './code'
import type { Expr } from './expr'
import type { IrContext } from './context'
import { deepMerge } from './context'
import { cfnValue } from './cfnValue'
import { functionRef, type FunctionRef } from './functions'
import { valueCode } from './intrinsicCode'
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
  /**
   * Its function is outside the design (the URI stayed CloudFormation: a parameter ARN, `Fn::ImportValue`):
   * a `CfnAuthorizer` any route can name by id, with no permission (the function's owner grants it, or the
   * credentials role's own policy allows the call).
   */
  outside?: boolean
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
  if (!a.function && a.cfnExtra?.AuthorizerUri !== undefined) return buildOutsideAuthorizer(ctx, info, a)
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
  const credentials = credentialsCode(ctx, info, a)
  if (credentials.code && credentials.cfn !== undefined) {
    overrides.AuthorizerCredentialsArn = credentials.cfn
    info.overrideCode.push(['AuthorizerCredentialsArn', credentials.code])
  }
  overrides = deepMerge(overrides, a.cfnExtra ?? {})
  for (const [k, value] of Object.entries(a.cfnExtra ?? {})) info.overrideCode.push([k, { k: 'json', value }])
  info.overrides = overrides
  return info
}

function credentialsCode(ctx: IrContext, info: AuthorizerInfo, a: Authorizer): { code?: Code; cfn?: Json } {
  const c = a.credentials
  if (!c) return {}
  const arn = 'caller' in c ? ['arn:aws:iam::*:user/*'] : 'arn' in c ? ctx.text(c.arn, info.id, 'credentials.arn') : ctx.text(`@{${c.role}.arn}`, info.id, 'credentials.role')
  return { code: str(arn), cfn: cfnValue(arn) }
}

/** `CfnAuthorizer` with the URI as the template had it, as a CDK expression (`intrinsicCode.ts`). */
function buildOutsideAuthorizer(ctx: IrContext, info: AuthorizerInfo, a: Authorizer): AuthorizerInfo {
  const api = ctx.api!
  const constructId = ctx.stackChildId(info.constructId)
  const { AuthorizerUri: uri, ...extra } = a.cfnExtra ?? {}
  const credentials = credentialsCode(ctx, info, a)
  ctx.emitConst(
    info.id,
    info.variable,
    construct('apigwv2', 'CfnAuthorizer', [THIS, lit(constructId)], props([
      ['apiId', member(v(api.variable), 'apiId')],
      ['authorizerType', lit('REQUEST')],
      ['authorizerUri', valueCode(uri!, 'string')],
      ['identitySource', { k: 'list', items: info.identitySource.map(lit) }],
      ['name', lit(info.name)],
      ['authorizerCredentialsArn', credentials.code],
    ])),
  )
  for (const [k, value] of Object.entries(extra)) {
    ctx.emit(info.id, { k: 'expr', value: call(v(info.variable), 'addPropertyOverride', [lit(k), { k: 'json', value }]) })
  }
  const logicalId = ctx.resourceLogicalId([constructId])
  info.bound = { logicalId }
  info.l1 = true
  info.outside = true
  const cfn: JsonObject = { ApiId: ctx.apiRef(), AuthorizerType: 'REQUEST', AuthorizerUri: uri!, IdentitySource: info.identitySource, Name: info.name }
  if (credentials.cfn !== undefined) cfn.AuthorizerCredentialsArn = credentials.cfn
  ctx.addResource(info.id, [constructId], 'AWS::ApiGatewayV2::Authorizer', deepMerge(cfn, extra))
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
