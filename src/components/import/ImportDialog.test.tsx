// @vitest-environment happy-dom
import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { DesignDocument } from '../../model/types'
import { ImportDialog } from './ImportDialog'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

const api = (id: string, name: string) => `
  ${id}:
    Type: AWS::ApiGatewayV2::Api
    Properties: {Name: ${name}, ProtocolType: WEBSOCKET, RouteSelectionExpression: $request.body.action}
  ${id}Mock:
    Type: AWS::ApiGatewayV2::Integration
    Properties: {ApiId: !Ref ${id}, IntegrationType: MOCK}
  ${id}Route:
    Type: AWS::ApiGatewayV2::Route
    Properties: {ApiId: !Ref ${id}, RouteKey: $default, Target: !Sub 'integrations/\${${id}Mock}'}`

const ONE = `Resources:${api('Api', 'one')}
  Topic:
    Type: AWS::SNS::Topic
  Broken:
    Type: AWS::SNS::Topic
    Properties: {DisplayName: !Ref Nowhere}
`
const TWO = `Resources:${api('First', 'first')}${api('Second', 'second')}\n`

let host: HTMLDivElement
let root: Root

beforeEach(() => {
  host = document.createElement('div')
  document.body.appendChild(host)
  root = createRoot(host)
})
afterEach(() => {
  act(() => root.unmount())
  host.remove()
})

const q = (id: string) => host.querySelector(`[data-testid="${id}"]`)

async function until(id: string): Promise<Element> {
  for (let i = 0; i < 200; i++) {
    const el = q(id)
    if (el) return el
    await act(() => new Promise((r) => setTimeout(r, 10)))
  }
  throw new Error(`${id} did not appear; dialog shows: ${host.textContent}`)
}

function render(file: File, onImport = vi.fn(), onClose = vi.fn()) {
  act(() => root.render(<ImportDialog open onClose={onClose} onImport={onImport} initialFile={file} />))
  return { onImport, onClose }
}

describe('ImportDialog', () => {
  it('imports a file, shows the summary (imported / kept verbatim / skipped) and hands over the document on confirm', async () => {
    const { onImport } = render(new File([ONE], 'one.yaml'))
    const summary = await until('import.summary')
    expect(q('import.summary.imported')?.getAttribute('data-count')).toBe('3')
    expect(q('import.summary.verbatim')?.getAttribute('data-count')).toBe('1')
    expect(q('import.summary.skipped')?.getAttribute('data-count')).toBe('1')
    expect(summary.textContent).toContain('Broken')
    expect(q('import.warnings')?.textContent).toContain('IMP005')
    const confirm = q('import.confirm') as HTMLButtonElement
    expect(confirm.disabled).toBe(false)
    act(() => confirm.click())
    expect(onImport).toHaveBeenCalledTimes(1)
    const doc = onImport.mock.calls[0][0] as DesignDocument
    expect(doc.design.api.name).toBe('one')
    expect(doc.layout.api).toBeDefined()
  })

  it('asks which API when the template has several', async () => {
    const { onImport } = render(new File([TWO], 'two.yaml'))
    const select = (await until('import.api-choice')) as HTMLSelectElement
    expect([...select.options].map((o) => o.value)).toEqual(['First', 'Second'])
    expect((q('import.confirm') as HTMLButtonElement).disabled).toBe(true)
    act(() => {
      select.value = 'Second'
      select.dispatchEvent(new Event('change', { bubbles: true }))
    })
    act(() => (q('import.api-confirm') as HTMLButtonElement).click())
    await until('import.summary')
    act(() => (q('import.confirm') as HTMLButtonElement).click())
    expect((onImport.mock.calls[0][0] as DesignDocument).design.api.name).toBe('second')
  })

  it('shows located errors and never calls onImport for a file it cannot import', async () => {
    const { onImport, onClose } = render(new File(['Resources:\n  A: [1,\n'], 'bad.yaml'))
    const errors = await until('import.errors')
    expect(errors.textContent).toMatch(/line 3, column \d+/)
    expect(errors.textContent).toContain('IMP001')
    expect((q('import.confirm') as HTMLButtonElement).disabled).toBe(true)
    act(() => (q('import.cancel') as HTMLButtonElement).click())
    expect(onClose).toHaveBeenCalled()
    expect(onImport).not.toHaveBeenCalled()
  })
})
