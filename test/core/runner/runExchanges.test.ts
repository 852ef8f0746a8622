import { describe, expect, it } from 'vitest'
import { MASK } from '../../../electron/core/history/masking'
import type { RunPlan } from '../../../electron/core/runner/runPlan'
import { collection, planOf, useRunServers } from './runHarness'

const servers = useRunServers()

describe('runCollection: what each exchange carries and keeps, against httpbin', () => {
  it('keeps the cookies a response sets for later requests, unless told not to', async () => {
    const plan = planOf(
      collection([
        { name: 'Set', url: `${servers.url()}/response-headers?Set-Cookie=flavour%3Doat` },
        {
          name: 'Read',
          url: `${servers.url()}/cookies`,
          test: `pm.environment.set('cookies', JSON.stringify(pm.response.json().cookies))`,
        },
      ]),
    )
    const kept = await servers.run(plan)
    // Cookie values are credentials: the report shows the cookie arrived, its value masked.
    expect(JSON.parse(kept.executions[1]!.response!.body).cookies).toEqual({ flavour: MASK })
    const dropped = await servers.run(plan, { keepCookies: false })
    expect(JSON.parse(dropped.executions[1]!.response!.body).cookies).toEqual({})
  })

  it('keeps a cookie set by a redirect, and sends it where the redirect leads', async () => {
    const plan = planOf(
      collection([
        { name: 'Set and follow', url: `${servers.url()}/cookies/set?flavour=rye` },
        { name: 'Read', url: `${servers.url()}/cookies` },
      ]),
    )
    const { executions } = await servers.run(plan)
    // httpbin answers /cookies/set with a 302 to /cookies, which shows what it received.
    // The first response's masker knows no cookie: it was set by the redirect and sent
    // from the jar on the second hop only, which the record does not show (a known gap).
    expect(JSON.parse(executions[0]!.response!.body).cookies).toEqual({ flavour: 'rye' })
    // The second request sent it: reports mask cookie values (credentials).
    expect(JSON.parse(executions[1]!.response!.body).cookies).toEqual({ flavour: MASK })
  })

  it('keeps no more of a body than the report limit', async () => {
    const plan = planOf(
      collection([{ name: 'Long', url: `${servers.url()}/anything/${'x'.repeat(3000)}` }]),
    )
    const { executions } = await servers.run(plan, { reportBodyBytes: 100 })
    const response = executions[0]!.response!
    expect(response.sizeBytes).toBeGreaterThan(3000)
    expect(response.body).toHaveLength(100)
    expect(response.bodyTruncated).toBe(true)
  })

  it('keeps no secret in what reports get: URL, echoed headers and body, test messages', async () => {
    const secret = 's3cr3t-t0ken-value'
    const plan = planOf(
      collection([
        {
          name: 'Echo',
          url: `${servers.url()}/anything?key={{token}}`,
          test: `pm.test('echo ' + pm.response.json().args.key, () => pm.expect(pm.response.json().args.key).to.equal('other'))`,
        },
      ]),
    )
    const withSecret: RunPlan = {
      ...plan,
      environment: { token: secret },
      secretNames: ['token'],
      items: plan.items.map((i) => ({
        ...i,
        spec: { ...i.spec, headers: [{ key: 'X-Token', value: '{{token}}', enabled: true }] },
      })),
    }
    const { executions } = await servers.run(withSecret)
    const kept = JSON.stringify(executions[0])
    expect(executions[0]!.response!.body).toContain('X-Token')
    expect(kept).not.toContain(secret)
    expect(executions[0]!.url).toContain('key=')
  })
})
