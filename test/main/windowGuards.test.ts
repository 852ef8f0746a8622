import { describe, expect, it } from 'vitest'
import {
  externalLinkTarget,
  isAllowedNavigation,
  isPermissionGranted,
} from '../../electron/main/windowGuards'

// secureWindow.ts hands Electron's will-frame-navigate, window-open and permission events
// to these decisions; Electron cannot run here, so they are checked on their own.

describe("the window's navigation guard", () => {
  it('never lets the app frame navigate, not even to a page of its own', () => {
    for (const url of [
      'https://attacker.example/',
      'http://127.0.0.1:5173/',
      'file:///etc/passwd',
      'file:///app.asar/out/renderer/index.html',
      'about:blank',
      'data:text/html,<script>alert(1)</script>',
    ])
      expect(isAllowedNavigation({ url, isMainFrame: true }), url).toBe(false)
  })

  it('lets the response preview iframe show inline content only', () => {
    for (const url of ['about:srcdoc', 'about:blank', 'data:text/html,<p>hi</p>', 'blob:x'])
      expect(isAllowedNavigation({ url, isMainFrame: false }), url).toBe(true)
    // A link or <meta http-equiv=refresh> in a hostile response's preview goes nowhere.
    for (const url of [
      'https://attacker.example/phish',
      'http://127.0.0.1:8080/',
      'file:///home/user/.ssh/id_rsa',
      'javascript:alert(1)',
      'not a url',
    ])
      expect(isAllowedNavigation({ url, isMainFrame: false }), url).toBe(false)
  })
})

describe('links opened in a new window', () => {
  it("go to the user's browser when they are http(s)", () => {
    expect(externalLinkTarget('https://courier.dev/docs')).toBe('https://courier.dev/docs')
    expect(externalLinkTarget('http://127.0.0.1:3000/')).toBe('http://127.0.0.1:3000/')
  })

  it('are dropped for any other scheme, which could start a local program', () => {
    for (const url of [
      'file:///usr/bin/xcalc',
      'smb://attacker.example/share',
      'ms-msdt:/id PCWDiagnostic',
      'javascript:alert(1)',
      '',
    ])
      expect(externalLinkTarget(url), url).toBeNull()
  })
})

describe('permissions', () => {
  it('refuses every permission, asked or checked', () => {
    for (const permission of [
      'media',
      'notifications',
      'geolocation',
      'clipboard-read',
      'clipboard-sanitized-write',
      'openExternal',
      'hid',
      'serial',
      'usb',
    ])
      expect(isPermissionGranted(permission), permission).toBe(false)
  })
})
