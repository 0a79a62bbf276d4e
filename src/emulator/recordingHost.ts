/**
 * A host that records what the session sends and closes, with Lambda functions given as plain JS functions.
 * For the core's unit tests and the in-process benchmark; the designer and `serve` bring real hosts.
 */

import type { Json } from '../model/types'
import type { EmulatorHost, HttpAnswer, HttpRequest, LambdaInvocation, LambdaResult } from './types'

export type FakeFunction = (event: Json, call: LambdaInvocation) => unknown

export class RecordingHost implements EmulatorHost {
  readonly sent: { connectionId: string; data: string }[] = []
  readonly closed: { connectionId: string; code: number; reason: string }[] = []
  readonly httpRequests: HttpRequest[] = []
  constructor(
    private readonly functions: Record<string, FakeFunction> = {},
    private readonly httpAnswer: (r: HttpRequest) => HttpAnswer = () => ({ status: 200, headers: {}, body: '' }),
  ) {}

  async invokeLambda(call: LambdaInvocation): Promise<LambdaResult> {
    const f = Object.prototype.hasOwnProperty.call(this.functions, call.functionId) ? this.functions[call.functionId] : undefined
    if (!f) return { ok: false, errorType: 'Emulator', errorMessage: `no fake for ${call.functionId}` }
    try {
      return { ok: true, value: (await f(call.event, call)) as Json }
    } catch (e) {
      return { ok: false, errorType: e instanceof Error ? e.name : 'Error', errorMessage: e instanceof Error ? e.message : String(e) }
    }
  }

  async http(request: HttpRequest): Promise<HttpAnswer> {
    this.httpRequests.push(request)
    return this.httpAnswer(request)
  }

  send(connectionId: string, data: string): void {
    this.sent.push({ connectionId, data })
  }

  close(connectionId: string, code: number, reason: string): void {
    this.closed.push({ connectionId, code, reason })
  }
}
