import { routesUsingAuthorizer } from '../queries'
import type { Rule } from './context'

const IDENTITY_SOURCE = /^(route\.request\.(header|querystring)\.[a-zA-Z0-9._$-]+|stageVariables\.[a-zA-Z0-9_]+|context\.[a-zA-Z0-9._]+)$/

/** Authorizer rules: Lambda authorizers need a function and valid identity sources; unused ones are flagged. */
export const authorizerRules: Rule = (ctx) => {
  const { design } = ctx
  for (const [id, auth] of Object.entries(design.authorizers)) {
    if (auth.type === 'lambda') {
      if (!auth.function && auth.cfnExtra?.AuthorizerUri !== undefined) {
        // Kept as CloudFormation by the import (a parameter ARN, Fn::ImportValue): CloudFormation accepts it.
        ctx.report('MDL036', id, ['cfnExtra', 'AuthorizerUri'], 'The authorizer URI is a CloudFormation expression kept from the template; which function it invokes is known only at deploy time, and no invoke permission is generated for it.', 'warning')
      } else if (!auth.function) ctx.report('MDL036', id, ['function'], 'A Lambda authorizer needs a function: connect it to a Lambda function.')
      ;(auth.identitySource ?? []).forEach((source, i) => {
        if (!IDENTITY_SOURCE.test(source)) {
          ctx.report('MDL037', id, ['identitySource', i], `"${source}" is not an identity source; use route.request.header.<name>, route.request.querystring.<name>, stageVariables.<name> or context.<name>.`)
        }
      })
    }
    if (!routesUsingAuthorizer(design, id).length) {
      ctx.report('MDL045', id, undefined, `Authorizer "${id}" is not attached to $connect, so it never runs.`)
    }
  }
  const count = Object.values(design.authorizers).filter((a) => a.type === 'lambda').length
  if (count > 10) ctx.report('MDL026', Object.keys(design.authorizers)[10], undefined, `The API has ${count} Lambda authorizers; API Gateway allows 10.`)
}
