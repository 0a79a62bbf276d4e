/**
 * An in-page host whose Lambda functions are plain JS functions and whose HTTP answers are canned; records what
 * the session sends. For the core's unit tests and the in-process benchmark.
 */

import type { Json } from '../model/types'
import { InPageHost } from './inPageHost'
import type { HttpAnswer, HttpRequest, LambdaInvocation } from './types'

export type FakeFunction = (event: Json, call: LambdaInvocation) => unknown

export class RecordingHost extends InPageHost {
  readonly httpRequests: HttpRequest[] = []
  constructor(functions: Record<string, FakeFunction> = {}, httpAnswer: (r: HttpRequest) => HttpAnswer = () => ({ status: 200, headers: {}, body: '' })) {
    super({
      invokeLambda: async (call) => {
        const f = Object.prototype.hasOwnProperty.call(functions, call.functionId) ? functions[call.functionId] : undefined
        if (!f) return { ok: false, errorType: 'Emulator', errorMessage: `no fake for ${call.functionId}` }
        try {
          return { ok: true, value: (await f(call.event, call)) as Json }
        } catch (e) {
          return { ok: false, errorType: e instanceof Error ? e.name : 'Error', errorMessage: e instanceof Error ? e.message : String(e) }
        }
      },
      http: async (r) => {
        this.httpRequests.push(r)
        return httpAnswer(r)
      },
    })
  }
}
