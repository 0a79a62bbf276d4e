/**
 * Runs the design's Lambda functions for `serve`: Node runtimes in a worker thread per function (kept warm like a
 * Lambda execution environment), Python runtimes with `python3` (one process per invocation), both with the
 * function's environment and the variables the Lambda runtime sets (AWS docs, "Defined runtime environment variables").
 * Code is the design's inline code or its asset folder (relative to the design file), placed in a cache folder inside
 * the project, as Lambda unpacks a deployment package: `require`/`import` of the project's packages (the AWS SDK)
 * resolve, and the stand-in management API client next to it (sdkShim.ts) comes first.
 */

import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { LambdaInvocation, LambdaResult } from '../emulator'
import type { Json } from '../model/types'
import { LAMBDA_BOOTSTRAP } from './lambdaBootstrap'
import { PYTHON_BOOTSTRAP, PYTHON_INIT_DONE } from './pythonBootstrap'
import { ENDPOINT_KEY, resolveSdk, SDK_NAME, writeSdkShim } from './sdkShim'

/** The folder holding node_modules (where Lambda files go, so bare imports resolve). */
function projectRoot(sdk: string | undefined): string {
  if (sdk) {
    const i = sdk.lastIndexOf(`${sep}node_modules${sep}`)
    if (i > 0) return sdk.slice(0, i)
  }
  return process.cwd()
}

/** Files of an asset folder with size and mtime: a cheap fingerprint that changes when the code does. */
function folderFingerprint(dir: string, hash = createHash('sha256'), base = dir): ReturnType<typeof createHash> {
  for (const name of readdirSync(dir).sort()) {
    if (name === 'node_modules' || name === '__pycache__') continue
    const path = join(dir, name)
    const st = statSync(path)
    if (st.isDirectory()) folderFingerprint(path, hash, base)
    else hash.update(`${relative(base, path)}\0${st.size}\0${st.mtimeMs}\0`)
  }
  return hash
}

/** Lambda's limit on the Init phase of a function (AWS docs, "Lambda execution environment lifecycle"). */
const INIT_LIMIT_MS = 10_000

interface PlacedCode {
  /** The code's root folder (LAMBDA_TASK_ROOT's stand-in). */
  dir: string
  /** The handler's file. */
  file: string
  hash: string
  isEsm: boolean
}

export interface RunnerOptions {
  domainName: string
  /** `http://127.0.0.1:<port>`: where @connections really is. */
  localEndpoint: string
  region: string
  accountId: string
  /** Extra environment for every function (e.g. AWS_ENDPOINT_URL_DYNAMODB pointing at dynalite). */
  env?: Record<string, string>
  /** The design file's folder: `codeAsset` paths are relative to it. Default: the working directory. */
  baseDir?: string
}

interface Warm {
  worker: Worker
  codeHash: string
  pending: Map<number, (r: LambdaResult) => void>
}

export class LambdaRunner {
  private readonly warm = new Map<string, Warm>()
  private readonly sdk = resolveSdk()
  private readonly root = projectRoot(this.sdk)
  private readonly cache = join(this.root, '.cache', 'emulator', 'lambda')
  private nextId = 0
  constructor(private readonly opts: RunnerOptions) {
    writeSdkShim(this.cache, this.sdk)
  }

