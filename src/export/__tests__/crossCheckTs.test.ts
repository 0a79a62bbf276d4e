/**
 * Proof for the CDK TypeScript target: every generated stack and snippet type-checks against the real
 * aws-cdk-lib types, every stack synthesizes (library `App.synth()`, CDK_VALIDATION=false), and the
 * synthesized template equals the cfn-json export of the same design resource by resource.
 * Intended differences, removed by normalizeTemplate: CDK writes `Fn::Join` where we write `Fn::Sub`, and
 * adds the bootstrap-version parameter and rule; we add AWSTemplateFormatVersion.
 */

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { seedDocument } from '../../model/seed'
import { exportDesign } from '..'
import { freshDir, removeDir, ROOT, run } from './checkDirs'
import { crossCases, type CrossCase } from './crossCheckSupport'
import { checkTypeScript, type TsCheckResult } from './synthTs'
import { diffTemplates } from './templateCompare'

let cases: CrossCase[]
let result: TsCheckResult

beforeAll(() => {
  cases = crossCases()
  result = checkTypeScript(
    cases.map((c) => ({ name: c.name, stackFile: c.tsStack, stackClass: c.stackClass, stackName: c.stackName, snippets: c.tsSnippets })),
  )
}, 300_000)

describe('generated CDK TypeScript', () => {
  it('type-checks (tsc --strict over every stack and snippet)', () => {
    expect(result.tscOutput).toBe('')
    expect(result.tscStatus).toBe(0)
  })

  it('covers every golden case', () => {
    expect(Object.keys(result.templates).sort()).toEqual(cases.map((c) => c.name).sort())
  })

  it.each(crossCases().map((c) => c.name))('%s synthesizes to the cfn-json export', (name) => {
    const c = cases.find((x) => x.name === name)!
    const synth = result.templates[name]
    expect(synth?.error, result.synthOutput).toBeUndefined()
    expect(diffTemplates(c.template as never, synth.template as never)).toEqual([])
  })
})

describe('CDK TypeScript project', () => {
  it('the seed project synthesizes through its own bin/ entry point to the cfn-json resources and type-checks with its tsconfig', () => {
    const doc = seedDocument()
    const project = exportDesign(doc, { target: 'cdk-ts', shape: 'project' })
    const template = exportDesign(doc, { target: 'cfn-json' })
    if (!project.ok || !template.ok) throw new Error('export failed')
    const dir = freshDir('ts-project')
    for (const f of project.files) {
      mkdirSync(dirname(join(dir, f.path)), { recursive: true })
      writeFileSync(join(dir, f.path), f.contents)
    }
    // The project is CommonJS like `cdk init`; node_modules resolve from the repository root.
    const cdkJson = JSON.parse(readFileSync(join(dir, 'cdk.json'), 'utf8')) as { app: string }
    expect(cdkJson.app).toBe('npx tsx bin/mywsapi.ts')
    const out = join(dir, 'cdk.out')
    const r = run(join(ROOT, 'node_modules', '.bin', 'tsx'), ['bin/mywsapi.ts'], { cwd: dir, env: { CDK_OUTDIR: out, CDK_VALIDATION: 'false' } })
    expect(r.status, r.output).toBe(0)
    const synthesized = JSON.parse(readFileSync(join(out, 'MywsapiStack.template.json'), 'utf8'))
    expect(diffTemplates(JSON.parse(template.files[0].contents), synthesized)).toEqual([])
    // The project's own tsconfig (NodeNext, strict, CommonJS like `cdk init`) accepts its files.
    const tsc = run(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', join(dir, 'tsconfig.json')])
    expect(tsc.output).toBe('')
    removeDir(dir)
  }, 120_000)
})
