/** `export` verb: in-process with an in-memory CliIo, plus one real spawned `npm run --silent cli -- export`. */

import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import type { CliIo } from '../../cli/command'
import { runCli } from '../../cli/run'
import { serializeDocument } from '../../model/document/serialize'
import { seedDocument } from '../../model/seed'
import { exportDesign } from '..'
import { ROOT } from './checkDirs'

async function cli(argv: string[], files: Record<string, string>) {
  const out = { stdout: '', stderr: '' }
  const io: CliIo = {
    cwd: '/mem',
    stdout: (t) => void (out.stdout += t),
    stderr: (t) => void (out.stderr += t),
    readFile: (p) => {
      if (!(p in files)) throw new Error(`ENOENT: ${p}`)
      return files[p]
    },
    writeFile: (p, c) => void (files[p] = c),
    exists: (p) => p in files,
    listDir: () => undefined,
    mkdirp: () => undefined,
  }
  const code = await runCli(argv, io)
  return { code, ...out, files }
}

const seed = serializeDocument(seedDocument())
const expected = (options: Parameters<typeof exportDesign>[1]) => {
  const r = exportDesign(seedDocument(), options)
  if (!r.ok) throw new Error('export failed')
  return r
}

describe('cli export', () => {
  it('prints the template for cfn targets', async () => {
    for (const target of ['cfn-json', 'cfn-yaml'] as const) {
      const r = await cli(['export', 'd.yaml', '--target', target], { 'd.yaml': seed })
      expect(r.code).toBe(0)
      expect(r.stdout).toBe(expected({ target }).files[0].contents)
      expect(r.stderr).toBe('')
    }
  })

  it('prints the stack file for CDK targets, and the snippet with --snippet', async () => {
    const stack = await cli(['export', 'd.yaml', '--target', 'cdk-ts'], { 'd.yaml': seed })
    expect(stack.stdout).toBe(expected({ target: 'cdk-ts', shape: 'project' }).files.find((f) => f.path === 'lib/mywsapi-stack.ts')!.contents)
    const snippet = await cli(['export', 'd.yaml', '--target', 'cdk-py', '--snippet'], { 'd.yaml': seed })
    expect(snippet.stdout).toBe(expected({ target: 'cdk-py', shape: 'snippet' }).files[0].contents)
  })

  it('writes the whole project with -o', async () => {
    const r = await cli(['export', 'd.yaml', '--target', 'cdk-py', '-o', 'out'], { 'd.yaml': seed })
    expect(r.code).toBe(0)
    expect(Object.keys(r.files).filter((p) => p.startsWith('out/')).sort()).toEqual(
      ['out/.gitignore', 'out/app.py', 'out/cdk.json', 'out/mywsapi/__init__.py', 'out/mywsapi/mywsapi_stack.py', 'out/requirements.txt'],
    )
    expect(r.stdout).toBe('')
  })

  it('refuses a design with errors (exit 1, diagnostics on stderr) unless --force', async () => {
    const doc = seedDocument()
    doc.design.integrations.putItem.method = 'GET'
    const files = { 'bad.yaml': serializeDocument(doc) }
    const refused = await cli(['export', 'bad.yaml', '--target', 'cfn-json'], { ...files })
    expect(refused.code).toBe(1)
    expect(refused.stdout).toBe('')
    expect(refused.stderr).toMatch(/^bad\.yaml:\d+:\d+ error MDL013 /m)
    const forced = await cli(['export', 'bad.yaml', '--target', 'cfn-json', '--force'], { ...files })
    expect(forced.code).toBe(0)
    expect(JSON.parse(forced.stdout).Resources).toBeDefined()
  })

  it('bad usage and unreadable files exit 2; unparsable designs exit 1', async () => {
    expect((await cli(['export', 'd.yaml'], { 'd.yaml': seed })).code).toBe(2)
    expect((await cli(['export', 'd.yaml', '--target', 'cdk-java'], { 'd.yaml': seed })).code).toBe(2)
    expect((await cli(['export', 'missing.yaml', '--target', 'cfn-json'], {})).code).toBe(2)
    expect((await cli(['export', 'x.yaml', '--target', 'cfn-json'], { 'x.yaml': 'not: a design' })).code).toBe(1)
  })

  it('runs as a real process through npm', () => {
    const r = spawnSync('npm', ['run', '--silent', 'cli', '--', 'export', 'examples/seed.yaml', '--target', 'cfn-json'], { cwd: ROOT, encoding: 'utf8' })
    expect(r.status, r.stderr).toBe(0)
    expect(Object.keys(JSON.parse(r.stdout).Resources)).toContain('mywsapi32E6CE11')
  }, 60_000)
})
