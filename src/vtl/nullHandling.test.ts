/**
 * README.md "Null handling": the preview renders stock Velocity 1.7; the open hypothesis (API Gateway installs the
 * "empty string for null" handler) is rendered too, and the message tester says when this message's output would
 * differ (VTL031). Sources: LocalStack's AWS-validated `test_apigateway_common` snapshots (null prints nothing,
 * `null == ""`), issue 10's recordings (`$foo.bar != ''` is false for an undefined `$foo`).
 */
import { describe, expect, it } from 'vitest'
import { aDesign } from '../model/builders'
import { renderTemplate } from './render'
import { testMessage } from './testMessage'

describe('null handling', () => {
  it('both hypotheses agree on what AWS recorded', () => {
    for (const nullAsEmpty of [false, true]) {
      expect(renderTemplate("[$input.path('$.missing')]#if($nope == '')T#end#if($foo.bar != '')X#end", { body: '{}', nullAsEmpty })).toMatchObject({ ok: true, output: '[]T' })
    }
  })

  it('stock Velocity 1.7: #if of a null is false and #set to null keeps the old value; the hypothesis differs', () => {
    const t = "#set($a = 'old')#set($a = $input.path('$.missing'))[$a]#if($input.path('$.missing'))T#{else}F#end"
    expect(renderTemplate(t, { body: '{}' })).toMatchObject({ ok: true, output: '[old]F' })
    expect(renderTemplate(t, { body: '{}', nullAsEmpty: true })).toMatchObject({ ok: true, output: '[]T' })
  })

  it('the message tester says when this message depends on it, and only then', () => {
    const template = "{\"statusCode\": 200#if($input.path('$.vip')), \"vip\": true#end}"
    const design = aDesign('api').withIntegration('m', { type: 'mock', requestTemplates: { $default: template } }).withRoute('r', { key: '$default', integration: 'm' }).build()
    const open = testMessage(design, { message: '{"action":"x"}' })
    expect(open.request?.body).toBe('{"statusCode": 200}')
    expect(open.diagnostics).toContainEqual(expect.objectContaining({ code: 'VTL031', severity: 'info', entity: 'm' }))
    const settled = testMessage(design, { message: '{"action":"x","vip":true}' })
    expect(settled.diagnostics.map((d) => d.code)).not.toContain('VTL031')
  })
})
