import * as fs from 'node:fs'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { exportDesign } from '../export'
import { runCli } from '../cli/run'
import { testIo } from '../cli/testIo'
import { parseDocument } from '../model/document/parse'
import { fixtureDir, fixtureTemplate, handwrittenTemplate } from './__fixtures__/fixtures'

beforeAll(() => {
  fixtureDir()
}, 60_000)

describe('cli import', () => {
  it('writes the design YAML to stdout, a summary to stderr, exit 0', async () => {
    const t = testIo({ 'chat.template.json': fixtureTemplate('ChatStack') })
    expect(await runCli(['import', 'chat.template.json'], t.io)).toBe(0)
    const parsed = parseDocument(t.stdout())
    expect(parsed.ok).toBe(true)
    expect(t.stderr()).toMatch(/imported ChatApiD29796E1: 15 resources modelled, 9 recognised as generated, 0 kept verbatim, 0 skipped/)
  })

  it('-o writes the file; an existing file needs --force', async () => {
    const t = testIo({ 'h.yaml': handwrittenTemplate() })
    expect(await runCli(['import', 'h.yaml', '-o', 'design.yaml'], t.io)).toBe(0)
    expect(parseDocument(t.written['design.yaml']).ok).toBe(true)
    expect(t.stdout()).toBe('')
    expect(t.stderr()).toContain('IMP023')
    expect(await runCli(['import', 'h.yaml', '-o', 'design.yaml'], t.io)).toBe(1)
    expect(await runCli(['import', 'h.yaml', '-o', 'design.yaml', '--force'], t.io)).toBe(0)
  })

  it('says what is wrong with the input (line and column) before refusing to overwrite', async () => {
    const t = testIo({ 'bad.json': '{"Resources": {"A": [1,}}', 'design.yaml': 'kept' })
    expect(await runCli(['import', 'bad.json', '-o', 'design.yaml'], t.io)).toBe(1)
    expect(t.stderr()).toMatch(/^bad\.json:1:\d+ error IMP001 /)
    expect(t.stderr()).not.toContain('exists')
    expect(t.written['design.yaml']).toBeUndefined()
  })

  it('several APIs: exit 1 with the choices; --api picks one', async () => {
    const t = testIo({ 'auth.json': fixtureTemplate('AuthStack') })
    expect(await runCli(['import', 'auth.json'], t.io)).toBe(1)
    expect(t.stderr()).toContain('IMP008')
    expect(t.stderr()).toContain('--api IamApi23076CC5')
    const u = testIo({ 'auth.json': fixtureTemplate('AuthStack') })
    expect(await runCli(['import', 'auth.json', '--api', 'IamApi23076CC5'], u.io)).toBe(0)
    expect(u.stdout()).toContain('name: IamApi')
  })

  it('exit 1 with file:line:col for a template it cannot import; 2 for unreadable input or bad usage', async () => {
    const t = testIo({ 'bad.yaml': 'Resources:\n  A: [1,\n' })
    expect(await runCli(['import', 'bad.yaml'], t.io)).toBe(1)
    expect(t.stderr()).toMatch(/^bad\.yaml:3:\d+ error IMP001 /)
    const n = testIo()
    expect(await runCli(['import', 'does-not-exist.json'], n.io)).toBe(2)
    expect(n.stderr()).toContain('cannot read')
    expect(await runCli(['import'], n.io)).toBe(2)
    expect(await runCli(['import', 'a', '--bogus'], n.io)).toBe(2)
  })
})

describe('cli import of a cdk.out folder with asset code (issue 9 item 8)', () => {
  it('reads the template in the folder, and keeps the function code as its asset folder, relative to the design', async () => {
    const cdkOut = join(fixtureDir(), 'assets')
    const t = testIo()
    const out = join(cdkOut, '..', 'design', 'asset.yaml')
    expect(await runCli(['import', cdkOut, '-o', out], t.io)).toBe(0)
    const parsed = parseDocument(t.written[out])
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
    const fn = Object.values(parsed.document.design.resources).find((r) => r.type === 'lambda-function')
    if (fn?.type !== 'lambda-function') throw new Error('no function imported')
    // The staged copy CDK wrote into cdk.out, named by its content hash, seen from the design file's folder.
    expect(fn.codeAsset).toMatch(/^\.\.\/assets\/asset\.[0-9a-f]{64}$/)
    expect(fn.code).toBe('')
    expect(readFileSync(join(cdkOut, '..', 'design', fn.codeAsset!, 'index.js'), 'utf8')).toContain('exports.handler')
    expect(t.stderr()).toContain(`code from the asset folder ${fn.codeAsset}`)
    // CDK's own asset metadata is CDK's to write again, not the user's.
    expect(JSON.stringify(parsed.document.design)).not.toContain('aws:asset:')
    const ts = exportDesign(parsed.document, { target: 'cdk-ts' })
    if (!ts.ok) throw new Error(JSON.stringify(ts.diagnostics))
    expect(ts.files.find((f) => f.path === ts.mainFile)!.contents.replace(/\s+/g, '')).toContain(`Code.fromAsset('${fn.codeAsset}'`)
  })

  it('a folder without a WebSocket template says so (exit 2)', async () => {
    const t = testIo()
    expect(await runCli(['import', join(fixtureDir(), 'assets', fs.readdirSync(join(fixtureDir(), 'assets')).find((n) => n.startsWith('asset.'))!)], t.io)).toBe(2)
    expect(t.stderr()).toMatch(/is a folder with no \*\.template\.json that holds a WebSocket API/)
  })
})
