import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import BaseKeyValueTable from '../../../renderer/src/components/base/BaseKeyValueTable.vue'
import { bulkToRows, rowsToBulk } from '../../../renderer/src/components/base/bulkEdit'
import type { KeyValueRow } from '../../../shared/model/keyValue'

const makeRow = (): KeyValueRow => ({ key: '', value: '', enabled: true })
const rows: KeyValueRow[] = [
  { key: 'Accept', value: 'application/json', enabled: true },
  { key: 'X-Off', value: '1', enabled: false },
]

function mountTable(initial: KeyValueRow[] = rows) {
  const wrapper = mount(BaseKeyValueTable, {
    props: {
      rows: initial,
      noun: 'Header',
      title: 'Headers',
      makeRow,
      'onUpdate:rows': (next: KeyValueRow[]) => wrapper.setProps({ rows: next }),
    },
  })
  return wrapper
}
const last = (w: ReturnType<typeof mountTable>) =>
  w.emitted('update:rows')!.at(-1)![0] as KeyValueRow[]

describe('key/value table', () => {
  it('names every control and always offers an empty row that grows the table', async () => {
    const w = mountTable()
    expect(w.find('input[aria-label="Header name 3"]').exists()).toBe(true)
    expect(w.find('input[aria-label="Enable header 3"]').exists()).toBe(false)
    await w.find('input[aria-label="Header name 3"]').setValue('X-New')
    expect(last(w)).toEqual([...rows, { key: 'X-New', value: '', enabled: true }])
    expect(w.find('input[aria-label="Header name 4"]').exists()).toBe(true)
  })

  it('toggles and deletes rows', async () => {
    const w = mountTable()
    await w.find('input[aria-label="Enable header 2"]').setValue(true)
    expect(last(w)[1]!.enabled).toBe(true)
    await w.find('button[aria-label="Delete header 1"]').trigger('click')
    expect(last(w).map((r) => r.key)).toEqual(['X-Off'])
  })

  it('bulk edit shows key: value lines and parses edits back into rows', async () => {
    const w = mountTable()
    await w.find('button[aria-pressed]').trigger('click')
    const area = w.find('textarea[aria-label="Headers bulk edit"]')
    expect((area.element as HTMLTextAreaElement).value).toBe(
      'Accept: application/json\n// X-Off: 1',
    )
    await area.setValue('Accept: text/plain\nX-Url: http://h:1/a\n// Off: x')
    expect(last(w)).toEqual([
      { key: 'Accept', value: 'text/plain', enabled: true },
      { key: 'X-Url', value: 'http://h:1/a', enabled: true },
      { key: 'Off', value: 'x', enabled: false },
    ])
  })
})

describe('bulk format', () => {
  it('round-trips rows, skipping empty ones', () => {
    const text = rowsToBulk([...rows, makeRow()])
    expect(bulkToRows(text, makeRow)).toEqual(rows)
    expect(bulkToRows('flag\n\n  ', makeRow)).toEqual([{ key: 'flag', value: '', enabled: true }])
  })
})
