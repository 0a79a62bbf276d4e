/**
 * Routes, and with them what CDK creates when a route binds an integration or authorizer: the integration
 * resource (under the first route that uses it), one Lambda permission per route for Lambda proxies, the
 * authorizer and its permission, the `$default` route response. Three spellings:
 * - `api.addRoute(key, …)` — the default;
 * - `new apigwv2.WebSocketRoute(…)` — when `apiKeyRequired` is set (not accepted by addRoute);
 * - `new apigwv2.CfnRoute(…)` — for HTTP integrations (no L2, aws-cdk#29562) and routes without integration.
 */

import type { Json, JsonObject, Route } from '../../model/types'
import { bool, call, construct, lit, member, props, str, THIS, v, type Code, type Stmt } from './code'
import { cfnValue } from './cfnValue'
import type { IrContext } from './context'
import { deepMerge } from './context'
import type { Expr } from './expr'
import type { AuthorizerInfo } from './buildAuthorizers'
import type { IntegrationInfo } from './buildIntegrations'
import { nodeUniqueId, sanitizeConstructId } from './logicalIds'
import { pascalCase } from './names'

export interface RouteInfo {
  id: string
  key: string
  /** Construct path of the route construct (dependencies on it cover all its children). */
  constructPath: string[]
  logicalId: string
  /** The statement that creates the route; turned into a `const` when something needs the route later. */
  statement: Stmt
  variable: string
  /** Extra construct paths a deployment must depend on (an L1 route's route response). */
  extraPaths: string[][]
}

const executeApiArn = (ctx: IrContext, suffix: Expr): Expr => [
  'arn:', { kind: 'pseudo', name: 'partition' }, ':execute-api:', { kind: 'pseudo', name: 'region' }, ':',
  { kind: 'pseudo', name: 'accountId' }, ':', ...apiIdExpr(ctx), ...suffix,
]

const apiIdExpr = (ctx: IrContext): Expr => ctx.text('@{api.id}', 'api', 'id')

/** Makes the route statement a `const` so later statements can use it. */
export function routeVariable(route: RouteInfo): Code {
  if (route.statement.k === 'expr') {
    const value = route.statement.value
    Object.assign(route.statement, { k: 'const', name: route.variable, value })
  }
  return v(route.variable)
}