  private env(call: LambdaInvocation): Record<string, string> {
    const fn = call.fn
    return {
      AWS_REGION: this.opts.region,
      AWS_DEFAULT_REGION: this.opts.region,
      AWS_ACCESS_KEY_ID: 'emulator',
      AWS_SECRET_ACCESS_KEY: 'emulator',
      AWS_SESSION_TOKEN: 'emulator',
      AWS_LAMBDA_FUNCTION_NAME: call.functionName,
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memorySize ?? 128),
      AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${call.functionName}`,
      AWS_LAMBDA_LOG_STREAM_NAME: 'emulator',
      AWS_EXECUTION_ENV: `AWS_Lambda_${fn.runtime}`,
      LAMBDA_TASK_ROOT: '/var/task',
      _HANDLER: fn.handler,
      ...(this.opts.env ?? {}),
      ...(fn.environment ?? {}),
    }
  }

  /**
   * Puts the function's code in `<cache>/<hash>/`: inline code as the handler's file, an asset folder copied whole
   * (its own copy of the management API client left out, so the stand-in applies). `.js` is CommonJS unless the
   * code's package.json says `"type": "module"`, as in Lambda; inline code with `import`/`export` is ESM.
   */
  private place(call: LambdaInvocation, python: boolean): PlacedCode {
    const fn = call.fn
    const handlerPath = fn.handler.slice(0, fn.handler.lastIndexOf('.')) || 'index'
    if (fn.codeAsset === undefined) {
      const isEsm = !python && /^\s*(export|import)\s/m.test(fn.code)
      const ext = python ? '.py' : isEsm ? '.mjs' : '.js'
      const hash = createHash('sha256').update(fn.code).update(fn.handler).update(fn.runtime).digest('hex').slice(0, 16)
      const dir = join(this.cache, hash)
      const file = join(dir, `${python ? handlerPath.replaceAll('.', '/') : handlerPath}${ext}`)
      // The folder is named by the content: written once, then every invocation finds it in place.
      if (!existsSync(file)) {
        mkdirSync(dirname(file), { recursive: true })
        if (ext === '.js') writeFileSync(join(dir, 'package.json'), '{"type":"commonjs"}\n')
        writeFileSync(file, fn.code)
      }
      return { dir, file, hash, isEsm }
    }
    const source = resolve(this.opts.baseDir ?? process.cwd(), fn.codeAsset)
    if (!existsSync(source) || !statSync(source).isDirectory()) throw new Error(`the code asset folder ${fn.codeAsset} does not exist (resolved to ${source})`)
    const hash = folderFingerprint(source).update(fn.handler).update(fn.runtime).update(source).digest('hex').slice(0, 16)
    const dir = join(this.cache, hash)
    if (!existsSync(dir)) cpSync(source, dir, { recursive: true, filter: (from) => !relative(source, from).split(sep).join('/').includes(`node_modules/${SDK_NAME}`) })
    if (python) return { dir, file: join(dir, `${handlerPath.replaceAll('.', '/')}.py`), hash, isEsm: false }
    const candidates = ['.js', '.mjs', '.cjs'].map((ext) => join(dir, `${handlerPath}${ext}`))
    const file = candidates.find((f) => existsSync(f))
    if (!file) throw Object.assign(new Error(`Cannot find module '${handlerPath}' in the code asset ${fn.codeAsset}`), { name: 'Runtime.ImportModuleError' })
    const pkg = join(dir, 'package.json')
    const typeModule = existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { type?: string }).type === 'module'
    // Without its own package.json the copy would inherit the project's "type"; Lambda's default is CommonJS.
    if (!existsSync(pkg)) writeFileSync(pkg, '{"type":"commonjs"}\n')
    return { dir, file, hash, isEsm: file.endsWith('.mjs') || (file.endsWith('.js') && typeModule) }
  }

  async invoke(call: LambdaInvocation): Promise<LambdaResult> {
    const runtime = call.fn.runtime
    const python = runtime.startsWith('python')
    if (!python && !runtime.startsWith('nodejs')) return { ok: false, errorType: 'Emulator', errorMessage: `the emulator runs Node.js and Python functions; ${runtime} is not supported` }
    let placed: PlacedCode
    try {
      placed = this.place(call, python)
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e))
      return { ok: false, errorType: err.name === 'Error' ? 'Runtime.ImportModuleError' : err.name, errorMessage: err.message }
    }
    if (python) return this.invokePython(call, placed.dir)
    let w = this.warm.get(call.functionId)
    if (w && w.codeHash !== placed.hash) {
      void w.worker.terminate()
      this.warm.delete(call.functionId)
      w = undefined
    }
    if (!w) w = this.start(call, placed)
    const id = ++this.nextId
    const warm = w
    return new Promise<LambdaResult>((resolve) => {
      const timer = setTimeout(() => {
        warm.pending.delete(id)
        // A timed-out invocation leaves its environment unusable, as in Lambda: start a fresh one next time.
        void warm.worker.terminate()
        this.warm.delete(call.functionId)
        resolve({ ok: false, errorType: 'Sandbox.Timedout', errorMessage: `Task timed out after ${(call.timeoutMs / 1000).toFixed(2)} seconds` })
      }, call.timeoutMs)
      warm.pending.set(id, (r) => {
        clearTimeout(timer)
        resolve(r)
      })
      warm.worker.postMessage({ type: 'invoke', id, event: call.event, requestId: call.requestId, timeoutMs: call.timeoutMs, functionArn: `arn:aws:lambda:${this.opts.region}:${this.opts.accountId}:function:${call.functionName}` })
    })
  }

  private start(call: LambdaInvocation, { file, hash, isEsm }: PlacedCode): Warm {
    const worker = new Worker(LAMBDA_BOOTSTRAP, {
      eval: true,
      workerData: { file, handler: call.fn.handler, env: this.env(call), domainName: this.opts.domainName, localEndpoint: this.opts.localEndpoint, endpointKey: ENDPOINT_KEY, isEsm },
      stdout: true,
      stderr: true,
    })
    worker.unref()
    const w: Warm = { worker, codeHash: hash, pending: new Map() }
    worker.on('message', (m: { type: string; id: number } & LambdaResult) => {
      if (m.type !== 'result') return
      const done = w.pending.get(m.id)
      w.pending.delete(m.id)
      const { type: _t, id: _i, ...result } = m
      done?.(result as LambdaResult)
    })
    const fail = (message: string) => {
      for (const done of w.pending.values()) done({ ok: false, errorType: 'Runtime.ExitError', errorMessage: message })
      w.pending.clear()
      if (this.warm.get(call.functionId) === w) this.warm.delete(call.functionId)
    }
    worker.on('error', (e) => fail(e.message))
    worker.on('exit', (code) => fail(`the function's worker exited with code ${code}`))
    this.warm.set(call.functionId, w)
    return w
  }

