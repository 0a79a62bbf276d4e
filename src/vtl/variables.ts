/**
 * What a WebSocket mapping template may reference, with documentation for completion and hover
 * (vtl.md §2). The validator uses the same tables, so the editor and the checks never disagree.
 */

export interface VariableDoc {
  /** Full reference without `$`, e.g. `context.connectionId`. */
  name: string
  doc: string
  /** Completion snippet for methods, e.g. `json('$.${1:field}')`. */
  signature?: string
}

/** Every `$context` variable of WebSocket APIs. `*` marks a free-form tail (`authorizer.<key>`). */
export const CONTEXT_VARIABLES: readonly VariableDoc[] = [
  { name: 'context.connectionId', doc: 'Unique id of the connection; the key for `@connections` callbacks.' },
  { name: 'context.connectedAt', doc: 'Connection time, epoch milliseconds.' },
  { name: 'context.domainName', doc: 'Domain name the client connected to.' },
  { name: 'context.eventType', doc: '`CONNECT`, `MESSAGE` or `DISCONNECT`.' },
  { name: 'context.messageId', doc: 'Server-side id of the message; only when `eventType` is `MESSAGE`.' },
  { name: 'context.routeKey', doc: 'The selected route key.' },
  { name: 'context.requestId', doc: 'Request id (same value as `extendedRequestId`).' },
  { name: 'context.extendedRequestId', doc: 'Extended request id.' },
  { name: 'context.apiId', doc: 'Identifier API Gateway assigns to the API.' },
  { name: 'context.stage', doc: 'Deployment stage name.' },
  { name: 'context.status', doc: 'Response status.' },
  { name: 'context.requestTime', doc: 'Request time in CLF format `dd/MMM/yyyy:HH:mm:ss +-hhmm`.' },
  { name: 'context.requestTimeEpoch', doc: 'Request time, epoch **milliseconds** (TTL attributes need seconds).' },
  { name: 'context.authorizer.principalId', doc: 'Principal id returned by the Lambda authorizer.' },
  { name: 'context.authorizer.*', doc: 'A value of the Lambda authorizer context; always a string (`1` → `"1"`).' },
  { name: 'context.error.messageString', doc: 'Quoted error message.' },
  { name: 'context.error.validationErrorString', doc: 'Detailed validation error message.' },
  { name: 'context.identity.accountId', doc: 'AWS account id of the caller (IAM-authorized connections).' },
  { name: 'context.identity.apiKey', doc: 'API key of the caller when the route requires one.' },
  { name: 'context.identity.apiKeyId', doc: 'Id of the API key.' },
  { name: 'context.identity.caller', doc: 'Principal identifier of the caller (IAM).' },
  { name: 'context.identity.cognitoAuthenticationProvider', doc: 'Cognito authentication provider of an IAM-signed caller.' },
  { name: 'context.identity.cognitoAuthenticationType', doc: 'Cognito authentication type of an IAM-signed caller.' },
  { name: 'context.identity.cognitoIdentityId', doc: 'Cognito identity id of an IAM-signed caller.' },
  { name: 'context.identity.cognitoIdentityPoolId', doc: 'Cognito identity pool id of an IAM-signed caller.' },
  { name: 'context.identity.sourceIp', doc: 'Source IP address of the TCP connection.' },
  { name: 'context.identity.user', doc: 'Principal identifier of the user (IAM).' },
  { name: 'context.identity.userAgent', doc: 'User agent of the caller.' },
  { name: 'context.identity.userArn', doc: 'ARN of the effective user (IAM).' },
]

/** `$context` names that exist only for REST APIs (prefix match on the dotted name). */
export const REST_ONLY_CONTEXT: readonly { prefix: string; why: string }[] = [
  { prefix: 'context.httpMethod', why: 'WebSocket messages have no HTTP method' },
  { prefix: 'context.resourcePath', why: 'WebSocket APIs have routes, not resources' },
  { prefix: 'context.resourceId', why: 'WebSocket APIs have routes, not resources' },
  { prefix: 'context.path', why: 'WebSocket messages have no request path' },
  { prefix: 'context.protocol', why: 'REST request shape' },
  { prefix: 'context.requestOverride', why: 'request overrides are REST only' },
  { prefix: 'context.responseOverride', why: 'response overrides are REST only' },
  { prefix: 'context.awsEndpointRequestId', why: 'REST list only' },
  { prefix: 'context.accountId', why: 'REST list only (use $context.identity.accountId)' },
  { prefix: 'context.domainPrefix', why: 'REST list only' },
  { prefix: 'context.authorizer.claims', why: 'Cognito/JWT authorizers do not exist for WebSocket APIs' },
  { prefix: 'context.error.message', why: 'REST gateway responses (use $context.error.messageString)' },
  { prefix: 'context.error.responseType', why: 'REST gateway responses' },
  { prefix: 'context.identity.clientCert', why: 'mutual TLS is REST only' },
  { prefix: 'context.identity.principalOrgId', why: 'REST only' },
  { prefix: 'context.wafResponseCode', why: 'REST only' },
  { prefix: 'context.webaclArn', why: 'REST only' },
  { prefix: 'context.xrayTraceId', why: 'REST only' },
]

