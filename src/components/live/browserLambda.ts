/** Lambda for the in-page session: one Web Worker per function (lambda.worker.ts); a timeout ends the worker. */
import type { LambdaInvocation, LambdaResult } from '../../emulator'
import type { EmulatorSession } from '../../emulator'
import type { FromWorker, ToWorker } from './lambdaProtocol'

export class BrowserLambda {
  private readonly workers = new Map<string, Worker>()
  private nextId = 0
  constructor(private readonly session: () => EmulatorSession | undefined) {}

  private worker(functionId: string): Worker {
    let w = this.workers.get(functionId)
    if (!w) {
      w = new Worker(new URL('./lambda.worker.ts', import.meta.url), { type: 'module', name: `lambda ${functionId}` })
      const worker = w
      worker.addEventListener('message', (e: MessageEvent<FromWorker>) => {
        const m = e.data
        const s = this.session()
        if (m.type === 'manage') {
          void (s ? s.manage(m.method, m.connectionId, m.data) : Promise.resolve({ status: 410, headers: {}, body: '' })).then((a) => worker.postMessage({ type: 'manageResult', id: m.id, status: a.status, body: a.body } satisfies ToWorker))
        } else if (m.type === 'aws') {
          // The function's SDK call goes to the same in-memory service the integrations use (the state view shows it).
          const service = s?.services[m.service]
          void Promise.resolve(service ? service.call({ service: m.service, action: m.action, headers: {}, body: m.body }) : { status: 400, headers: {}, body: JSON.stringify({ __type: 'UnknownService', message: `no in-memory ${m.service}` }) })
            .catch((err: unknown) => ({ status: 500, headers: {}, body: JSON.stringify({ __type: 'InternalServerError', message: String(err) }) }))
            .then((a) => worker.postMessage({ type: 'awsResult', id: m.id, status: a.status, body: a.body } satisfies ToWorker))
        }
      })
      this.workers.set(functionId, w)
    }
    return w
  }

  invoke = (call: LambdaInvocation): Promise<LambdaResult> => {
    if (!call.fn.runtime.startsWith('nodejs')) return Promise.resolve({ ok: false, errorType: 'Emulator', errorMessage: `the designer runs Node.js functions; ${call.fn.runtime} runs with \`serve\` (python3)` })
    if (call.fn.codeAsset !== undefined) return Promise.resolve({ ok: false, errorType: 'Emulator', errorMessage: `the designer runs inline code; the asset folder ${call.fn.codeAsset} runs with \`serve\`` })
    const worker = this.worker(call.functionId)
    const id = ++this.nextId
    const env = { AWS_REGION: 'us-east-1', AWS_LAMBDA_FUNCTION_NAME: call.functionName, AWS_LAMBDA_FUNCTION_VERSION: '$LATEST', ...(call.fn.environment ?? {}) }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        worker.removeEventListener('message', onMessage)
        worker.terminate()
        this.workers.delete(call.functionId)
        resolve({ ok: false, errorType: 'Sandbox.Timedout', errorMessage: `Task timed out after ${(call.timeoutMs / 1000).toFixed(2)} seconds` })
      }, call.timeoutMs)
      const onMessage = (e: MessageEvent<FromWorker>) => {
        const m = e.data
        if (m.type !== 'result' || m.id !== id) return
        clearTimeout(timer)
        worker.removeEventListener('message', onMessage)
        resolve(m.ok ? { ok: true, value: m.value, logs: m.logs } : { ok: false, errorType: m.errorType, errorMessage: m.errorMessage, logs: m.logs })
      }
      worker.addEventListener('message', onMessage)
      worker.postMessage({ type: 'invoke', id, code: call.fn.code, handler: call.fn.handler, env, event: call.event, requestId: call.requestId, functionName: call.functionName, timeoutMs: call.timeoutMs } satisfies ToWorker)
    })
  }

  dispose(): void {
    for (const w of this.workers.values()) w.terminate()
    this.workers.clear()
  }
}