export function buildRoute(
  ctx: IrContext,
  id: string,
  route: Route,
  integration: IntegrationInfo | undefined,
  authorizer: AuthorizerInfo | undefined,
): RouteInfo {
  const api = ctx.api
  if (!api) throw new Error('internal: API not built yet')
  const apiVar = v(api.variable)
  const variable = ctx.declareVar(id, `${id} route`, 'route')
  const l1 = !integration || integration.style === 'l1'
  // `addRoute` cannot take a construct id: when its `<key>-Route` is taken (keys `a/b` and `a--b`), the later
  // route in entity order is a `WebSocketRoute` under the stack instead, so the earlier one keeps its ids.
  const keyClash = !l1 && route.apiKeyRequired !== true && !ctx.claimApiChildId(sanitizeConstructId(`${route.key}-Route`))
  const useRouteClass = !l1 && (route.apiKeyRequired === true || keyClash)
  const routeConstructId = l1 || useRouteClass ? ctx.stackChildId(`${pascalCase(id)}Route`) : sanitizeConstructId(`${route.key}-Route`)
  const constructPath = l1 || useRouteClass ? [routeConstructId] : [api.constructId, routeConstructId]
  const resourcePath = l1 ? constructPath : [...constructPath, 'Resource']
  const logicalId = ctx.resourceLogicalId(resourcePath)
  const info: RouteInfo = { id, key: route.key, constructPath, logicalId, statement: { k: 'expr', value: lit('') }, variable, extraPaths: [] }

  if (authorizer?.type === 'lambda' && !authorizer.outside && (authorizer.l1 ?? false) !== l1) {
    ctx.error('EXP008', 'One Lambda authorizer cannot serve both an HTTP-integrated route and another route.', id, 'authorizer')
  }

  // ---- CloudFormation of the route
  const cfn: JsonObject = { ApiId: ctx.apiRef(), RouteKey: route.key, AuthorizationType: authorizer ? (authorizer.type === 'iam' ? 'AWS_IAM' : 'CUSTOM') : 'NONE' }
  if (authorizer?.type === 'lambda' && (authorizer.handler || authorizer.outside)) {
    cfn.AuthorizerId = { Ref: authorizer.l1 ? authorizer.bound!.logicalId : ctx.resourceLogicalId([api.constructId, authorizer.constructId, 'Resource']) }
  }
  if (route.apiKeyRequired) cfn.ApiKeyRequired = true
  if (route.twoWay) cfn.RouteResponseSelectionExpression = '$default'
  if (integration?.logicalId || integration) {
    const integrationLogicalId = integration.logicalId ?? ctx.resourceLogicalId([...constructPath, integration.constructId, 'Resource'])
    cfn.Target = cfnValue(['integrations/', { kind: 'attr', variable: integration.variable, property: 'ref', logicalId: integrationLogicalId }])
  }

  // ---- code of the route
  const authorizerCode = authorizer && (authorizer.type === 'iam' || authorizer.handler) ? v(authorizer.variable) : undefined
  if (l1) {
    const target: Expr | undefined = integration ? ['integrations/', { kind: 'attr', variable: integration.variable, property: 'ref', logicalId: integration.logicalId ?? '' }] : undefined
    info.statement = {
      k: 'const',
      name: variable,
      value: construct('apigwv2', 'CfnRoute', [THIS, lit(routeConstructId)], props([
        ['apiId', member(apiVar, 'apiId')],
        ['routeKey', lit(route.key)],
        ['authorizationType', lit(cfn.AuthorizationType as string)],
        ['authorizerId', authorizer?.l1 ? member(v(authorizer.variable), 'ref') : undefined],
        ['apiKeyRequired', route.apiKeyRequired ? bool(true) : undefined],
        ['target', target ? str(target) : undefined],
        ['routeResponseSelectionExpression', route.twoWay ? lit('$default') : undefined],
      ])),
    }
  } else if (useRouteClass) {
    info.statement = {
      k: 'expr',
      value: construct('apigwv2', 'WebSocketRoute', [THIS, lit(routeConstructId)], props([
        ['webSocketApi', apiVar],
        ['routeKey', lit(route.key)],
        ['integration', v(integration.variable)],
        ['authorizer', authorizerCode],
        ['returnResponse', route.twoWay ? bool(true) : undefined],
        ['apiKeyRequired', route.apiKeyRequired ? bool(true) : undefined],
      ])),
    }
  } else {
    info.statement = {
      k: 'expr',
      value: call(apiVar, 'addRoute', [lit(route.key)], props([
        ['integration', v(integration.variable)],
        ['authorizer', authorizerCode],
        ['returnResponse', route.twoWay ? bool(true) : undefined],
      ])),
    }
  }
  ctx.emit(id, info.statement)

  // ---- what binding creates
  if (integration && !l1) bindIntegration(ctx, info, integration, route.key)
  if (authorizer?.type === 'lambda' && authorizer.handler && !authorizer.l1) bindAuthorizer(ctx, authorizer)

  // ---- L1 extras of the route
  const extras: [string, Code, Json][] = []
  // Maps keyed by user text go onto the L1 property whole (WebSocketRoute never sets them): an override would lose
  // a key named `constructor` or `prototype`, which CDK's override merge skips (core/lib/private/deep-merge.ts).
  const l1Maps: [prop: string, cfnName: string, value: JsonObject][] = []
  if (!l1 && authorizer?.outside) {
    // An L2 route takes only an L2 authorizer: name the CfnAuthorizer on the route's L1.
    extras.push(['AuthorizationType', lit('CUSTOM'), 'CUSTOM'], ['AuthorizerId', member(v(authorizer.variable), 'ref'), cfn.AuthorizerId!])
  }
  if (route.requestParameters) {
    l1Maps.push(['requestParameters', 'RequestParameters', Object.fromEntries(Object.entries(route.requestParameters).map(([k, p]) => [k, { Required: p.required }]))])
  }
  if (route.requestModels) l1Maps.push(['requestModels', 'RequestModels', route.requestModels])
  if (route.modelSelectionExpression !== undefined) extras.push(['ModelSelectionExpression', lit(route.modelSelectionExpression), route.modelSelectionExpression])
  if (route.operationName !== undefined) extras.push(['OperationName', lit(route.operationName), route.operationName])
  for (const [k, value] of Object.entries(route.cfnExtra ?? {})) extras.push([k, { k: 'json', value }, value])
  let routeCfn = cfn
  if (extras.length || l1Maps.length) {
    if (!l1) ctx.emit(id, { k: 'comment', text: 'Route properties WebSocketRoute has no props for.' })
    const target = l1 ? routeVariable(info) : ctx.defaultChild(id, info.variable, routeVariable(info), { module: 'apigwv2', name: 'CfnRoute' }, info.variable)
    for (const [prop, , value] of l1Maps) ctx.emit(id, { k: 'assign', target, prop, value: { k: 'json', value } })
    for (const [k, code] of extras) ctx.emit(id, { k: 'expr', value: call(target, 'addPropertyOverride', [lit(k), code]) })
    routeCfn = deepMerge(deepMerge(cfn, Object.fromEntries(l1Maps.map(([, k, json]) => [k, json]))), Object.fromEntries(extras.map(([k, , json]) => [k, json])))
  }
  ctx.addResource(id, resourcePath, 'AWS::ApiGatewayV2::Route', routeCfn)

  // ---- route response
  if (route.twoWay) {
    // First-class response models and the verbatim extras kept from import go the same way: onto the RouteResponse.
    const responseExtra: JsonObject = { ...(route.responseModels ? { ResponseModels: route.responseModels } : {}), ...(route.routeResponseExtra ?? {}) }
    const responseCfn: JsonObject = deepMerge({ ApiId: ctx.apiRef(), RouteId: { Ref: logicalId }, RouteResponseKey: '$default' }, responseExtra)
    if (l1) {
      const responseId = ctx.stackChildId(`${routeConstructId}Response`)
      const extra = Object.entries(responseExtra)
      const creation = construct('apigwv2', 'CfnRouteResponse', [THIS, lit(responseId)], [
        ['apiId', member(apiVar, 'apiId')],
        ['routeId', member(routeVariable(info), 'ref')],
        ['routeResponseKey', lit('$default')],
      ])
      if (extra.length) {
        const responseVar = ctx.names.take(`${id} route response`, 'response')
        ctx.emit(id, { k: 'const', name: responseVar, value: creation })
        for (const [k, value] of extra) ctx.emit(id, { k: 'expr', value: call(v(responseVar), 'addPropertyOverride', [lit(k), { k: 'json', value }]) })
      } else ctx.emit(id, { k: 'expr', value: creation })
      ctx.addResource(id, [responseId], 'AWS::ApiGatewayV2::RouteResponse', responseCfn)
      info.extraPaths.push([responseId])
    } else {
      if (Object.keys(responseExtra).length) {
        const response: Code = { k: 'cast', sym: { module: 'apigwv2', name: 'CfnRouteResponse' }, value: call(member(routeVariable(info), 'node'), 'findChild', [lit('Response')]) }
        for (const [k, value] of Object.entries(responseExtra)) ctx.emit(id, { k: 'expr', value: call(response, 'addPropertyOverride', [lit(k), { k: 'json', value }]) })
      }
      ctx.addResource(id, [...constructPath, 'Response'], 'AWS::ApiGatewayV2::RouteResponse', responseCfn)
    }
  }
  return info
}

