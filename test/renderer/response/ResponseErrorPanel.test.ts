import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import ResponseErrorPanel from '../../../renderer/src/components/response/ResponseErrorPanel.vue'

describe('ResponseErrorPanel', () => {
  it('alerts with the message, the hint and the code, and offers a retry', async () => {
    const w = mount(ResponseErrorPanel, {
      props: {
        error: {
          code: 'REFUSED',
          message: 'Nothing is listening on 127.0.0.1:9',
          hint: 'Start the server, or check the port.',
          cause: 'ECONNREFUSED',
        },
      },
    })
    const alert = w.get('[role="alert"]')
    expect(alert.get('.message').text()).toBe('Nothing is listening on 127.0.0.1:9')
    expect(alert.get('.hint').text()).toBe('Start the server, or check the port.')
    expect(alert.get('.code').text()).toContain('REFUSED')
    expect(alert.get('.code').text()).toContain('ECONNREFUSED')
    expect(w.emitted('retry')).toBeUndefined()
    await w.get('button').trigger('click')
    expect(w.get('button').text()).toBe('Retry')
    expect(w.emitted('retry')).toHaveLength(1)
  })
})
