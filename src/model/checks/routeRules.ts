import { PREDEFINED_ROUTE_KEYS } from '../types'
import type { Rule } from './context'
import { ownEntry } from '../queries'

const CONNECT_ONLY_SOURCE = /^route\.request\.(header|querystring|multivalueheader|multivaluequerystring)\./
const ROUTE_PARAMETER_NAME = /^route\.request\.(header|querystring)\.[a-zA-Z0-9._$-]+$/

/** Route rules: keys, authorizers, API keys, two-way routes, $connect-only inputs. */
export const routeRules: Rule = (ctx) => {
  const { design } = ctx
  const seen = new Map<string, string>()
  for (const [id, route] of Object.entries(design.routes)) {
    const key = route.key ?? ''
    if (!key) {
      ctx.report('MDL001', id, ['key'], 'The route key is empty.')
    } else if (key.startsWith('$') && !(PREDEFINED_ROUTE_KEYS as readonly string[]).includes(key)) {
      ctx.report('MDL002', id, ['key'], `"${key}" starts with $, but only $connect, $disconnect and $default exist. Custom keys must not start with $.`)
    }
    if (key) {
      const other = seen.get(key)
      if (other) ctx.report('MDL003', id, ['key'], `Route key "${key}" is already used by route "${other}"; keys are unique and matched exactly.`)
      else seen.set(key, id)
    }

    if (route.authorizer && key !== '$connect') {
      ctx.report('MDL004', id, ['authorizer'], `Only $connect can have an authorizer (it protects the whole connection); "${key}" cannot.`)
    }
    if (route.apiKeyRequired) {
      if (!design.api.apiKeySelectionExpression) {
        ctx.report('MDL005', id, ['apiKeyRequired'], 'This route requires an API key but the API has no API-key selection expression; set it to $request.header.x-api-key or $context.authorizer.usageIdentifierKey.')
      }
      if (key !== '$connect') {
        ctx.report('MDL006', id, ['apiKeyRequired'], 'API keys are checked when the connection is made; require the key on $connect instead.')
      }
    }

    const integration = ownEntry(design.integrations, route.integration)
    if (route.twoWay) {
      if (key === '$connect' || key === '$disconnect') {
        ctx.report('MDL011', id, ['twoWay'], `A route response on ${key} is accepted but cannot deliver a message to the client.`)
      }
      if (integration && ['aws', 'lambda', 'http', 'mock'].includes(integration.type) && !Object.keys(integration.responses ?? {}).length) {
        ctx.report('MDL010', id, ['twoWay'], `Two-way route "${key}" uses a ${integration.type} integration with no integration response, so the client never gets a reply. Add a $default integration response to "${route.integration}".`)
      }
    }
    if (!route.integration) {
      ctx.report('MDL028', id, ['integration'], `Route "${key}" has no integration; API Gateway accepts it but does nothing with its messages.`)
    }

    for (const name of Object.keys(route.requestParameters ?? {})) {
      if (key !== '$connect') {
        ctx.report('MDL033', id, ['requestParameters', name], `Route request parameters exist only on $connect (the HTTP upgrade request); "${key}" messages carry only a body.`)
      } else if (!ROUTE_PARAMETER_NAME.test(name)) {
        ctx.report('MDL050', id, ['requestParameters', name], `"${name}" must look like route.request.querystring.<name> or route.request.header.<name>.`)
      }
    }

    if (integration && key !== '$connect') {
      for (const [dest, source] of Object.entries(integration.requestParameters ?? {})) {
        if (CONNECT_ONLY_SOURCE.test(source)) {
          ctx.report('MDL017', route.integration, ['requestParameters', dest], `"${source}" exists only on $connect, but route "${key}" uses this integration; later messages carry only a body.`)
        }
      }
    }
  }
}
