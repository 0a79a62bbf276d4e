/**
 * The emulator's vocabulary: the typed timeline it emits, the host it runs on (browser or Node supply their
 * own), and the options a session starts with. Pure data and interfaces; no DOM, no Node.
 */

import type { Design, EntityId, Json, LambdaFunction } from '../model/types'
import type { AwsService } from './services/types'

/** One step of what API Gateway did, in order. `entity` names the route / integration for canvas highlights. */
export interface TimelineEvent {
  seq: number
  /** Epoch ms. */
  at: number
  connectionId?: string
  requestId?: string
  kind: TimelineKind
  /** One line for the terminal and the collapsed timeline row. */
  summary: string
  /** Everything behind the step (rendered template, integration request/response, reply), for the expanded row. */
  detail?: Json
  /** Route, integration, authorizer or resource this step went through. */
  entity?: EntityId
  /** AWS does not document this behaviour: the emulator chose one and says so. */
  unknown?: boolean
  /** A failure step (rejection, error frame, closed connection). */
  error?: boolean
}

export type TimelineKind =
  | 'connect'
  | 'connected'
  | 'rejected'
  | 'authorizer'
  | 'apiKey'
  | 'route'
  | 'validation'
  | 'template'
  | 'request'
  | 'integration'
  | 'response'
  | 'reply'
  | 'errorFrame'
  | 'disconnect'
  | 'management'
  | 'limit'
  | 'note'
  | 'reload'

/** The HTTP upgrade request of `$connect`. Header names are matched case-insensitively. */
export interface ConnectRequest {
  headers?: Record<string, string>
  /** Query string, each name with its values in order (`?a=1&a=2` → `{a: ['1','2']}`). */
  query?: Record<string, string[]>
  sourceIp?: string
}

export type ConnectResult =
  | { ok: true; connectionId: string; requestId: string; protocol?: string }
  | { ok: false; connectionId: string; requestId: string; status: number; body: string }

export type LambdaInvocation = {
  functionId: EntityId
  fn: LambdaFunction
  /** The function's name as the emulator reports it (physical or generated). */
  functionName: string
  event: Json
  requestId: string
  timeoutMs: number
}

export type LambdaResult = { ok: true; value: Json | undefined; logs?: string[] } | { ok: false; errorType: string; errorMessage: string; logs?: string[] }

export interface HttpRequest {
  method: string
  url: string
  headers: Record<string, string>
  body: string
}

export interface HttpAnswer {
  status: number
  headers: Record<string, string>
  body: string
}

/** What the emulator needs from the place it runs in. */
export interface EmulatorHost {
  /** Runs a function's code (a worker thread in Node, a Web Worker in the browser). */
  invokeLambda(call: LambdaInvocation): Promise<LambdaResult>
  /** HTTP / HTTP_PROXY integrations: a real request. */
  http(request: HttpRequest): Promise<HttpAnswer>
  /** Sends a text frame to a client. */
  send(connectionId: string, data: string): void
  /** Closes a client's socket. */
  close(connectionId: string, code: number, reason: string): void
}

export interface Limits {
  /** 128 KB (websocket-rules.md §11). */
  maxMessageBytes: number
  /** 32 KB (websocket-rules.md §11). */
  maxFrameBytes: number
  /** 10 minutes. */
  idleTimeoutMs: number
  /** 2 hours. */
  maxConnectionMs: number
}

export interface EmulatorOptions {
  design: Design
  host: EmulatorHost
  /** Stage name; default the design's first stage, else `dev`. */
  stage?: string
  /** AWS services by URI service name (`dynamodb`, `sqs`, …); default the in-memory ones. */
  services?: Record<string, AwsService>
  limits?: Partial<Limits>
  /** Valid API keys. Absent: the design does not model key values, so any non-empty key is accepted (and said so). */
  apiKeys?: string[]
  /** `domainName` in `$context` and Lambda events; Node sets it so `https://${domainName}/${stage}` reaches @connections. */
  domainName?: string
  apiId?: string
  region?: string
  accountId?: string
  now?: () => number
  /** Id source (API Gateway-like 16-character ids); injectable for deterministic tests. */
  newId?: () => string
  onEvent?: (event: TimelineEvent) => void
}
