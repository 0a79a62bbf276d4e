/**
 * The script a Lambda worker thread runs (CommonJS, evaluated with `new Worker(src, {eval: true})` so it survives
 * bundling). It loads the function's file, sets the function's environment, and answers `invoke` messages with
 * the handler's result. It tells the stand-in `@aws-sdk/client-apigatewaymanagementapi` (sdkShim.ts) where @connections
 * is, so a client built with the usual `https://${domainName}/${stage}` endpoint reaches it over plain HTTP on loopback.
 */
export const LAMBDA_BOOTSTRAP = String.raw`
const { parentPort, workerData } = require('node:worker_threads')
const { pathToFileURL } = require('node:url')
const { file, handler, env, domainName, localEndpoint, endpointKey, isEsm } = workerData
Object.assign(process.env, env)
// Read by the stand-in @aws-sdk/client-apigatewaymanagementapi next to the function's code (sdkShim.ts).
globalThis[Symbol.for(endpointKey)] = { domainName, localEndpoint }
const logs = []
for (const level of ['log', 'info', 'warn', 'error', 'debug']) {
  console[level] = (...args) => logs.push(args.map((a) => (typeof a === 'string' ? a : require('node:util').inspect(a))).join(' '))
}
const dot = handler.lastIndexOf('.')
const exportName = handler.slice(dot + 1)
let fnPromise
function loadHandler() {
  fnPromise ??= (async () => {
    const mod = isEsm ? await import(pathToFileURL(file).href) : require(file)
    const fn = mod[exportName] ?? (mod.default && mod.default[exportName])
    if (typeof fn !== 'function') throw Object.assign(new Error('Handler ' + handler + ' is not a function in the module'), { name: 'Runtime.HandlerNotFound' })
    return fn
  })()
  return fnPromise
}
parentPort.on('message', async (msg) => {
  if (msg.type !== 'invoke') return
  logs.length = 0
  const deadline = Date.now() + msg.timeoutMs
  const context = {
    functionName: env.AWS_LAMBDA_FUNCTION_NAME, functionVersion: '$LATEST', invokedFunctionArn: msg.functionArn,
    memoryLimitInMB: env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE, awsRequestId: msg.requestId,
    logGroupName: env.AWS_LAMBDA_LOG_GROUP_NAME, logStreamName: env.AWS_LAMBDA_LOG_STREAM_NAME,
    callbackWaitsForEmptyEventLoop: true, getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  }
  try {
    const fn = await loadHandler()
    const value = await new Promise((resolve, reject) => {
      const r = fn(msg.event, context, (err, v) => (err ? reject(err) : resolve(v)))
      if (r && typeof r.then === 'function') r.then(resolve, reject)
    })
    parentPort.postMessage({ type: 'result', id: msg.id, ok: true, value: value === undefined ? null : JSON.parse(JSON.stringify(value)), logs: [...logs] })
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e))
    parentPort.postMessage({ type: 'result', id: msg.id, ok: false, errorType: err.name || 'Error', errorMessage: err.message, logs: [...logs] })
  }
})
`
