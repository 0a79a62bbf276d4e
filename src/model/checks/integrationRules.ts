import { effectiveResourceType, ownEntry } from '../queries'
import { staticValue } from '../selectionExpression'
import type { Integration, IntegrationType, ResourceType } from '../types'
import type { CheckContext, Rule } from './context'


/** Which resource type each AWS service namespace acts on (for target/service agreement). */
export const SERVICE_TARGET_TYPE: Record<string, ResourceType> = {
  dynamodb: 'dynamodb-table',
  sqs: 'sqs-queue',
  sns: 'sns-topic',
  kinesis: 'kinesis-stream',
  events: 'eventbridge-bus',
  states: 'state-machine',
  lambda: 'lambda-function',
}

const AWS_URI = /^arn:(aws|aws-cn|aws-us-gov|@\{aws\.partition\}):apigateway:[^:]*:[^:]+:(action|path)\/.+$/
const LAMBDA_URI = /^arn:[^:]+:apigateway:[^:]*:lambda:path\/2015-03-31\/functions\/.+\/invocations$/
const HTTP_URI = /^(https?:\/\/|@\{|\$\{stageVariables\.)/
const REQUEST_PARAMETER_KEY = /^integration\.request\.(header|querystring|path)\.[a-zA-Z0-9._$-]+$/
const REQUEST_PARAMETER_SOURCE = /^('.*'|route\.request\.(header|querystring|multivalueheader|multivaluequerystring)\.[a-zA-Z0-9._$-]+|route\.request\.body(\..+|\[.+)?|stageVariables\.[a-zA-Z0-9_]+|context\.[a-zA-Z0-9._]+)$/

/** Properties that API Gateway ignores for a type (websocket-rules §5.2). */
export const IGNORED_BY_TYPE: Partial<Record<IntegrationType, (keyof Integration)[]>> = {
  'lambda-proxy': ['requestTemplates', 'templateSelectionExpression', 'passthroughBehavior', 'requestParameters', 'responses'],
  'http-proxy': ['requestTemplates', 'templateSelectionExpression', 'passthroughBehavior', 'credentials', 'contentHandling', 'responses'],
  mock: ['credentials', 'requestParameters', 'uri', 'method', 'timeoutMs', 'contentHandling'],
  http: ['credentials'],
}

function checkTemplates(
  ctx: CheckContext,
  id: string,
  templates: Record<string, string> | undefined,
  expression: string | undefined,
  field: string[],
): void {
  // Template size is VTL006's (src/vtl validate, run by the check pipeline in src/checks): one owner per rule.
  const keys = Object.keys(templates ?? {})
  if (expression === undefined) return
  const exprField = field[0] === 'requestTemplates' ? ['templateSelectionExpression'] : [...field.slice(0, -1), 'templateSelectionExpression']
  if (expression === '$default') {
    ctx.report('MDL009', id, exprField, 'Written without the backslash, $default is read as a variable, not the literal key. Write \\$default.')
    return
  }
  const value = staticValue(expression)
  if (value !== undefined && keys.length && !keys.includes(value) && !keys.includes('$default')) {
    ctx.report('MDL008', id, exprField, `The template selection expression always gives "${value}", but there is no template with that key and no $default template (keys: ${keys.join(', ')}).`)
  }
}

/** Integration rules: methods, URIs, credentials, timeouts, templates, parameters, target agreement. */
export const integrationRules: Rule = (ctx) => {
  const { design } = ctx
  // One pass over the routes instead of one per integration (a 300-route design checks on every edit).
  const used = new Set(Object.values(design.routes).map((r) => r.integration))
  for (const [id, integ] of Object.entries(design.integrations)) {
    const type = integ.type
    const target = ownEntry(design.resources, integ.target)
    const targetType = effectiveResourceType(target)

    // Method
    if (['aws', 'lambda', 'http', 'http-proxy'].includes(type) && !integ.method) {
      ctx.report('MDL012', id, ['method'], `A ${type} integration needs an integration method${type === 'aws' || type === 'lambda' ? ' (POST)' : ''}.`)
    }
    if (['aws', 'lambda', 'lambda-proxy'].includes(type) && integ.method && integ.method !== 'POST') {
      ctx.report('MDL013', id, ['method'], `${type === 'aws' ? 'AWS service' : 'Lambda'} integrations are called with POST, not ${integ.method}.`)
    }

    // URI / service
    if (type === 'aws') {
      if (integ.uri) {
        if (!AWS_URI.test(integ.uri)) ctx.report('MDL014', id, ['uri'], `"${integ.uri}" is not an AWS service URI (arn:aws:apigateway:<region>:<service>:action/<Action> or …:path/<path>).`)
      } else if (!integ.service || !(integ.action || integ.path)) {
        ctx.report('MDL044', id, [integ.service ? 'action' : 'service'], 'An AWS service integration needs a service and an action (or path), or an explicit URI.')
      }
      if (!integ.credentials && integ.service !== 'lambda') {
        ctx.report('MDL015', id, ['credentials'], 'AWS service integrations need a credentials role that API Gateway assumes; add a generated least-privilege role.')
      }
      if (integ.service && SERVICE_TARGET_TYPE[integ.service] && targetType && SERVICE_TARGET_TYPE[integ.service] !== targetType) {
        ctx.report('MDL049', id, ['target'], `A ${integ.service} integration cannot act on "${integ.target}" (${targetType}).`)
      }
    }
    if (type === 'lambda' || type === 'lambda-proxy') {
      if (integ.uri) {
        if (!LAMBDA_URI.test(integ.uri)) ctx.report('MDL014', id, ['uri'], `"${integ.uri}" is not a Lambda invocation URI (arn:…:apigateway:<region>:lambda:path/2015-03-31/functions/<arn>/invocations).`)
      } else if (!integ.target && integ.cfnExtra?.IntegrationUri !== undefined) {
        // Kept as CloudFormation by the import (say `!Sub …${OnConnect.Arn}…` naming a SAM function kept
        // verbatim): CloudFormation accepts it and resolves it at deploy time; the design cannot see the function.
        ctx.report('MDL014', id, ['cfnExtra', 'IntegrationUri'], 'The invocation URI is a CloudFormation expression kept from the template; which function it invokes is known only at deploy time.', 'warning')
      } else if (!integ.target) {
        ctx.report('MDL014', id, ['target'], 'A Lambda integration needs a function: connect it to a Lambda function or give the invocation URI.')
      }
      if (targetType && targetType !== 'lambda-function') {
        ctx.report('MDL049', id, ['target'], `A Lambda integration must target a Lambda function, not "${integ.target}" (${targetType}).`)
      }
    }
    if (type === 'http' || type === 'http-proxy') {
      if (!integ.uri) ctx.report('MDL047', id, ['uri'], `A ${type} integration needs the backend URL.`)
      else if (!HTTP_URI.test(integ.uri)) ctx.report('MDL047', id, ['uri'], `"${integ.uri}" is not an absolute http(s) URL.`)
    }

    // Timeout
    if (integ.timeoutMs !== undefined && (integ.timeoutMs < 50 || integ.timeoutMs > 29000)) {
      ctx.report('MDL016', id, ['timeoutMs'], `Timeout ${integ.timeoutMs} ms is outside 50 ms – 29 000 ms, the range for every WebSocket integration.`)
    }

    // Properties API Gateway ignores for this type
    for (const prop of IGNORED_BY_TYPE[type] ?? []) {
      const v = integ[prop]
      if (v !== undefined && !(typeof v === 'object' && v !== null && !Object.keys(v).length)) {
        ctx.report('MDL034', id, [prop], `${prop} has no effect on a ${type} integration.`)
      }
    }

    // Request parameters
    for (const [key, source] of Object.entries(integ.requestParameters ?? {})) {
      if (!REQUEST_PARAMETER_KEY.test(key)) {
        ctx.report('MDL043', id, ['requestParameters', key], `"${key}" must look like integration.request.header.<name> (or querystring/path).`)
      } else if (typeof source !== 'string' || !REQUEST_PARAMETER_SOURCE.test(source)) {
        ctx.report('MDL043', id, ['requestParameters', key], `"${source}" is not a parameter source: use 'static text' in single quotes, route.request.body.<path>, context.<name> or stageVariables.<name>.`)
      }
    }

    // Templates and selection
    checkTemplates(ctx, id, integ.requestTemplates, integ.templateSelectionExpression, ['requestTemplates'])
    for (const [key, resp] of Object.entries(integ.responses ?? {})) {
      if (key !== '$default' && !/^\/.+\/$/.test(key)) {
        ctx.report('MDL035', id, ['responses', key], `Integration response key "${key}" must be $default or a /regex/ matched against the status code (or error message).`)
      }
      checkTemplates(ctx, id, resp.templates, resp.templateSelectionExpression, ['responses', key, 'templates'])
    }

    if (!used.has(id)) {
      ctx.report('MDL027', id, undefined, `Integration "${id}" is not used by any route; it is exported but never called.`)
    }
  }
}
