/**
 * API Gateway WebSocket quotas the emulator enforces, and the close codes it uses.
 * Source: "Amazon API Gateway quotas for configuring and running a WebSocket API" (AWS docs, quotas page) and
 * websocket-rules.md §11: frame 32 KB, message 128 KB, idle 10 min, duration 2 h. The quotas page: "a message larger
 * than 32 KB must be split into multiple frames, each 32 KB or smaller. If a larger message (or larger frame size)
 * is received, the connection is closed with code 1009."
 */

import type { Limits } from './types'

export const DEFAULT_LIMITS: Limits = {
  maxMessageBytes: 128 * 1024,
  maxFrameBytes: 32 * 1024,
  idleTimeoutMs: 10 * 60 * 1000,
  maxConnectionMs: 2 * 60 * 60 * 1000,
}

/** RFC 6455 §7.4.1 close codes as API Gateway uses them. */
export const CLOSE = {
  normal: 1000,
  /** Idle timeout and 2-hour limit: API Gateway closes with 1001 "Going away" (recorded behaviour, AWS re:Post "WebSocket 1001"). */
  goingAway: 1001,
  /** Binary frames are rejected with 1003 (websocket-rules.md §5.6). */
  unsupportedData: 1003,
  /** Message over 128 KB or frame over 32 KB: 1009 "Message too big" (quotas page; websocket-rules.md §11). */
  tooBig: 1009,
} as const

const encoder = new TextEncoder()

/** UTF-8 byte length of a text frame. */
export function utf8Bytes(text: string): number {
  return encoder.encode(text).length
}
