/**
 * Kinesis stream mode, retention and encryption (issue 9 item 13): an on-demand stream exported with a shard count,
 * and an explicit encryption merged into CDK's `Fn::If` object, were both wrong. The corpus
 * (`KinesisStreamShapes`, `kinesis-modes.yaml`) proves these shapes through real synth; these tests pin the
 * model, the import and the CloudFormation that each design writes.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importTemplateSync } from '../../import'
import { checkDocument } from '../../model/checks'
import { seedDocument } from '../../model/seed'
import type { DesignDocument, KinesisStream as KinesisBody, Resource } from '../../model/types'

type KinesisStream = KinesisBody & Resource
import { exportDesign } from '../index'

type Props = Record<string, unknown>

function withStream(stream: Omit<KinesisBody, 'type'>): DesignDocument {
  const doc = seedDocument()
  doc.design.resources.stream = { type: 'kinesis-stream', ...stream }
  return doc
}

function streamProps(doc: DesignDocument, target: 'cfn-json' | 'cdk-ts' = 'cfn-json'): { props: Props; text: string; conditions: Props } {
  const out = exportDesign(doc, { target })
  if (!out.ok) throw new Error(JSON.stringify(out.diagnostics))
  const text = out.files.find((f) => f.path === out.mainFile)!.contents
  if (target !== 'cfn-json') return { props: {}, text, conditions: {} }
  const t = JSON.parse(text) as { Resources: Record<string, { Type: string; Properties: Props }>; Conditions?: Props }
  return { props: Object.values(t.Resources).find((r) => r.Type === 'AWS::Kinesis::Stream')!.Properties, text, conditions: t.Conditions ?? {} }
}

const codes = (doc: DesignDocument) => checkDocument(doc).map((d) => d.code)

describe('Kinesis streams', () => {
  it('an on-demand stream has no shard count, and its mode and retention are written', () => {
    const { props } = streamProps(withStream({ streamMode: 'ON_DEMAND', retentionPeriodHours: 48 }))
    expect(props.ShardCount).toBeUndefined()
    expect(props.StreamModeDetails).toEqual({ StreamMode: 'ON_DEMAND' })
    expect(props.RetentionPeriodHours).toBe(48)
  })

  it('a provisioned stream keeps CDK defaults: one shard, 24 hours, the managed key outside China through a condition', () => {
    const { props, conditions } = streamProps(withStream({}))
    expect(props).toMatchObject({ ShardCount: 1, RetentionPeriodHours: 24 })
    expect(props.StreamEncryption).toEqual({ 'Fn::If': ['AwsCdkKinesisEncryptedStreamsUnsupportedRegions', { Ref: 'AWS::NoValue' }, { EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' }] })
    expect(conditions).toHaveProperty('AwsCdkKinesisEncryptedStreamsUnsupportedRegions')
  })

  it('explicit encryption is a plain object, never merged into the condition', () => {
    expect(streamProps(withStream({ encryption: 'managed' })).props.StreamEncryption).toEqual({ EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' })
    expect(streamProps(withStream({ encryption: 'none' })).props.StreamEncryption).toBeUndefined()
    const kms = streamProps(withStream({ encryption: 'kms', kmsKeyId: 'alias/ws-events' }))
    expect(kms.props.StreamEncryption).toEqual({ EncryptionType: 'KMS', KeyId: 'alias/ws-events' })
    expect(kms.conditions).not.toHaveProperty('AwsCdkKinesisEncryptedStreamsUnsupportedRegions')
  })

  it('CDK code uses the L2 props, and sets a customer key id on the L1', () => {
    const { text } = streamProps(withStream({ streamMode: 'ON_DEMAND', retentionPeriodHours: 48, encryption: 'kms', kmsKeyId: 'alias/ws-events' }), 'cdk-ts')
    expect(text).toContain('streamMode: kinesis.StreamMode.ON_DEMAND')
    expect(text).toContain('retentionPeriod: Duration.hours(48)')
    expect(text).toContain('encryption: kinesis.StreamEncryption.MANAGED')
    expect(text).toMatch(/addPropertyOverride\('StreamEncryption\.KeyId', 'alias\/ws-events'\)/)
  })

  it('checks: a shard count on an on-demand stream and KMS without a key are errors; an unused key is a warning', () => {
    expect(codes(withStream({ streamMode: 'ON_DEMAND', shardCount: 2 }))).toContain('MDL082')
    expect(codes(withStream({ encryption: 'kms' }))).toContain('MDL083')
    expect(codes(withStream({ encryption: 'managed', kmsKeyId: 'alias/x' }))).toContain('MDL084')
    expect(codes(withStream({ streamMode: 'ON_DEMAND', encryption: 'kms', kmsKeyId: 'alias/x' })).filter((c) => /^MDL08[2-4]$/.test(c))).toEqual([])
  })

  it('import reads mode, retention and each encryption shape; other shapes stay verbatim and own the property', () => {
    const r = importTemplateSync(readFileSync(join(__dirname, '../../import/__corpus__/templates/kinesis-modes.yaml'), 'utf8'))
    if (!r.ok) throw new Error(JSON.stringify(r.errors))
    const streams = Object.values(r.document.design.resources).filter((x): x is KinesisStream => x.type === 'kinesis-stream')
    expect(streams).toHaveLength(3)
    expect(streams.find((s) => s.streamName === 'ws-events')).toMatchObject({ streamMode: 'ON_DEMAND', encryption: 'kms', kmsKeyId: 'alias/ws-events' })
    expect(streams.find((s) => s.retentionPeriodHours === 168)).toMatchObject({ shardCount: 2, encryption: 'none' })
    const verbatim = streams.find((s) => s.cfnExtra?.StreamEncryption !== undefined)
    expect(verbatim?.encryption).toBe('none')
    // Exported, the verbatim Fn::If is the whole property: nothing of the L2's own is merged into it.
    const out = exportDesign(r.document, { target: 'cfn-json' })
    if (!out.ok) throw new Error(JSON.stringify(out.diagnostics))
    const t = JSON.parse(out.files[0].contents) as { Resources: Record<string, { Type: string; Properties: Props }> }
    const encryptions = Object.values(t.Resources).filter((x) => x.Type === 'AWS::Kinesis::Stream').map((x) => x.Properties.StreamEncryption)
    expect(encryptions).toContainEqual({ 'Fn::If': ['ShouldEncrypt', { EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' }, { Ref: 'AWS::NoValue' }] })
  })
})