function bindIntegration(ctx: IrContext, route: RouteInfo, integration: IntegrationInfo, routeKey: string): void {
  const first = integration.logicalId === undefined
  if (first) {
    const path = [...route.constructPath, integration.constructId, 'Resource']
    integration.logicalId = ctx.resourceLogicalId(path)
    ctx.addResource(integration.id, path, 'AWS::ApiGatewayV2::Integration', { ApiId: ctx.apiRef(), ...integration.cfn })
    if (integration.overrides.length) {
      const bound = bindVariable(ctx, route, integration)
      ctx.emit(integration.id, { k: 'comment', text: 'Integration properties the L2 has no props for, set on its L1.' })
      const l1 = ctx.defaultChild(integration.id, `${integration.id}#integration`, bound, { module: 'apigwv2', name: 'CfnIntegration' }, integration.variable)
      for (const [k, code] of integration.overrides) ctx.emit(integration.id, { k: 'expr', value: call(l1, 'addPropertyOverride', [lit(k), code]) })
    }
  }
  if (integration.style === 'lambda-proxy' && integration.handler) {
    ctx.addResource(integration.id, [...route.constructPath, `${integration.constructId}-Permission`], 'AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: cfnValue(integration.handler.arn),
      Principal: 'apigateway.amazonaws.com',
      SourceArn: cfnValue(executeApiArn(ctx, [`/*${routeKey}`])),
    })
  }
}

