/** The interface every local AWS service implements, in memory (pure core) or forwarded (dynalite, kinesalite). */

import type { Json } from '../../model/types'

export interface AwsServiceRequest {
  /** URI service name: `dynamodb`, `sqs`, `sns`, `events`, `states`, `kinesis`. */
  service: string
  /** Action-style URIs (`action/PutItem`). */
  action?: string
  /** Path-style URIs (`path/123456789012/queue`). */
  path?: string
  /** Headers mapped by the integration's request parameters (`Content-Type`, `X-Amz-Target`). */
  headers: Record<string, string>
  /** The rendered request template: exactly what the service receives. */
  body: string
}

export interface AwsServiceAnswer {
  status: number
  headers: Record<string, string>
  body: string
}

export interface AwsService {
  call(request: AwsServiceRequest): AwsServiceAnswer | Promise<AwsServiceAnswer>
  /** What the service holds, for `GET /_state` and the Live panel's state view. */
  state(): Json | Promise<Json>
  /** Called when the design reloads (new tables, queues). */
  reset?(): void | Promise<void>
}

/** Case-insensitive header lookup (prototype-free). */
export function header(headers: Record<string, string>, name: string): string | undefined {
  const lower = name.toLowerCase()
  for (const k of Object.keys(headers)) if (k.toLowerCase() === lower) return headers[k]
  return undefined
}

export function jsonAnswer(status: number, body: unknown, contentType = 'application/x-amz-json-1.0'): AwsServiceAnswer {
  return { status, headers: { 'Content-Type': contentType }, body: JSON.stringify(body) }
}

/** The action of a request: the URI's action, else `X-Amz-Target` (`AmazonSQS.SendMessage`), else the query form's `Action`. */
export function actionOf(request: AwsServiceRequest, form?: Map<string, string>): string | undefined {
  if (request.action) return request.action
  const target = header(request.headers, 'X-Amz-Target')
  if (target) return target.slice(target.lastIndexOf('.') + 1)
  return form?.get('Action')
}

/** `a=1&b=x%20y` → Map (application/x-www-form-urlencoded, `+` is a space). */
export function parseForm(body: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const pair of body.split('&')) {
    if (!pair) continue
    const eq = pair.indexOf('=')
    const dec = (s: string) => {
      try {
        return decodeURIComponent(s.replace(/\+/g, ' '))
      } catch {
        return s
      }
    }
    out.set(dec(eq < 0 ? pair : pair.slice(0, eq)), eq < 0 ? '' : dec(pair.slice(eq + 1)))
  }
  return out
}

export function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** The AWS query-protocol error document (SQS and SNS share it). */
export function queryError(status: number, code: string, message: string, requestId: string, type: 'Sender' | 'Receiver' = 'Sender'): AwsServiceAnswer {
  return {
    status,
    headers: { 'Content-Type': 'text/xml' },
    body: `<?xml version="1.0"?><ErrorResponse><Error><Type>${type}</Type><Code>${code}</Code><Message>${xmlEscape(message)}</Message><Detail/></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
  }
}

/** JSON-protocol error (`__type` plus `message`), as DynamoDB, SQS-JSON, EventBridge and Step Functions answer. */
export function jsonError(status: number, type: string, message: string, contentType = 'application/x-amz-json-1.0'): AwsServiceAnswer {
  return jsonAnswer(status, { __type: type, message }, contentType)
}

/** Parses a JSON-protocol body; undefined when it is not a JSON object. */
export function parseJsonObject(body: string): Record<string, unknown> | undefined {
  try {
    const v = JSON.parse(body) as unknown
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

export type NewId = () => string

/** RFC 4122-shaped id from the session's id source (AWS message ids look like UUIDs). */
export function uuidFrom(newId: NewId): string {
  let hex = ''
  while (hex.length < 32) for (const ch of newId()) hex += (ch.charCodeAt(0) % 16).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}
