import { describe, expect, it } from 'vitest'
import { serializeDocument } from '../../model/document/serialize'
import { seedDocument } from '../../model/seed'
import { looksLikeCloudFormation, readShareFragment, shareUrl } from './fileIo'

describe('share links', () => {
  it('round-trips the design through the URL fragment', async () => {
    const doc = seedDocument()
    const url = await shareUrl(doc, 'https://example.test/app/?x=1#old')
    expect(url.startsWith('https://example.test/app/?x=1#design=')).toBe(true)
    const parsed = await readShareFragment(url.slice(url.indexOf('#')))
    expect(parsed?.ok).toBe(true)
    if (parsed?.ok) expect(serializeDocument(parsed.document)).toBe(serializeDocument(doc))
  })

  it('reports a damaged link instead of throwing, and ignores other fragments', async () => {
    const parsed = await readShareFragment('#design=not-base64-deflate!!')
    expect(parsed?.ok).toBe(false)
    expect(await readShareFragment('#other')).toBeUndefined()
  })
})

describe('looksLikeCloudFormation', () => {
  it('tells templates from design files', () => {
    expect(looksLikeCloudFormation('Resources:\n  Api:\n    Type: AWS::ApiGatewayV2::Api\n')).toBe(true)
    expect(looksLikeCloudFormation('{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {}}')).toBe(true)
    expect(looksLikeCloudFormation(serializeDocument(seedDocument()))).toBe(false)
    expect(looksLikeCloudFormation('hello: world')).toBe(false)
  })
})