  private invokePython(call: LambdaInvocation, root: string): Promise<LambdaResult> {
    const handler = call.fn.handler
    const dot = handler.lastIndexOf('.')
    return new Promise((resolve) => {
      const child = spawn('python3', ['-c', PYTHON_BOOTSTRAP, root, handler.slice(0, dot) || 'index', handler.slice(dot + 1), this.opts.domainName, this.opts.localEndpoint], { env: { ...process.env, ...this.env(call) }, stdio: ['pipe', 'pipe', 'pipe'] })
      let out = ''
      let err = ''
      // Lambda times the Init phase (imports) apart from the invocation: up to 10 s, then the function's own timeout
      // (AWS docs, "Understanding the Lambda execution environment lifecycle"). The bootstrap marks the end of Init.
      let phase: 'init' | 'invoke' = 'init'
      let timer = setTimeout(() => child.kill('SIGKILL'), INIT_LIMIT_MS)
      child.stdout.on('data', (d: Buffer) => (out += d.toString()))
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString()
        if (phase === 'init' && err.includes(PYTHON_INIT_DONE)) {
          phase = 'invoke'
          err = err.replace(`${PYTHON_INIT_DONE}\n`, '')
          clearTimeout(timer)
          timer = setTimeout(() => child.kill('SIGKILL'), call.timeoutMs)
        }
      })
      child.on('error', (e) => {
        clearTimeout(timer)
        resolve({ ok: false, errorType: 'Emulator', errorMessage: `python3 is not available: ${e.message}` })
      })
      child.on('close', (code, signal) => {
        clearTimeout(timer)
        if (signal === 'SIGKILL' && phase === 'init') return resolve({ ok: false, errorType: 'Runtime.InitError', errorMessage: `the function's Init phase took longer than ${INIT_LIMIT_MS / 1000} seconds` })
        if (signal === 'SIGKILL') return resolve({ ok: false, errorType: 'Sandbox.Timedout', errorMessage: `Task timed out after ${(call.timeoutMs / 1000).toFixed(2)} seconds` })
        const last = out.trim().split('\n').pop() ?? ''
        try {
          const parsed = JSON.parse(last) as { ok: boolean; value?: Json; errorType?: string; errorMessage?: string }
          const logs = [...out.trim().split('\n').slice(0, -1), ...err.split('\n')].filter(Boolean)
          resolve(parsed.ok ? { ok: true, value: parsed.value ?? null, logs } : { ok: false, errorType: parsed.errorType ?? 'Error', errorMessage: parsed.errorMessage ?? '', logs })
        } catch {
          resolve({ ok: false, errorType: 'Runtime.ExitError', errorMessage: `python3 exited with ${code}: ${err.trim().split('\n').pop() ?? ''}` })
        }
      })
      child.stdin.end(JSON.stringify({ event: call.event, requestId: call.requestId, timeoutMs: call.timeoutMs, functionName: call.functionName }))
    })
  }

  async close(): Promise<void> {
    await Promise.all([...this.warm.values()].map((w) => w.worker.terminate()))
    this.warm.clear()
  }
}
