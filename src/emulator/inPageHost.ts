/**
 * A host for sessions whose clients live in the same process (the designer's Live panel, the core's tests):
 * sends and closes go to listeners instead of sockets; Lambda and HTTP are supplied by the embedder
 * (a Web Worker and `fetch` in the browser).
 */

import type { EmulatorHost, HttpAnswer, HttpRequest, LambdaInvocation, LambdaResult } from './types'

export interface InPageHostOptions {
  invokeLambda?: (call: LambdaInvocation) => Promise<LambdaResult>
  http?: (request: HttpRequest) => Promise<HttpAnswer>
}

export class InPageHost implements EmulatorHost {
  readonly sent: { connectionId: string; data: string }[] = []
  readonly closed: { connectionId: string; code: number; reason: string }[] = []
  private readonly sendListeners = new Set<(connectionId: string, data: string) => void>()
  private readonly closeListeners = new Set<(connectionId: string, code: number, reason: string) => void>()
  constructor(private readonly opts: InPageHostOptions = {}) {}

  invokeLambda(call: LambdaInvocation): Promise<LambdaResult> {
    if (this.opts.invokeLambda) return this.opts.invokeLambda(call)
    return Promise.resolve({ ok: false, errorType: 'Emulator', errorMessage: 'this session cannot run Lambda code' })
  }

  http(request: HttpRequest): Promise<HttpAnswer> {
    if (this.opts.http) return this.opts.http(request)
    return Promise.reject(new Error('this session cannot make HTTP requests'))
  }

  send(connectionId: string, data: string): void {
    this.sent.push({ connectionId, data })
    for (const l of this.sendListeners) l(connectionId, data)
  }

  close(connectionId: string, code: number, reason: string): void {
    this.closed.push({ connectionId, code, reason })
    for (const l of this.closeListeners) l(connectionId, code, reason)
  }

  onSend(l: (connectionId: string, data: string) => void): () => void {
    this.sendListeners.add(l)
    return () => this.sendListeners.delete(l)
  }

  onClose(l: (connectionId: string, code: number, reason: string) => void): () => void {
    this.closeListeners.add(l)
    return () => this.closeListeners.delete(l)
  }
}
