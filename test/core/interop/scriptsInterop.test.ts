import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportPostman } from '../../../electron/core/interop/export/postmanExport'
import { importText } from '../../../electron/core/interop/import/importText'
import { postmanScripts } from '../../../electron/core/interop/import/postmanScripts'
import { writeImport } from '../../../electron/core/interop/import/writeImport'
import { newService } from './export/exportWorkspace'

const collection = {
  info: {
    name: 'Scripted',
    schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
  },
  event: [
    {
      listen: 'prerequest',
      script: { type: 'text/javascript', exec: ['pm.variables.set("run", "1")'] },
    },
  ],
  item: [
    {
      name: 'Auth',
      event: [{ listen: 'test', script: { exec: 'pm.test("folder", () => {})' } }],
      item: [
        {
          name: 'Login',
          event: [
            { listen: 'prerequest', script: { exec: ['console.log("before")'] } },
            {
              listen: 'test',
              script: {
                exec: [
                  'pm.test("Status code is 200", function () {',
                  '    pm.response.to.have.status(200);',
                  '});',
                  'pm.environment.set("token", pm.response.json().token);',
                ],
              },
            },
          ],
          request: { method: 'POST', url: 'https://api.test/login' },
        },
      ],
    },
  ],
}

describe('Postman scripts', () => {
  it('join several events of one kind in order, and note disabled and unknown ones', () => {
    const notes: string[] = []
    const scripts = postmanScripts(
      [
        { listen: 'test', script: { exec: ['a()'] } },
        { listen: 'test', script: { exec: ['b()'] } },
        { listen: 'test', disabled: true, script: { exec: ['c()'] } },
        { listen: 'beforeQuery', script: { exec: ['d()'] } },
        { listen: 'prerequest', script: { exec: ['   '] } },
      ],
      'Request "X"',
      notes,
    )
    expect(scripts).toEqual({ preRequest: '', postResponse: 'a()\nb()' })
    expect(notes).toEqual([
      'Request "X": its disabled test script was not carried over.',
      'Request "X": its "beforeQuery" script was not carried over (not a Postman script Courier runs).',
    ])
  })

  it('survive import into a workspace and export back to Postman, at every level', async () => {
    const workspace = newService()
    try {
      await workspace.create(join(mkdtempSync(join(tmpdir(), 'courier-scripts-')), 'ws'), 'Scripts')
      const imported = await importText(JSON.stringify(collection))
      const { folder } = await writeImport(workspace, imported, '', { holdBackCredentials: false })
      // Exporting the imported folder makes it the collection again, its scripts the collection's.
      const exported = JSON.parse(await exportPostman(workspace, folder))
      const events = (node: { event?: unknown }) => node.event
      expect(events(exported)).toEqual([
        {
          listen: 'prerequest',
          script: { type: 'text/javascript', exec: ['pm.variables.set("run", "1")'] },
        },
      ])
      const auth = exported.item[0]
      expect(auth.name).toBe('Auth')
      expect(events(auth)).toEqual([
        {
          listen: 'test',
          script: { type: 'text/javascript', exec: ['pm.test("folder", () => {})'] },
        },
      ])
      const login = auth.item[0]
      expect(login.name).toBe('Login')
      expect(events(login)).toEqual([
        {
          listen: 'prerequest',
          script: { type: 'text/javascript', exec: ['console.log("before")'] },
        },
        {
          listen: 'test',
          script: {
            type: 'text/javascript',
            exec: collection.item[0]!.item[0]!.event[1]!.script.exec,
          },
        },
      ])
    } finally {
      await workspace.close()
    }
  })
})

describe('Insomnia scripts', () => {
  it('are kept on folders and requests as written', async () => {
    const exported = {
      _type: 'export',
      __export_format: 4,
      resources: [
        { _id: 'wrk_1', _type: 'workspace', name: 'Shop' },
        {
          _id: 'fld_1',
          _type: 'request_group',
          parentId: 'wrk_1',
          name: 'Users',
          preRequestScript: 'insomnia.environment.set("run", "1");',
        },
        {
          _id: 'req_1',
          _type: 'request',
          parentId: 'fld_1',
          name: 'Get user',
          method: 'GET',
          url: 'http://h/users/1',
          afterResponseScript:
            'insomnia.test("ok", () => {\n  insomnia.expect(insomnia.response.code).to.eql(200);\n});',
        },
      ],
    }
    const { root } = await importText(JSON.stringify(exported))
    const users = root.folders[0]!
    expect(users.defaults?.scripts).toEqual({
      preRequest: 'insomnia.environment.set("run", "1");',
      postResponse: '',
    })
    expect(users.requests[0]!.scripts).toEqual({
      preRequest: '',
      postResponse: exported.resources[2]!.afterResponseScript,
    })
  })
})
