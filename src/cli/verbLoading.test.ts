/**
 * Issue 11, "load only what a verb needs": each verb, run as a real process through scripts/cli.cjs, loads no
 * package it does not use. The browser-only libraries never; the emulator's servers only for `serve`; the AsyncAPI
 * import side (@asyncapi/converter and the spec validator with its own Ajv) only for `import` of an AsyncAPI
 * document. Timing lives in `npm run bench cli`; this pins the structure that the timing depends on.
 */

import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { exportDesign } from '../export'
import { seedDocument } from '../model/seed'

const root = resolve(__dirname, '../..')
const NEVER = ['react', 'react-dom', 'zustand', 'monaco-editor', '@xyflow/react', 'elkjs', 'fflate']
const EMULATOR = ['ws', 'dynalite', 'kinesalite', '@aws-sdk/client-apigatewaymanagementapi']
const ASYNCAPI_IMPORT = ['@asyncapi/converter', '@asyncapi/parser', '@asyncapi/specs']

function packagesLoaded(args: string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'ss-verbs-'))
  const record = join(dir, 'packages.txt')
  writeFileSync(record, '')
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(join(__dirname, '__fixtures__/recordPackages.mjs')).href, join(root, 'scripts/cli.cjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, SOCKET_STUDIO_RECORD_PACKAGES: record },
    timeout: 60_000,
  })
  expect(r.status, r.stderr).toBe(0)
  return readFileSync(record, 'utf8').split('\n').filter(Boolean)
}

describe('each CLI verb loads only what it needs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ss-verb-files-'))
  const template = join(dir, 'seed.template.json')
  const exported = exportDesign(seedDocument(), { target: 'cfn-json' })
  if (!exported.ok) throw new Error('the seed does not export')
  writeFileSync(template, exported.files[0].contents)
  const message = join(dir, 'message.json')
  writeFileSync(message, '{"action": "hello"}')
  const vtl = join(dir, 'template.vtl')
  writeFileSync(vtl, '{"id": "$context.connectionId"}')

  const verbs: [string, string[]][] = [
    ['--help', ['--help']],
    ['import', ['import', template]],
    ['validate', ['validate', 'examples/seed.yaml']],
    ['export --target cfn-json', ['export', 'examples/seed.yaml', '--target', 'cfn-json']],
    ['export --target cfn-yaml', ['export', 'examples/seed.yaml', '--target', 'cfn-yaml']],
    ['export --target cdk-ts', ['export', 'examples/seed.yaml', '--target', 'cdk-ts']],
    ['export --target cdk-py', ['export', 'examples/seed.yaml', '--target', 'cdk-py']],
    ['export --target asyncapi', ['export', 'examples/seed.yaml', '--target', 'asyncapi']],
    ['route', ['route', 'examples/seed.yaml', '--message', message, '--route', '$connect']],
    ['render', ['render', vtl, '--body', message]],
  ]
  it.each(verbs)('%s loads no browser, emulator or AsyncAPI-import package', (_label, args) => {
    const loaded = packagesLoaded(args)
    for (const p of [...NEVER, ...EMULATOR, ...ASYNCAPI_IMPORT]) expect(loaded, `${p} was loaded`).not.toContain(p)
  })

  it('importing an AsyncAPI 2 document loads @asyncapi/converter (so the recorder sees loads), and no elkjs', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ss-verb-out-')), 'design.yaml')
    const loaded = packagesLoaded(['import', 'src/asyncapi/__corpus__/legacy-2x-chat.yaml', '-o', out])
    expect(loaded).toContain('@asyncapi/converter')
    for (const p of [...NEVER, ...EMULATOR]) expect(loaded, `${p} was loaded`).not.toContain(p)
  })
})
