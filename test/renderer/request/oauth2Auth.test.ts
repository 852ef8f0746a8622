import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import RequestAuthEditor from '../../../renderer/src/components/request/RequestAuthEditor.vue'
import { OAuth2AuthSchema } from '../../../shared/model/oauth2'
import type { RequestAuth } from '../../../shared/model/request'
import { useFakeApi } from '../fakeApi'
import { byRole, queryByRole, statuses } from '../response/byRole'

useFakeApi()
beforeEach(() => setActivePinia(createPinia()))

const folderAuth = OAuth2AuthSchema.parse({
  type: 'oauth2',
  tokenUrl: 'https://id.example/token',
  clientId: 'svc',
  clientSecret: '{{secret}}',
})
const tokenContext = { variables: { secret: 's' }, workspace: '/ws' }

describe('OAuth 2.0 in the Auth tab', () => {
  it('a request that inherits a folder OAuth 2.0 shows its token, with Get new token and Clear token', async () => {
    const w = mount(RequestAuthEditor, {
      props: {
        modelValue: { type: 'inherit' } as RequestAuth,
        inherited: { auth: folderAuth, from: 'Users' },
        tokenContext,
      },
      attachTo: document.body,
    })
    await flushPromises()
    expect(w.text()).toContain('Uses OAuth 2.0 auth from "Users"')
    expect(statuses(w).join()).toContain('No token yet')
    await byRole(w, 'button', 'Get new token').trigger('click')
    await flushPromises()
    expect(statuses(w).join()).toMatch(/Token: Bearer fake-tok…, expires /)
    await byRole(w, 'button', 'Clear token').trigger('click')
    await flushPromises()
    expect(statuses(w).join()).toContain('No token yet')
    w.unmount()
  })

  it('picking OAuth 2.0 shows the grant settings; the fields a grant needs come and go', async () => {
    const w = mount(RequestAuthEditor, {
      props: {
        modelValue: { type: 'none' } as RequestAuth,
        'onUpdate:modelValue': (auth: RequestAuth) => w.setProps({ modelValue: auth }),
        tokenContext,
      },
      attachTo: document.body,
    })
    await w.find('select[aria-label="Auth type"]').setValue('oauth2')
    await flushPromises()
    expect((w.props('modelValue') as RequestAuth).type).toBe('oauth2')
    expect(queryByRole(w, 'textbox', 'Auth URL')).toBeNull()
    await w.find('select[aria-label="Grant type"]').setValue('authorization_code')
    expect(queryByRole(w, 'textbox', 'Auth URL')).not.toBeNull()
    await w.find('select[aria-label="Grant type"]').setValue('password')
    expect(queryByRole(w, 'textbox', 'Username')).not.toBeNull()
    expect(w.find('input[aria-label="Password"]').attributes('type')).toBe('password')
    await w.find('select[aria-label="Send client credentials"]').setValue('body')
    expect(w.props('modelValue')).toMatchObject({ grant: 'password', clientAuth: 'body' })
    w.unmount()
  })
})
