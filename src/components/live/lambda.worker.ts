/**
 * Runs a design's Node.js Lambda code in the browser (one worker per function, kept warm). CommonJS code
 * (`exports.handler = …`) runs with `require`, `module`, `process.env`; ES module code (`import` / `export`) runs as
 * a module whose imports of the stand-ins below are redirected to them (the specifiers found with es-module-lexer).
 * Stand-ins:
 * - `@aws-sdk/client-apigatewaymanagementapi`: `send()` goes to the page's emulator session (@connections POST / GET /
 *   DELETE), so the usual `new ApiGatewayManagementApiClient({endpoint: https://${domainName}/${stage}})` works;
 * - `@aws-sdk/client-dynamodb`: `send(new XCommand(input))` is action X of the session's in-memory DynamoDB (the
 *   low-level client's input is the JSON 1.0 request body, DynamoDB API Reference), errors named as the SDK names them.
 * Other packages are not available in the browser and fail with a message saying so (run `serve` for the real SDK).
 */
import { parse } from 'es-module-lexer/js'
import type { FromWorker, ToWorker } from './lambdaProtocol'

const post = (m: FromWorker) => (self as unknown as { postMessage(m: FromWorker): void }).postMessage(m)
let nextCall = 0
const pending = new Map<number, (r: { status: number; body: string }) => void>()

function ask(message: (id: number) => FromWorker): Promise<{ status: number; body: string }> {
  const id = ++nextCall
  return new Promise((resolve) => {
    pending.set(id, resolve)
    post(message(id))
  })
}

/** An SDK-shaped error: `name` as the SDK's exception classes, `$metadata.httpStatusCode`. */
function sdkError(name: string, status: number, message = name): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } })
}

async function manage(method: 'POST' | 'GET' | 'DELETE', connectionId: string, data: unknown): Promise<unknown> {
  const text = typeof data === 'string' ? data : data instanceof Uint8Array ? new TextDecoder().decode(data) : data === undefined ? '' : String(data)
  const r = await ask((id) => ({ type: 'manage', id, method, connectionId, data: text }))
  if (r.status >= 400) throw sdkError(r.status === 410 ? 'GoneException' : r.status === 413 ? 'PayloadTooLargeException' : 'ApiGatewayManagementApiServiceException', r.status)
  return { $metadata: { httpStatusCode: r.status }, ...(r.body ? (JSON.parse(r.body) as object) : {}) }
}

class Command<I> {
  constructor(
    readonly input: I,
    readonly action: string,
  ) {}
}

const managementApi = {
  ApiGatewayManagementApiClient: class {
    constructor(readonly config: unknown = {}) {}
    send(c: Command<{ ConnectionId: string; Data?: unknown }>) {
      return manage(c.action as 'POST' | 'GET' | 'DELETE', c.input.ConnectionId, c.input.Data)
    }
    destroy() {}
  },
  PostToConnectionCommand: class extends Command<{ ConnectionId: string; Data?: unknown }> {
    constructor(input: { ConnectionId: string; Data?: unknown }) {
      super(input, 'POST')
    }
  },
  GetConnectionCommand: class extends Command<{ ConnectionId: string }> {
    constructor(input: { ConnectionId: string }) {
      super(input, 'GET')
    }
  },
  DeleteConnectionCommand: class extends Command<{ ConnectionId: string }> {
    constructor(input: { ConnectionId: string }) {
      super(input, 'DELETE')
    }
  },
}

/** The actions the in-memory DynamoDB answers (src/emulator/services/dynamodb.ts). */
const DYNAMODB_ACTIONS = ['PutItem', 'GetItem', 'DeleteItem', 'UpdateItem', 'Query', 'Scan']

function dynamodbCommand(action: string) {
  return class extends Command<object> {
    constructor(input: object) {
      super(input, action)
    }
  }
}

