/**
 * `$connect` authorization (websocket-rules.md §7, §8; AWS docs "Controlling access to WebSocket APIs"):
 * - Lambda REQUEST authorizer: every identity source must be present, else API Gateway answers 401 without calling
 *   the function (AWS docs, "Create a WebSocket API Lambda REQUEST authorizer": "if any of the identity sources is
 *   missing … returns 401 Unauthorized"). The function returns `{principalId, policyDocument, context}`; an Allow of
 *   `execute-api:Invoke` on the method ARN admits the client, anything else is 403 Forbidden; a function that throws
 *   `Unauthorized` gives 401, any other failure 500 (the same rules as REST Lambda authorizers, which the WebSocket
 *   guide refers to). Context values reach `$context.authorizer.*` as strings.
 * - IAM: the emulator cannot check SigV4 signatures against IAM policies; it admits the client and says so.
 */

import type { Authorizer, Json } from '../model/types'
import { authorizerEvent, headerValue, methodArn, type RequestInfo } from './events'
import { invoke, type IntegrationEnv } from './integrate'

export type AuthOutcome = { ok: true; context?: Record<string, string> } | { ok: false; status: number; message: string }

function identityPresent(source: string, r: RequestInfo, stageVariables: Record<string, string>): boolean {
  const header = /^route\.request\.header\.(.+)$/.exec(source)
  if (header) return !!headerValue(r.conn.headers, header[1])
  const query = /^route\.request\.querystring\.(.+)$/.exec(source)
  if (query) return !!r.conn.query[query[1]]?.some((v) => v !== '')
  const sv = /^stageVariables\.(.+)$/.exec(source)
  if (sv) return !!stageVariables[sv[1]]
  return true // `context.*` sources are always present
}

/** Does the policy allow `execute-api:Invoke` on the ARN? Explicit Deny wins (IAM evaluation logic). */
export function policyAllows(policy: unknown, arn: string): boolean {
  if (!policy || typeof policy !== 'object') return false
  const statements = (policy as { Statement?: unknown }).Statement
  const list = Array.isArray(statements) ? statements : statements ? [statements] : []
  const asList = (v: unknown) => (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string')
  const matches = (pattern: string, value: string) => new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`).test(value)
  let allowed = false
  for (const s of list) {
    if (!s || typeof s !== 'object') continue
    const st = s as Record<string, unknown>
    const action = asList(st.Action).some((a) => matches(a, 'execute-api:Invoke'))
    const resource = asList(st.Resource).some((p) => matches(p, arn))
    if (!action || !resource) continue
    if (st.Effect === 'Deny') return false
    if (st.Effect === 'Allow') allowed = true
  }
  return allowed
}

export async function authorize(env: IntegrationEnv, r: RequestInfo, authorizerId: string, authorizer: Authorizer, opts: { region: string; accountId: string }): Promise<AuthOutcome> {
  const where = { entity: authorizerId, connectionId: r.conn.id, requestId: r.requestId }
  if (authorizer.type === 'iam') {
    env.emit({ kind: 'authorizer', summary: 'IAM authorization: allowed without checking (the emulator cannot evaluate SigV4 signatures against IAM policies)', ...where, unknown: true })
    return { ok: true }
  }
  const sources = authorizer.identitySource ?? ['route.request.header.Authorization']
  const missing = sources.filter((s) => !identityPresent(s, r, env.stageVariables))
  if (missing.length) {
    env.emit({ kind: 'authorizer', summary: `identity source missing (${missing.join(', ')}): 401 Unauthorized without calling the authorizer`, ...where, error: true })
    return { ok: false, status: 401, message: 'Unauthorized' }
  }
  const arn = methodArn(opts.region, opts.accountId, r.apiId, r.stage)
  const event = authorizerEvent(r, arn, env.stageVariables)
  env.emit({ kind: 'authorizer', summary: `invoke authorizer ${authorizer.function ?? '?'}`, ...where, detail: { event } })
  const res = await invoke(env, r, authorizer.function, event, 29_000, authorizerId)
  if (!res.ok) {
    const unauthorized = res.errorMessage === 'Unauthorized'
    env.emit({ kind: 'authorizer', summary: `authorizer failed: ${res.errorMessage} → ${unauthorized ? 401 : 500}`, ...where, error: true, detail: res as unknown as Json })
    return unauthorized ? { ok: false, status: 401, message: 'Unauthorized' } : { ok: false, status: 500, message: 'Internal server error' }
  }
  const value = (res.value ?? {}) as Record<string, unknown>
  if (!policyAllows(value.policyDocument, arn)) {
    env.emit({ kind: 'authorizer', summary: `the policy does not allow execute-api:Invoke on ${arn}: 403 Forbidden`, ...where, error: true, detail: { result: res.value ?? null } })
    return { ok: false, status: 403, message: 'Forbidden' }
  }
  const context: Record<string, string> = {}
  if (value.principalId !== undefined) context.principalId = String(value.principalId)
  if (value.context && typeof value.context === 'object')
    for (const [k, v] of Object.entries(value.context as Record<string, unknown>)) if (v !== null && typeof v !== 'object') context[k] = String(v)
  if (value.usageIdentifierKey !== undefined) context.usageIdentifierKey = String(value.usageIdentifierKey)
  env.emit({ kind: 'authorizer', summary: `allowed (principalId ${context.principalId ?? '(none)'})`, ...where, detail: { result: res.value ?? null } })
  return { ok: true, context }
}
