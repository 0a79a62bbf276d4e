/** `AWS::ApiGatewayV2::Authorizer` (REQUEST, Lambda) → `design.authorizers`. */

import type { Authorizer } from '../model/types'
import { constructIdFrom } from './cdkIds'
import type { ImportContext, ResourceEntry } from './context'
import { importCredentials, lambdaTarget } from './mapIntegrations'
import { describe, Props, ResourceProblem } from './props'

export function mapAuthorizer(ctx: ImportContext, entry: ResourceEntry): void {
  const p = new Props(entry.logicalId, entry.props)
  p.take('ApiId')
  const type = p.str('AuthorizerType', true)
  if (type !== 'REQUEST') {
    throw new ResourceProblem('IMP006', `${entry.logicalId}: a WebSocket authorizer must be of type REQUEST, not ${describe(entry.props.AuthorizerType)}.`, ['Resources', entry.logicalId, 'Properties', 'AuthorizerType'])
  }
  const constructId = constructIdFrom(entry.logicalId, ctx.apiHuman)
  const id = ctx.newId(constructId)
  const authorizer: Authorizer = { type: 'lambda', constructId }
  const uri = ctx.text(p.raw('AuthorizerUri'))
  const fn = uri !== undefined ? lambdaTarget(ctx, uri) : undefined
  if (fn) {
    authorizer.function = fn
    p.take('AuthorizerUri')
  }
  const name = p.str('Name')
  if (name !== undefined && name !== constructId) authorizer.name = name
  const sources = p.raw('IdentitySource')
  if (Array.isArray(sources) && sources.every((s) => typeof s === 'string')) {
    p.take('IdentitySource')
    authorizer.identitySource = sources as string[]
  }
  const credentials = importCredentials(ctx, p.raw('AuthorizerCredentialsArn'))
  if (credentials) {
    authorizer.credentials = credentials
    p.take('AuthorizerCredentialsArn')
  }
  ctx.keepExtra(authorizer, p, id)
  ctx.design.authorizers[id] = authorizer
  ctx.claim(entry.logicalId, id, 'authorizer')
}
