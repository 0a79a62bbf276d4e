/**
 * A Lambda integration whose invocation URI import kept as CloudFormation (it names a function the design
 * does not model, such as an AWS::Serverless::Function kept verbatim) exports as `CfnIntegration` with the
 * URI as written, in every target, instead of EXP006 (issue 9, item 11). The synthesized proof is the
 * `sam-websocket.yaml` case of the import corpus.
 */

import { describe, expect, it } from 'vitest'
import { emptyDesign } from '../../model/builders'
import { exportDesign } from '..'

const URI = { 'Fn::Sub': 'arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${OnConnect.Arn}/invocations' }

function design() {
  const d = emptyDesign('sam')
  d.integrations.connect = { type: 'lambda-proxy', constructId: 'ConnectInteg', cfnExtra: { IntegrationUri: URI } }
  d.routes.connectRoute = { key: '$connect', integration: 'connect' }
  d.stages.dev = { name: 'dev', autoDeploy: true }
  return { design: d, layout: {} }
}

describe('Lambda integration with a verbatim URI', () => {
  it('keeps the URI in the template and generates no permission (the template owns it)', () => {
    const r = exportDesign(design(), { target: 'cfn-json' })
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics))
    const resources = Object.values(JSON.parse(r.files[0].contents).Resources) as { Type: string; Properties: Record<string, unknown> }[]
    const integration = resources.find((x) => x.Type === 'AWS::ApiGatewayV2::Integration')
    expect(integration?.Properties).toMatchObject({ IntegrationType: 'AWS_PROXY', IntegrationUri: URI })
    expect(resources.filter((x) => x.Type === 'AWS::Lambda::Permission')).toEqual([])
  })

  it.each(['cdk-ts', 'cdk-py'] as const)('%s writes a CfnIntegration with the URI as an override', (target) => {
    const r = exportDesign(design(), { target })
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics))
    expect(r.files[0].contents).toMatch(/apigwv2\.CfnIntegration\(/)
    expect(r.files[0].contents).toMatch(/add_property_override\(|addPropertyOverride\(/)
    expect(r.files[0].contents).not.toMatch(/WebSocketLambdaIntegration/)
  })
})
