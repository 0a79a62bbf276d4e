/**
 * Runs the design's Lambda functions for `serve`: Node runtimes in a worker thread per function (kept warm like a
 * Lambda execution environment), Python runtimes with `python3` (one process per invocation), both with the
 * function's environment and the variables the Lambda runtime sets (AWS docs, "Defined runtime environment variables").
 * Code is the design's inline code, written to a cache folder inside the project so `require` of the project's
 * packages (the AWS SDK) resolves.
 */

import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { LambdaInvocation, LambdaResult } from '../emulator'
import type { Json } from '../model/types'
import { LAMBDA_BOOTSTRAP } from './lambdaBootstrap'
import { PYTHON_BOOTSTRAP } from './pythonBootstrap'

const require = createRequire(import.meta.url)

function resolveSdk(): string | undefined {
  try {
    return require.resolve('@aws-sdk/client-apigatewaymanagementapi')
  } catch {
    return undefined
  }
}

/** The folder holding node_modules (where Lambda files go, so bare imports resolve). */
function projectRoot(sdk: string | undefined): string {
  if (sdk) {
    const i = sdk.lastIndexOf(`${'/'}node_modules${'/'}`)
    if (i > 0) return sdk.slice(0, i)
  }
  return process.cwd()
}

export interface RunnerOptions {
  domainName: string
  /** `http://127.0.0.1:<port>`: where @connections really is. */
  localEndpoint: string
  region: string
  accountId: string
  /** Extra environment for every function (e.g. AWS_ENDPOINT_URL_DYNAMODB pointing at dynalite). */
  env?: Record<string, string>
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
  private nextId = 0
  constructor(private readonly opts: RunnerOptions) {}

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

  private writeCode(call: LambdaInvocation, ext: string): { file: string; hash: string } {
    const hash = createHash('sha256').update(call.fn.code).update(call.fn.handler).update(call.fn.runtime).digest('hex').slice(0, 16)
    const base = call.fn.handler.slice(0, call.fn.handler.lastIndexOf('.')) || 'index'
    const dir = join(this.root, '.cache', 'emulator', 'lambda', hash)
    const file = join(dir, `${base}${ext}`)
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, call.fn.code)
    if (ext === '.js') writeFileSync(join(dir, 'package.json'), '{"type":"commonjs"}\n')
    return { file, hash }
  }

  async invoke(call: LambdaInvocation): Promise<LambdaResult> {
    const runtime = call.fn.runtime
    if (runtime.startsWith('python')) return this.invokePython(call)
    if (!runtime.startsWith('nodejs')) return { ok: false, errorType: 'Emulator', errorMessage: `the emulator runs Node.js and Python functions; ${runtime} is not supported` }
    const isEsm = /^\s*(export|import)\s/m.test(call.fn.code)
    const codeHash = createHash('sha256').update(call.fn.code).update(call.fn.handler).digest('hex').slice(0, 16)
    let w = this.warm.get(call.functionId)
    if (w && w.codeHash !== codeHash) {
      void w.worker.terminate()
      this.warm.delete(call.functionId)
      w = undefined
    }
    if (!w) w = this.start(call, isEsm)
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

  private start(call: LambdaInvocation, isEsm: boolean): Warm {
    const { file, hash } = this.writeCode(call, isEsm ? '.mjs' : '.js')
    const worker = new Worker(LAMBDA_BOOTSTRAP, {
      eval: true,
      workerData: { file, handler: call.fn.handler, env: this.env(call), domainName: this.opts.domainName, localEndpoint: this.opts.localEndpoint, sdkPath: this.sdk, isEsm },
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

  private invokePython(call: LambdaInvocation): Promise<LambdaResult> {
    const { file } = this.writeCode(call, '.py')
    return new Promise((resolve) => {
      const child = spawn('python3', ['-c', PYTHON_BOOTSTRAP, file, call.fn.handler.slice(call.fn.handler.lastIndexOf('.') + 1)], { env: { ...process.env, ...this.env(call) }, stdio: ['pipe', 'pipe', 'pipe'] })
      let out = ''
      let err = ''
      const timer = setTimeout(() => child.kill('SIGKILL'), call.timeoutMs)
      child.stdout.on('data', (d: Buffer) => (out += d.toString()))
      child.stderr.on('data', (d: Buffer) => (err += d.toString()))
      child.on('error', (e) => {
        clearTimeout(timer)
        resolve({ ok: false, errorType: 'Emulator', errorMessage: `python3 is not available: ${e.message}` })
      })
      child.on('close', (code, signal) => {
        clearTimeout(timer)
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