/** Names that are access-log or authorizer variables, not template variables. */
export const NOT_TEMPLATE_CONTEXT: readonly { prefix: string; why: string }[] = [
  { prefix: 'context.integration', why: 'access-log variable' },
  { prefix: 'context.integrationLatency', why: 'access-log variable' },
  { prefix: 'context.integrationStatus', why: 'access-log variable' },
  { prefix: 'context.responseLatency', why: 'access-log variable' },
  { prefix: 'context.responseLength', why: 'access-log variable' },
  { prefix: 'context.authorize', why: 'access-log variable' },
  { prefix: 'context.authenticate', why: 'access-log variable' },
  { prefix: 'context.waf', why: 'access-log variable' },
  { prefix: 'context.customDomain', why: 'access-log variable' },
  { prefix: 'context.messageDirection', why: 'only in the Lambda proxy/authorizer requestContext' },
]

export const INPUT_MEMBERS: readonly VariableDoc[] = [
  { name: 'input.body', doc: 'The raw message as a **string** (`{}` when empty). `$input.body.field` is empty: use `$input.path`.' },
  { name: 'input.json', doc: 'JSON text of a JSONPath result; strings come back quoted (`"abc"`).', signature: "json('$.${1:field}')" },
  { name: 'input.path', doc: 'The JSONPath result as a value (map, list, string, number); supports `.size()`.', signature: "path('$.${1:field}')" },
  { name: 'input.params', doc: '`params()`: map of `header`, `querystring`, `path`; `params(name)`: one value. Headers and query strings exist only on `$connect`.', signature: "params('${1:name}')" },
]

export const UTIL_MEMBERS: readonly VariableDoc[] = [
  { name: 'util.escapeJavaScript', doc: 'JavaScript string escaping. Also turns `\'` into `\\\'` (invalid JSON): append `.replaceAll("\\\\\'","\'")`.', signature: 'escapeJavaScript(${1})' },
  { name: 'util.parseJson', doc: 'Parses JSON text into a map/list.', signature: 'parseJson(${1})' },
  { name: 'util.urlEncode', doc: 'Form encoding (Java URLEncoder): space → `+`, everything but `A-Za-z0-9.-*_` → `%XX`.', signature: 'urlEncode(${1})' },
  { name: 'util.urlDecode', doc: 'Inverse of urlEncode (`+` → space).', signature: 'urlDecode(${1})' },
  { name: 'util.base64Encode', doc: 'UTF-8 text → base64.', signature: 'base64Encode(${1})' },
  { name: 'util.base64Decode', doc: 'base64 → UTF-8 text.', signature: 'base64Decode(${1})' },
]

export const ROOT_VARIABLES: readonly VariableDoc[] = [
  { name: 'context', doc: 'Request context of the WebSocket connection and message.' },
  { name: 'input', doc: 'The client message (body, JSONPath access, `$connect` parameters).' },
  { name: 'util', doc: 'Escaping, encoding and JSON helpers.' },
  { name: 'stageVariables', doc: 'Stage variables of the deployed stage: `$stageVariables.name`.' },
]

const CONTEXT_NAMES = new Set(CONTEXT_VARIABLES.map((v) => v.name))

export type ContextVerdict =
  | { kind: 'ok' }
  | { kind: 'unknown'; suggestion?: string }
  | { kind: 'rest-only'; why: string }
  | { kind: 'not-template'; why: string }

function startsWithSegment(name: string, prefix: string): boolean {
  return name === prefix || name.startsWith(`${prefix}.`)
}

/** Classifies a dotted `context.*` reference (without `$`). Intermediate objects (`context.identity`) are ok. */
const verdicts = new Map<string, ContextVerdict>()

/** Classifies a `context.…` name (memoised: a large template repeats the same few names thousands of times). */
export function classifyContextName(name: string): ContextVerdict {
  let v = verdicts.get(name)
  if (v === undefined) {
    v = classify(name)
    if (verdicts.size > 2000) verdicts.clear()
    verdicts.set(name, v)
  }
  return v
}

function classify(name: string): ContextVerdict {
  if (CONTEXT_NAMES.has(name) || name === 'context') return { kind: 'ok' }
  for (const r of REST_ONLY_CONTEXT) if (startsWithSegment(name, r.prefix)) return { kind: 'rest-only', why: r.why }
  if (startsWithSegment(name, 'context.authorizer')) return { kind: 'ok' }
  for (const r of NOT_TEMPLATE_CONTEXT) if (startsWithSegment(name, r.prefix)) return { kind: 'not-template', why: r.why }
  if (name === 'context.identity' || name === 'context.error') return { kind: 'ok' }
  return { kind: 'unknown', suggestion: closest(name) }
}

function closest(name: string): string | undefined {
  const last = name.split('.').pop()!.toLowerCase()
  // Edit distance is quadratic: a hostile megabyte-long name gets no suggestion.
  if (last.length > 64) return undefined
  let best: string | undefined
  let bestScore = Infinity
  for (const v of CONTEXT_VARIABLES) {
    if (v.name.endsWith('*')) continue
    const cand = v.name.split('.').pop()!.toLowerCase()
    const d = editDistance(last, cand)
    if (d < bestScore) {
      bestScore = d
      best = v.name
    }
  }
  return bestScore <= Math.max(2, Math.floor(last.length / 3)) ? best : undefined
}

function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0]
    dp[0] = i
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j]
      dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1))
      prev = tmp
    }
  }
  return dp[b.length]
}
