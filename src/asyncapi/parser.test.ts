/**
 * Every example and every golden design exports an AsyncAPI document the AsyncAPI project's own parser
 * (`@asyncapi/parser`, a devDependency: it never reaches the browser bundle) reads with zero errors and zero
 * warnings. Information and hints (e.g. "3.1.0 exists") are allowed: the issue asks for 3.0.
 */

import { Parser } from '@asyncapi/parser'
import { describe, expect, it } from 'vitest'
import { runCli } from '../cli/run'
import { testIo } from '../cli/testIo'
import { goldenCases } from '../export/__tests__/goldenSupport'
import { exportAsyncApi } from './exportAsyncApi'
import { printAsyncApi } from './print'

// DiagnosticSeverity of @stoplight/types: 0 error, 1 warning, 2 information, 3 hint.
const ERROR_OR_WARNING = new Set([0, 1])
const parser = new Parser()

async function problems(text: string): Promise<string[]> {
  const { diagnostics } = await parser.parse(text)
  return diagnostics.filter((d) => ERROR_OR_WARNING.has(d.severity)).map((d) => `${d.code} ${d.message} at ${d.path.join('.')}`)
}

describe('@asyncapi/parser accepts every exported document', () => {
  const cases = goldenCases()
  it('covers the examples and the golden designs', () => {
    expect(cases.filter((c) => c.name.startsWith('example-')).length).toBeGreaterThanOrEqual(5)
    expect(cases.length).toBeGreaterThan(10)
  })
  // One parse per case (a parse costs seconds on a loaded machine): YAML for all, JSON for the examples.
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const doc = exportAsyncApi(c.document.design)
    expect(await problems(printAsyncApi(doc, c.name.startsWith('example-') ? 'json' : 'yaml'))).toEqual([])
  }, 30_000)
})

describe('export --target asyncapi', () => {
  it('prints YAML by default and JSON with --format json', async () => {
    const yaml = testIo()
    expect(await runCli(['export', 'examples/mock-ping.yaml', '--target', 'asyncapi'], yaml.io)).toBe(0)
    expect(yaml.stdout()).toMatch(/^asyncapi: 3\.0\.0\n/)
    const json = testIo()
    expect(await runCli(['export', 'examples/mock-ping.yaml', '--target', 'asyncapi', '--format', 'json'], json.io)).toBe(0)
    expect(JSON.parse(json.stdout())).toMatchObject({ asyncapi: '3.0.0', operations: { ping: { action: 'receive' } } })
  })
  it('refuses --format with another target (exit 2)', async () => {
    const t = testIo()
    expect(await runCli(['export', 'examples/mock-ping.yaml', '--target', 'cfn-json', '--format', 'json'], t.io)).toBe(2)
    expect(t.stderr()).toContain('--format')
  })
})