/** Declares `const x = route.node.findChild(id) as apigwv2.WebSocketIntegration` once per integration. */
export function bindVariable(ctx: IrContext, route: RouteInfo, integration: IntegrationInfo): Code {
  if (!integration.boundVariable) {
    integration.boundVariable = ctx.names.take(`${integration.variable} bound`, 'integration')
    ctx.emit(integration.id, {
      k: 'const',
      name: integration.boundVariable,
      value: {
        k: 'cast',
        sym: { module: 'apigwv2', name: 'WebSocketIntegration' },
        value: call(member(routeVariable(route), 'node'), 'findChild', [lit(integration.constructId)]),
      },
    })
  }
  return v(integration.boundVariable)
}

function bindAuthorizer(ctx: IrContext, authorizer: AuthorizerInfo): void {
  if (authorizer.bound || !authorizer.handler) return
  const apiConstructId = ctx.apiConstructId()
  const path = [apiConstructId, authorizer.constructId, 'Resource']
  const logicalId = ctx.resourceLogicalId(path)
  authorizer.bound = { logicalId }
  const cfn: JsonObject = {
    ApiId: ctx.apiRef(),
    AuthorizerType: 'REQUEST',
    AuthorizerUri: cfnValue(['arn:', { kind: 'pseudo', name: 'partition' }, ':apigateway:', { kind: 'pseudo', name: 'region' }, ':lambda:path/2015-03-31/functions/', ...authorizer.handler.arn, '/invocations']),
    IdentitySource: authorizer.identitySource,
    Name: authorizer.name,
  }
  ctx.addResource(authorizer.id, path, 'AWS::ApiGatewayV2::Authorizer', deepMerge(cfn, authorizer.overrides))
  const permissionId = `${nodeUniqueId(ctx.stackName, [apiConstructId, authorizer.constructId])}-Permission`
  ctx.addResource(authorizer.id, [apiConstructId, permissionId], 'AWS::Lambda::Permission', {
    Action: 'lambda:InvokeFunction',
    FunctionName: cfnValue(authorizer.handler.arn),
    Principal: 'apigateway.amazonaws.com',
    SourceArn: cfnValue(executeApiArn(ctx, ['/authorizers/', { kind: 'attr', variable: authorizer.variable, property: 'authorizerId', logicalId }])),
  })
  if (authorizer.overrideCode.length) {
    ctx.emit(authorizer.id, { k: 'comment', text: 'Authorizer properties the L2 has no props for, set on its L1.' })
    const authorizerConstruct = call(member(v(ctx.api!.variable), 'node'), 'findChild', [lit(authorizer.constructId)])
    const l1 = ctx.defaultChild(authorizer.id, `${authorizer.id}#authorizer`, authorizerConstruct, { module: 'apigwv2', name: 'CfnAuthorizer' }, authorizer.variable)
    for (const [k, code] of authorizer.overrideCode) ctx.emit(authorizer.id, { k: 'expr', value: call(l1, 'addPropertyOverride', [lit(k), code]) })
  }
}
