/** Authorizers: `WebSocketLambdaAuthorizer` / `WebSocketIamAuthorizer`; CDK creates the resources when a route binds them. */

import type { Authorizer, JsonObject } from '../../model/types'
import { construct, lit, props, str, type Code, type Props } from './code'
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
}

export function buildAuthorizer(ctx: IrContext, id: string, a: Authorizer): AuthorizerInfo {
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
