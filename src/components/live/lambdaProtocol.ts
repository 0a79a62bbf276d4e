/** Messages between the Live panel and its Lambda Web Worker. */
import type { Json } from '../../model/types'

export type ToWorker =
  | { type: 'invoke'; id: number; code: string; handler: string; env: Record<string, string>; event: Json; requestId: string; functionName: string; timeoutMs: number }
  | { type: 'manageResult'; id: number; status: number; body: string }
  | { type: 'awsResult'; id: number; status: number; body: string }

export type FromWorker =
  | { type: 'result'; id: number; ok: true; value: Json | null; logs: string[] }
  | { type: 'result'; id: number; ok: false; errorType: string; errorMessage: string; logs: string[] }
  | { type: 'manage'; id: number; method: 'POST' | 'GET' | 'DELETE'; connectionId: string; data: string }
  /** An AWS SDK call of the function's code, for the session's in-memory service (JSON protocol: the input is the body). */
  | { type: 'aws'; id: number; service: string; action: string; body: string }
