import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'

const require = createRequire(import.meta.url)

// scripts/build-node.mjs gives bundled packages stand-ins for modules they load at start
// but rarely use: each must still behave as the real module when it is used.
describe('the build stand-ins', () => {
  it("faker's stand-in calls the real faker, with the caller's arguments, when a generator runs", () => {
    const faker = require('../../scripts/postmanLazyFaker.cjs') as {
      datatype: { number(o: { min: number; max: number }): number }
      system: { semver(): string }
    }
    // Read as postman-collection does at load (a table of generators), called later.
    const generator = faker.system.semver
    expect(generator()).toMatch(/^\d+\.\d+\.\d+$/)
    expect(faker.datatype.number({ min: 4, max: 4 })).toBe(4)
  })

  it("axios's fetch adapter stand-in hands over the real adapter when asked", () => {
    const stand = require('../../scripts/axiosLazyFetch.cjs') as {
      getFetch(config?: object): unknown
    }
    expect(typeof stand.getFetch()).toBe('function')
  })
})
