import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { expectedDir, generate, GOLDEN_DIR, goldenCases, readExpected, TARGET_IDS, UPDATE, variants, writeExpected } from './goldenSupport'
import { GOLDEN_CASES } from './goldenCases'

const cases = goldenCases()

describe('golden files (UPDATE_GOLDEN=1 rewrites them)', () => {
  for (const c of cases) {
    for (const target of TARGET_IDS) {
      for (const { label, options } of variants(target, c.document)) {
        it(`${c.name} → ${target} (${label})`, () => {
          const files = generate(c.document, options)
          const dir = expectedDir(c.name, target, label)
          if (UPDATE) writeExpected(dir, files)
          const expected = readExpected(dir)
          expect(Object.keys(expected).sort(), `golden files missing in ${dir}; run UPDATE_GOLDEN=1`).toEqual(files.map((f) => f.path).sort())
          for (const f of files) expect(f.contents, `${dir}/${f.path}`).toBe(expected[f.path])
        })
      }
    }
  }
})

describe('golden coverage', () => {
  it('every example and every own case has golden output for every target', () => {
    const missing: string[] = []
    for (const c of cases) {
      for (const target of TARGET_IDS) {
        const dir = join(GOLDEN_DIR, c.name, 'expected', target)
        if (!existsSync(dir) || !readdirSync(dir).length) missing.push(`${c.name}/${target}`)
      }
    }
    expect(missing).toEqual([])
  })

  it('there are examples, and every golden directory belongs to a current case', () => {
    expect(cases.some((c) => c.name.startsWith('example-'))).toBe(true)
    const names = new Set(cases.map((c) => c.name))
    const stale = readdirSync(GOLDEN_DIR).filter((d) => !names.has(d))
    expect(stale).toEqual([])
  })

  it('the own cases use every construct kind the exporter writes', () => {
    const types = new Set<string>()
    for (const c of cases) {
      const r = generate(c.document, { target: 'cfn-json' })
      const template = JSON.parse(r[0].contents) as { Resources: Record<string, { Type: string }> }
      for (const res of Object.values(template.Resources)) types.add(res.Type)
    }
    expect([...types].sort()).toEqual(
      [
        'AWS::ApiGatewayV2::Api', 'AWS::ApiGatewayV2::ApiMapping', 'AWS::ApiGatewayV2::Authorizer', 'AWS::ApiGatewayV2::Deployment',
        'AWS::ApiGatewayV2::DomainName', 'AWS::ApiGatewayV2::Integration', 'AWS::ApiGatewayV2::IntegrationResponse',
        'AWS::ApiGatewayV2::Model', 'AWS::ApiGatewayV2::Route', 'AWS::ApiGatewayV2::RouteResponse', 'AWS::ApiGatewayV2::Stage',
        'AWS::DynamoDB::Table', 'AWS::Events::EventBus', 'AWS::IAM::Policy', 'AWS::IAM::Role', 'AWS::Kinesis::Stream',
        'AWS::Lambda::Function', 'AWS::Lambda::Permission', 'AWS::Lambda::Version', 'AWS::Logs::LogGroup', 'AWS::SNS::Topic', 'AWS::SQS::Queue',
        'AWS::SSM::Parameter', 'AWS::StepFunctions::StateMachine',
      ].sort(),
    )
    expect(Object.keys(GOLDEN_CASES).length).toBeGreaterThanOrEqual(8)
  })
})
