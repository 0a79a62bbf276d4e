/**
 * The shapes API Gateway hands to templates and Lambda functions for a WebSocket request:
 * - `$context` for mapping templates (AWS docs, "WebSocket API mapping template reference" / `$context` variables):
 *   apiId, authorizer.*, connectedAt, connectionId, domainName, error.*, eventType, extendedRequestId,
 *   identity.*, messageDirection, messageId (messages only), requestId, requestTime, requestTimeEpoch, routeKey, stage, status.
 * - The Lambda proxy event (AWS docs, "WebSocket API Lambda proxy integration", and the sample events in
 *   aws-lambda's `APIGatewayProxyWebsocketEventV2`): `requestContext` with the same ids; `$connect` adds headers,
 *   multiValueHeaders, queryStringParameters, multiValueQueryStringParameters; messages add `body`; `$disconnect`
 *   adds `disconnectStatusCode` and `disconnectReason` to requestContext; every event has `isBase64Encoded`.
 * - The Lambda REQUEST authorizer event (AWS docs, "Create a WebSocket API Lambda REQUEST authorizer"): type,
 *   methodArn, headers, multiValueHeaders, queryStringParameters, multiValueQueryStringParameters, stageVariables, requestContext.
 */

import type { Json, JsonObject } from '../model/types'
import { clf as requestTime, eventTypeFor as eventType, identityMap } from '../vtl/context'

export interface Connection {
  id: string
  connectedAt: number
  lastActiveAt: number
  sourceIp: string
  userAgent: string
  /** `$connect` headers as sent (original case). */
  headers: Record<string, string>
  query: Record<string, string[]>
  /** What the authorizer returned: principalId and context values (already strings). */
  authorizer?: Record<string, string>
  apiKey?: string
  state: 'connecting' | 'open' | 'closed'
  protocol?: string
}

export interface RequestInfo {
  conn: Connection
  routeKey: string
  requestId: string
  messageId?: string
  at: number
  stage: string
  domainName: string
  apiId: string
  disconnect?: { statusCode: number; reason: string }
}

/** The `$context` object a mapping template sees. */
export function templateContext(r: RequestInfo): Record<string, unknown> {
  const ctx: Record<string, unknown> = {
    apiId: r.apiId,
    authorizer: { principalId: '', ...(r.conn.authorizer ?? {}) },
    connectedAt: r.conn.connectedAt,
    connectionId: r.conn.id,
    domainName: r.domainName,
    error: { message: '', messageString: '', validationErrorString: '' },
    eventType: eventType(r.routeKey),
    extendedRequestId: r.requestId,
    identity: identityMap({ sourceIp: r.conn.sourceIp, userAgent: r.conn.userAgent, ...(r.conn.apiKey ? { apiKey: r.conn.apiKey } : {}) }),
    messageDirection: 'IN',
    requestId: r.requestId,
    requestTime: requestTime(r.at),
    requestTimeEpoch: r.at,
    routeKey: r.routeKey,
    stage: r.stage,
    status: 200,
  }
  if (r.messageId) ctx.messageId = r.messageId
  if (r.disconnect) {
    ctx.disconnectStatusCode = r.disconnect.statusCode
    ctx.disconnectReason = r.disconnect.reason
  }
  return ctx
}

function requestContext(r: RequestInfo): JsonObject {
  const rc: JsonObject = {
    routeKey: r.routeKey,
    eventType: eventType(r.routeKey),
    extendedRequestId: r.requestId,
    requestTime: requestTime(r.at),
    messageDirection: 'IN',
    stage: r.stage,
    connectedAt: r.conn.connectedAt,
    requestTimeEpoch: r.at,
    identity: { sourceIp: r.conn.sourceIp, ...(r.conn.userAgent ? { userAgent: r.conn.userAgent } : {}) },
    requestId: r.requestId,
    domainName: r.domainName,
    connectionId: r.conn.id,
    apiId: r.apiId,
  }
  if (r.messageId) rc.messageId = r.messageId
  if (r.conn.authorizer) rc.authorizer = { ...r.conn.authorizer }
  if (r.disconnect) {
    rc.disconnectStatusCode = r.disconnect.statusCode
    rc.disconnectReason = r.disconnect.reason
  }
  return rc
}

function single(q: Record<string, string[]>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(q)) out[k] = v[v.length - 1]
  return out
}

function multiHeaders(h: Record<string, string>): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const [k, v] of Object.entries(h)) out[k] = [v]
  return out
}

/** The Lambda proxy event of one request. */
export function lambdaProxyEvent(r: RequestInfo, body: string | undefined): JsonObject {
  const ev: JsonObject = { requestContext: requestContext(r), isBase64Encoded: false }
  if (r.routeKey === '$connect' || r.routeKey === '$disconnect') {
    ev.headers = { ...r.conn.headers }
    ev.multiValueHeaders = multiHeaders(r.conn.headers)
  }
  if (r.routeKey === '$connect' && Object.keys(r.conn.query).length) {
    ev.queryStringParameters = single(r.conn.query)
    ev.multiValueQueryStringParameters = r.conn.query as unknown as Json
  }
  if (body !== undefined && eventType(r.routeKey) === 'MESSAGE') ev.body = body
  return ev
}

export function methodArn(region: string, accountId: string, apiId: string, stage: string): string {
  return `arn:aws:execute-api:${region}:${accountId}:${apiId}/${stage}/$connect`
}

/** The REQUEST authorizer event of a `$connect`. */
export function authorizerEvent(r: RequestInfo, arn: string, stageVariables: Record<string, string>): JsonObject {
  const ev: JsonObject = {
    type: 'REQUEST',
    methodArn: arn,
    headers: { ...r.conn.headers },
    multiValueHeaders: multiHeaders(r.conn.headers),
    stageVariables: { ...stageVariables },
    requestContext: requestContext(r),
  }
  if (Object.keys(r.conn.query).length) {
    ev.queryStringParameters = single(r.conn.query)
    ev.multiValueQueryStringParameters = r.conn.query as unknown as Json
  }
  return ev
}

/** Case-insensitive header read (headers are case-insensitive, RFC 9110 §5.1). */
export function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const lower = name.toLowerCase()
  for (const k of Object.keys(headers)) if (k.toLowerCase() === lower) return headers[k]
  return undefined
}
