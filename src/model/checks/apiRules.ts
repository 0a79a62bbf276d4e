import { parseExpression } from '../selectionExpression'
import { API_ENTITY_ID } from '../types'
import type { Rule } from './context'

/** API-level rules: route selection expression, HTTP-only settings, an API with nothing to route. */
export const apiRules: Rule = (ctx) => {
  const { api, routes } = ctx.design
  const expr = api.routeSelectionExpression ?? ''
  if (!expr.trim()) {
    ctx.report('MDL007', API_ENTITY_ID, ['routeSelectionExpression'], 'The route selection expression is empty; WebSocket APIs need one (usually $request.body.action).')
  } else {
    const vars = parseExpression(expr).filter((p) => p.kind === 'var')
    const bad = vars.find((v) => v.kind === 'var' && !/^request\.body(\.|$)/.test(v.name))
    if (!vars.length) {
      // A static expression (`action`, `\$default`) is deployable: AWS's selection-expression rules apply to every
      // expression and name `"\$default"` as the way to map to the reserved $default key, and the summary table
      // says a route selection expression yields a Route.RouteKey with $default as the catch-all. It deploys,
      // but every message then takes the same route, so it is a warning, not an error.
      // https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-selection-expressions.html
      const key = parseExpression(expr).map((p) => (p.kind === 'text' ? p.text : '')).join('')
      ctx.report('MDL007', API_ENTITY_ID, ['routeSelectionExpression'], `"${expr}" reads nothing from the message, so every message selects route ${JSON.stringify(key)}; use $request.body.<field> to route by content.`, 'warning')
    } else if (bad && bad.kind === 'var') {
      ctx.report('MDL007', API_ENTITY_ID, ['routeSelectionExpression'], `"$${bad.name}" is not allowed in a route selection expression; only $request.body.<path> can be read from a message.`)
    }
  }
  const extra = api.cfnExtra ?? {}
  for (const prop of ['CorsConfiguration', 'Target', 'CredentialsArn', 'Body', 'BodyS3Location', 'BasePath']) {
    if (prop in extra) ctx.report('MDL052', API_ENTITY_ID, ['cfnExtra', prop], `${prop} is an HTTP-API setting; WebSocket APIs reject it.`)
  }
  const routeList = Object.values(routes)
  if (!routeList.length) {
    ctx.report('MDL032', API_ENTITY_ID, undefined, 'The API has no routes: there is nothing to deploy. Add $connect, $default or a custom route.')
  } else if (!routeList.some((r) => r.key === '$default') && routeList.some((r) => r.key !== '$connect' && r.key !== '$disconnect')) {
    ctx.report('MDL051', API_ENTITY_ID, undefined, 'There is no $default route, so messages that match no route key get an error. Add $default to handle them.')
  }
}
