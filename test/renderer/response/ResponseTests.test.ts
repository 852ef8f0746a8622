import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import ResponseViewer from '../../../renderer/src/components/response/ResponseViewer.vue'
import { testSummary } from '../../../renderer/src/components/response/testSummary'
import type { Checks } from '../../../shared/model/assertion'
import { sampleResponse } from './sampleResponse'
import { lazyPartsLoaded } from '../lazyParts'

const checks: Checks = {
  tests: [
    { name: 'status equals 200', passed: true, source: 'assertion' },
    { name: 'Status code is 200', passed: true, source: 'request Get user' },
    { name: 'has a name', passed: true, source: 'request Get user' },
    { name: 'id is 8', passed: false, error: 'expected 7 to equal 8', source: 'request Get user' },
  ],
  console: [
    { level: 'log', text: 'token set' },
    { level: 'warn', text: 'slow response' },
  ],
  scriptFailure: null,
}

function tabNamed(w: ReturnType<typeof mount>, start: string) {
  const tab = w.findAll('[role="tab"]').find((t) => t.text().startsWith(start))
  if (!tab) throw new Error(`No tab starting with ${start}`)
  return tab
}

describe('test results of a send', () => {
  it('show in a Tests tab whose badge says how many passed, each failure with why', async () => {
    const w = mount(ResponseViewer, {
      props: { state: { phase: 'done', response: sampleResponse(), checks } },
      attachTo: document.body,
    })
    const tests = tabNamed(w, 'Tests')
    expect(tests.text()).toContain('3/4 passed')
    await tests.trigger('click')
    await lazyPartsLoaded()
    expect(w.text()).toContain('3 of 4 tests passed')
    const items = w.findAll('ul[aria-label="Test results"] li')
    expect(items.map((i) => i.classes()).map((c) => c.includes('pass'))).toEqual([
      true,
      true,
      true,
      false,
    ])
    expect(items[3]!.text()).toContain('Failed:')
    expect(items[3]!.text()).toContain('expected 7 to equal 8')
    w.unmount()
  })

  it('show what the scripts printed in a Console tab', async () => {
    const w = mount(ResponseViewer, {
      props: { state: { phase: 'done', response: sampleResponse(), checks } },
      attachTo: document.body,
    })
    await tabNamed(w, 'Console').trigger('click')
    const lines = w.findAll('ol[aria-label="Script console"] li')
    expect(lines.map((l) => l.find('.text').text())).toEqual(['token set', 'slow response'])
    expect(lines[1]!.classes()).toContain('warn')
    w.unmount()
  })

  it('put a script that failed on top, with its line', async () => {
    const failed: Checks = {
      tests: [],
      console: [],
      scriptFailure: {
        script: 'folder Users',
        event: 'postResponse',
        message: "ReferenceError: 'x' is not defined",
        line: 3,
      },
    }
    const w = mount(ResponseViewer, {
      props: { state: { phase: 'done', response: sampleResponse(), checks: failed } },
      attachTo: document.body,
    })
    expect(tabNamed(w, 'Tests').text()).toContain('script failed')
    await tabNamed(w, 'Tests').trigger('click')
    await lazyPartsLoaded()
    expect(w.get('[role="alert"]').text()).toMatch(
      /post-response script of folder Users failed at line 3:\s+ReferenceError: 'x' is not defined/,
    )
    w.unmount()
  })

  it('leave the Tests and Console tabs out when the request has neither scripts nor assertions', () => {
    const w = mount(ResponseViewer, {
      props: { state: { phase: 'done', response: sampleResponse() } },
    })
    const names = w.findAll('[role="tab"]').map((t) => t.text())
    expect(names.some((n) => n.startsWith('Tests') || n.startsWith('Console'))).toBe(false)
  })

  it('are summed up as the badge and heading say', () => {
    expect(testSummary(undefined)).toMatchObject({ badge: '', total: 0 })
    expect(testSummary({ tests: [], console: [], scriptFailure: null }).text).toMatch(
      /No tests ran/,
    )
    expect(testSummary(checks)).toMatchObject({
      passed: 3,
      failed: 1,
      total: 4,
      badge: '3/4 passed',
    })
  })
})
