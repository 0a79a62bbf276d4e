import type { Rule } from './context'

const STAGE_NAME = /^[A-Za-z0-9_-]{1,128}$/
const STAGE_VARIABLE_NAME = /^[A-Za-z0-9_]{1,64}$/

/** Stage rules: names, count, deployment, logging, access-log format, variables, route settings, domains. */
export const stageRules: Rule = (ctx) => {
  const { design } = ctx
  const names = new Map<string, string>()
  const routeKeys = new Set(Object.values(design.routes).map((r) => r.key))
  const mappings = new Map<string, string>()
  const stages = Object.entries(design.stages)
  // Stage and API are both needed for a URL: wss://{api-id}.execute-api.{region}.amazonaws.com/{stage}
  // (docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-how-to-call-websocket-api.html).
  if (stages.length === 0 && Object.keys(design.routes).length > 0) {
    ctx.report('MDL081', 'api', undefined, 'The design has routes but no stage, so clients have no URL to connect to. Add a Stage from the palette.')
  }
  if (stages.length > 10) ctx.report('MDL021', stages[10][0], undefined, `The API has ${stages.length} stages; API Gateway allows 10.`)

  for (const [id, stage] of stages) {
    const name = stage.name ?? ''
    if (name === '$default') {
      ctx.report('MDL019', id, ['name'], '$default stages exist only for HTTP APIs; give the WebSocket stage a name such as dev or prod.')
    } else if (!STAGE_NAME.test(name)) {
      ctx.report('MDL019', id, ['name'], `Stage name "${name}" may only use letters, digits, - and _ (1 to 128 characters).`)
    }
    const other = names.get(name)
    if (other) ctx.report('MDL020', id, ['name'], `Stage name "${name}" is already used by stage "${other}".`)
    else names.set(name, id)

    // A DeploymentId kept from import names a Deployment the template holds (the Serverless Framework's).
    const keptDeployment = stage.cfnExtra?.DeploymentId !== undefined
    if (!stage.autoDeploy && stage.deployment === false && !keptDeployment) {
      ctx.report('MDL022', id, ['autoDeploy'], `Stage "${name}" has auto-deploy off and no deployment: nothing will ever be live on it. Turn auto-deploy on or let the export add a deployment.`)
    } else if (!stage.autoDeploy) {
      ctx.report('MDL022', id, ['autoDeploy'], `Stage "${name}" is deployed once by a fixed Deployment resource, which CloudFormation does not re-run when routes change later. Prefer auto-deploy.`, 'info')
    }

    const logs = [stage.loggingLevel && stage.loggingLevel !== 'OFF', stage.dataTraceEnabled, stage.accessLog, ...Object.values(stage.routeSettings ?? {}).map((s) => (s.loggingLevel && s.loggingLevel !== 'OFF') || s.dataTraceEnabled)]
    if (logs.some(Boolean)) {
      ctx.report('MDL023', id, undefined, 'Logging needs the account-level CloudWatch role (AWS::ApiGateway::Account CloudWatchRoleArn); without it deployment fails with "CloudWatch Logs role ARN must be set in account settings".')
    }
    if (stage.accessLog?.format !== undefined) {
      const format = stage.accessLog.format
      if (!/\$context\.(requestId|extendedRequestId)\b/.test(format)) {
        ctx.report('MDL038', id, ['accessLog', 'format'], 'The access log format must include $context.requestId or $context.extendedRequestId.')
      }
      if (new TextEncoder().encode(format).length > 3 * 1024) {
        ctx.report('MDL038', id, ['accessLog', 'format'], 'The access log format is over 3 KB, the API Gateway limit.')
      }
    }

    const vars = Object.entries(stage.stageVariables ?? {})
    if (vars.length > 100) ctx.report('MDL040', id, ['stageVariables'], `Stage "${name}" has ${vars.length} stage variables; the limit is 100.`)
    for (const [k, v] of vars) {
      if (!STAGE_VARIABLE_NAME.test(k)) ctx.report('MDL040', id, ['stageVariables', k], `Stage variable name "${k}" may only use letters, digits and _ (at most 64).`)
      if (v.length > 512) ctx.report('MDL040', id, ['stageVariables', k], `Stage variable "${k}" is ${v.length} characters; values are limited to 512.`)
    }

    for (const key of Object.keys(stage.routeSettings ?? {})) {
      if (!routeKeys.has(key)) ctx.report('MDL041', id, ['routeSettings', key], `There is no route "${key}"; these settings apply to nothing.`)
    }

    if (stage.domainMapping) {
      const { domain, mappingKey } = stage.domainMapping
      if (mappingKey === '') ctx.report('MDL039', id, ['domainMapping', 'mappingKey'], 'An empty mapping key is rejected; omit it to map the domain root.')
      const slot = `${domain}\u0000${mappingKey ?? ''}`
      const clash = mappings.get(slot)
      if (clash) ctx.report('MDL039', id, ['domainMapping'], `Stage "${clash}" already maps this domain${mappingKey ? ` at "${mappingKey}"` : ''}.`)
      else mappings.set(slot, id)
    }
  }
}