const dynamodb: Record<string, unknown> = {
  DynamoDBClient: class {
    constructor(readonly config: unknown = {}) {}
    async send(c: Command<object>) {
      const r = await ask((id) => ({ type: 'aws', id, service: 'dynamodb', action: c.action, body: JSON.stringify(c.input) }))
      const body = (r.body ? JSON.parse(r.body) : {}) as Record<string, unknown>
      if (r.status >= 400) {
        const type = String(body.__type ?? 'DynamoDBServiceException')
        throw sdkError(type.slice(type.lastIndexOf('#') + 1), r.status, String(body.message ?? body.Message ?? type))
      }
      return { $metadata: { httpStatusCode: r.status }, ...body }
    }
    destroy() {}
  },
  ...Object.fromEntries(DYNAMODB_ACTIONS.map((a) => [`${a}Command`, dynamodbCommand(a)])),
}

const STAND_INS: Record<string, Record<string, unknown>> = {
  '@aws-sdk/client-apigatewaymanagementapi': managementApi,
  '@aws-sdk/client-dynamodb': dynamodb,
}
const notHere = (name: string) => `${name} is not available in the designer's in-page session; run \`npm run --silent cli -- serve <design>\` for real packages`

function standIn(name: string): Record<string, unknown> {
  const m = STAND_INS[name]
  if (!m) throw new Error(notHere(name))
  return m
}

/** The current invocation's log lines (one invocation at a time per function, as in a Lambda environment). */
let logs: string[] = []
const functionConsole = Object.fromEntries(['log', 'info', 'warn', 'error', 'debug'].map((k) => [k, (...a: unknown[]) => logs.push(a.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(' '))]))

const loaded = new Map<string, Promise<Record<string, unknown>>>()

function loadCommonJs(code: string, env: Record<string, string>): Record<string, unknown> {
  const module = { exports: {} as Record<string, unknown> }
  // The function's code is the user's own design, run in a worker of their own page: evaluating it is the point.
  new Function('exports', 'require', 'module', 'process', 'console', code)(module.exports, standIn, module, { env }, functionConsole)
  return module.exports
}

/** Where ES module code finds the stand-ins (the blob modules read them from here). */
const REGISTRY = Symbol.for('socket-studio.live.standIns')

function moduleUrl(source: string): string {
  return URL.createObjectURL(new Blob([source], { type: 'text/javascript' }))
}

function standInModuleUrl(name: string): string {
  const m = STAND_INS[name]
  if (!m) return moduleUrl(`throw new Error(${JSON.stringify(notHere(name))})`)
  return moduleUrl(`const m = globalThis[Symbol.for(${JSON.stringify(REGISTRY.description)})][${JSON.stringify(name)}]\nexport const { ${Object.keys(m).join(', ')} } = m\nexport default m\n`)
}

async function loadEsm(code: string, env: Record<string, string>): Promise<Record<string, unknown>> {
  ;(globalThis as Record<symbol, unknown>)[REGISTRY] = STAND_INS
  Object.assign(globalThis, { process: { env } })
  Object.assign(console, functionConsole)
  const [imports] = parse(code)
  let out = ''
  let at = 0
  for (const imp of imports) {
    // Bare specifiers only (relative ones have no sibling files in inline code and fail on their own).
    if (imp.n === undefined || imp.n.startsWith('.') || imp.n.startsWith('/') || /^[a-z]+:/.test(imp.n)) continue
    const url = standInModuleUrl(imp.n)
    const dynamic = imp.d > -1
    out += code.slice(at, imp.s) + (dynamic ? JSON.stringify(url) : url)
    at = imp.e
  }
  out += code.slice(at)
  return (await import(/* @vite-ignore */ moduleUrl(out))) as Record<string, unknown>
}

function load(code: string, env: Record<string, string>): Promise<Record<string, unknown>> {
  let hit = loaded.get(code)
  if (!hit) {
    hit = /^\s*(export|import)\s/m.test(code) ? loadEsm(code, env) : Promise.resolve().then(() => loadCommonJs(code, env))
    // A failed init is tried again on the next invocation, as Lambda does.
    hit.catch(() => loaded.delete(code))
    loaded.set(code, hit)
  }
  return hit
}

self.onmessage = async (e: MessageEvent<ToWorker>) => {
  const m = e.data
  if (m.type === 'manageResult' || m.type === 'awsResult') {
    pending.get(m.id)?.(m)
    pending.delete(m.id)
    return
  }
  logs = []
  try {
    const exports = await load(m.code, m.env)
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
