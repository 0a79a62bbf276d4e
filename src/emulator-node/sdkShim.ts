/**
 * A stand-in `@aws-sdk/client-apigatewaymanagementapi` package in the Lambda cache folder, next to every function's
 * code, so that Node's own module resolution (nearest `node_modules` first) gives it to the function for both
 * `require` and `import`. It re-exports the real SDK and wraps its two clients so the usual
 * `endpoint: https://${domainName}/${stage}` reaches the emulator's @connections over plain HTTP on loopback.
 * The worker's bootstrap tells it where @connections is (a global keyed by a registered symbol).
 */

import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

const require = createRequire(import.meta.url)
export const SDK_NAME = '@aws-sdk/client-apigatewaymanagementapi'
/** Where the bootstrap puts `{domainName, localEndpoint}` for the stand-in. */
export const ENDPOINT_KEY = 'socket-studio.emulator.connections'

export function resolveSdk(): string | undefined {
  try {
    return require.resolve(SDK_NAME)
  } catch {
    return undefined
  }
}

/** CommonJS wrapper around the real client (its path baked in). */
function cjsSource(realPath: string): string {
  return `'use strict'
const real = require(${JSON.stringify(realPath)})
function rewrite(endpoint) {
  const where = globalThis[Symbol.for(${JSON.stringify(ENDPOINT_KEY)})]
  if (!where || endpoint === undefined) return endpoint
  const text = typeof endpoint === 'string' ? endpoint : endpoint && endpoint.hostname ? (endpoint.protocol || 'https:') + '//' + endpoint.hostname + (endpoint.port ? ':' + endpoint.port : '') + (endpoint.path || '') : undefined
  if (!text) return endpoint
  for (const scheme of ['https://', 'http://']) {
    if (text.startsWith(scheme + where.domainName)) return where.localEndpoint + text.slice((scheme + where.domainName).length)
  }
  return endpoint
}
class ApiGatewayManagementApiClient extends real.ApiGatewayManagementApiClient {
  constructor(config = {}) { super({ region: process.env.AWS_REGION, ...config, endpoint: rewrite(config.endpoint) }) }
}
class ApiGatewayManagementApi extends real.ApiGatewayManagementApi {
  constructor(config = {}) { super({ region: process.env.AWS_REGION, ...config, endpoint: rewrite(config.endpoint) }) }
}
module.exports = { ...real, ApiGatewayManagementApiClient, ApiGatewayManagementApi }
`
}

/** ESM face of the same wrapper: named exports listed from the real module, so `import {X} from` works. */
function esmSource(names: string[]): string {
  return `import cjs from './index.cjs'
export const { ${names.join(', ')} } = cjs
export default cjs
`
}

/** Writes the stand-in package under `<cacheRoot>/node_modules` (once per content). Returns false without the real SDK. */
export function writeSdkShim(cacheRoot: string, realPath: string | undefined): boolean {
  if (!realPath) return false
  const names = Object.keys(require(realPath) as object).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== 'default')
  const dir = join(cacheRoot, 'node_modules', ...SDK_NAME.split('/'))
  const files: Record<string, string> = {
    'package.json': `${JSON.stringify({ name: SDK_NAME, private: true, exports: { import: './index.mjs', require: './index.cjs' } }, null, 2)}\n`,
    'index.cjs': cjsSource(realPath),
    'index.mjs': esmSource(names),
  }
  mkdirSync(dir, { recursive: true })
  for (const [name, text] of Object.entries(files)) {
    const path = join(dir, name)
    if (existsSync(path) && readFileSync(path, 'utf8') === text) continue
    // Written aside and renamed: another serve (a parallel test) may be loading the same file.
    const temp = `${path}.${process.pid}.tmp`
    writeFileSync(temp, text)
    renameSync(temp, path)
  }
  return true
}
