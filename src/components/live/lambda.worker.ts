/**
 * Runs a design's Node.js Lambda code in the browser (one worker per function, kept warm). CommonJS code
 * (`exports.handler = …`) runs with `require`, `module`, `process.env`; `@aws-sdk/client-apigatewaymanagementapi`
 * is a small stand-in whose `send()` goes to the page's emulator session (@connections POST / GET / DELETE), so the
 * usual `new ApiGatewayManagementApiClient({endpoint: https://${domainName}/${stage}})` works. Other packages are not
 * available in the browser and fail with a message saying so (run `serve` for the real SDK).
 */
import type { FromWorker, ToWorker } from './lambdaProtocol'

const post = (m: FromWorker) => (self as unknown as { postMessage(m: FromWorker): void }).postMessage(m)
let nextManage = 0
const pending = new Map<number, (r: { status: number; body: string }) => void>()

function manage(method: 'POST' | 'GET' | 'DELETE', connectionId: string, data: unknown): Promise<unknown> {
  const text = typeof data === 'string' ? data : data instanceof Uint8Array ? new TextDecoder().decode(data) : data === undefined ? '' : String(data)
  const id = ++nextManage
  return new Promise((resolve, reject) => {
    pending.set(id, (r) => {
      if (r.status >= 400) {
        const name = r.status === 410 ? 'GoneException' : r.status === 413 ? 'PayloadTooLargeException' : 'ApiGatewayManagementApiServiceException'
        reject(Object.assign(new Error(name), { name, $metadata: { httpStatusCode: r.status } }))
      } else resolve({ $metadata: { httpStatusCode: r.status }, ...(r.body ? (JSON.parse(r.body) as object) : {}) })
    })
    post({ type: 'manage', id, method, connectionId, data: text })
  })
}

class Command {
  constructor(
    readonly input: { ConnectionId: string; Data?: unknown },
    readonly method: 'POST' | 'GET' | 'DELETE',
  ) {}
}
const managementApi = {
  ApiGatewayManagementApiClient: class {
    constructor(readonly config: unknown = {}) {}
    send(c: Command) {
      return manage(c.method, c.input.ConnectionId, c.input.Data)
    }
    destroy() {}
  },
  PostToConnectionCommand: class extends Command {
    constructor(input: { ConnectionId: string; Data?: unknown }) {
      super(input, 'POST')
    }
  },
  GetConnectionCommand: class extends Command {
    constructor(input: { ConnectionId: string }) {
      super(input, 'GET')
    }
  },
  DeleteConnectionCommand: class extends Command {
    constructor(input: { ConnectionId: string }) {
      super(input, 'DELETE')
    }
  },
}

const loaded = new Map<string, Record<string, unknown>>()

function load(code: string, env: Record<string, string>, logs: string[]): Record<string, unknown> {
  const hit = loaded.get(code)
  if (hit) return hit
  const module = { exports: {} as Record<string, unknown> }
  const require = (name: string) => {
    if (name === '@aws-sdk/client-apigatewaymanagementapi') return managementApi
    throw new Error(`${name} is not available in the designer's in-page session; run \`npm run --silent cli -- serve <design>\` for real packages`)
  }
  const consoleShim = Object.fromEntries(['log', 'info', 'warn', 'error', 'debug'].map((k) => [k, (...a: unknown[]) => logs.push(a.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(' '))]))
  // The function's code is the user's own design, run in a worker of their own page: evaluating it is the point.
  new Function('exports', 'require', 'module', 'process', 'console', code)(module.exports, require, module, { env }, consoleShim)
  loaded.set(code, module.exports)
  return module.exports
}

self.onmessage = async (e: MessageEvent<ToWorker>) => {
  const m = e.data
  if (m.type === 'manageResult') {
    pending.get(m.id)?.(m)
    pending.delete(m.id)
    return
  }
  const logs: string[] = []
  try {
    const exports = load(m.code, m.env, logs)
    const name = m.handler.slice(m.handler.lastIndexOf('.') + 1)
    const fn = exports[name]
    if (typeof fn !== 'function') throw Object.assign(new Error(`Handler ${m.handler} is not a function in the module`), { name: 'Runtime.HandlerNotFound' })
    const deadline = Date.now() + m.timeoutMs
    const context = { functionName: m.functionName, functionVersion: '$LATEST', awsRequestId: m.requestId, getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()) }
    const value = await new Promise((resolve, reject) => {
      const r = (fn as (...a: unknown[]) => unknown)(m.event, context, (err: unknown, v: unknown) => (err ? reject(err) : resolve(v)))
      if (r && typeof (r as Promise<unknown>).then === 'function') (r as Promise<unknown>).then(resolve, reject)
    })
    post({ type: 'result', id: m.id, ok: true, value: value === undefined ? null : JSON.parse(JSON.stringify(value)), logs })
  } catch (err) {
    const x = err instanceof Error ? err : new Error(String(err))
    post({ type: 'result', id: m.id, ok: false, errorType: x.name || 'Error', errorMessage: x.message, logs })
  }
}
