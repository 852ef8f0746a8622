import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import ResponseHeadersTable from '../../../renderer/src/components/response/ResponseHeadersTable.vue'

describe('ResponseHeadersTable', () => {
  it('shows every header pair in order, a repeated header once per value', () => {
    const w = mount(ResponseHeadersTable, {
      props: {
        headers: [
          ['Content-Type', 'text/plain'],
          ['Set-Cookie', 'a=1; Path=/'],
          ['Set-Cookie', 'b=2; HttpOnly'],
        ],
      },
    })
    expect(w.get('caption').text()).toBe('Response headers')
    expect(w.findAll('thead th').map((th) => th.text())).toEqual(['Name', 'Value'])
    const rows = w.findAll('tbody tr').map((tr) => tr.findAll('th, td').map((c) => c.text()))
    expect(rows).toEqual([
      ['Content-Type', 'text/plain'],
      ['Set-Cookie', 'a=1; Path=/'],
      ['Set-Cookie', 'b=2; HttpOnly'],
    ])
  })

  it('says so when there are no headers', () => {
    const w = mount(ResponseHeadersTable, { props: { headers: [] } })
    expect(w.get('tbody').text()).toBe('The response has no headers.')
  })
})
