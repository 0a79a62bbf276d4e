import { describe, expect, it } from 'vitest'
import { seedDocument } from '../model/seed'
import { previewArn, previewName, previewRefValue } from './refValues'

describe('preview values of @{…} references', () => {
  const { design } = seedDocument()

  it('resolve a resource of the design', () => {
    expect(previewName(design, 'table')).toMatch(/^mywsapi-Table-/)
    expect(previewArn(design, 'table')).toMatch(/^arn:aws:dynamodb:us-east-1:123456789012:table\/mywsapi-Table-/)
    expect(previewRefValue(design, { entity: 'aws', attribute: 'region' })).toBe('us-east-1')
  })

  it('never resolve a name of Object.prototype: @{constructor.name}, @{toString.arn}, @{aws.constructor}', () => {
    for (const id of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(previewName(design, id), id).toBeUndefined()
      expect(previewArn(design, id), id).toBeUndefined()
      expect(previewRefValue(design, { entity: id, attribute: 'name' }), id).toBeUndefined()
      expect(previewRefValue(design, { entity: 'aws', attribute: id }), id).toBeUndefined()
    }
  })
})
