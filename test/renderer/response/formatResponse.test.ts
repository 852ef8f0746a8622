import { describe, expect, it } from 'vitest'
import {
  bodyKind,
  decodeBase64,
  fileExtension,
  formatBytes,
  formatDuration,
  hexDump,
  statusClass,
  statusLine,
} from '../../../renderer/src/components/response/formatResponse'

describe('formatBytes', () => {
  it('counts in binary units with three significant digits', () => {
    expect(formatBytes(0)).toBe('0 B')
    expect(formatBytes(1023)).toBe('1023 B')
    expect(formatBytes(1024)).toBe('1 KB')
    expect(formatBytes(1536)).toBe('1.5 KB')
    expect(formatBytes(12_700)).toBe('12.4 KB')
    expect(formatBytes(5 * 1024 * 1024)).toBe('5 MB')
    expect(formatBytes(1024 * 1024 - 1)).toBe('1 MB')
    expect(formatBytes(3 * 1024 ** 3)).toBe('3 GB')
  })
})

describe('formatDuration', () => {
  it('uses ms below a second and seconds above', () => {
    expect(formatDuration(0)).toBe('0 ms')
    expect(formatDuration(1.23)).toBe('1.2 ms')
    expect(formatDuration(123.4)).toBe('123 ms')
    expect(formatDuration(999)).toBe('999 ms')
    expect(formatDuration(1000)).toBe('1.00 s')
    expect(formatDuration(1240)).toBe('1.24 s')
    expect(formatDuration(125_000)).toBe('2 min 5 s')
  })
})

describe('status', () => {
  it('classes statuses by family', () => {
    expect(statusClass(101)).toBe('status-1xx')
    expect(statusClass(204)).toBe('status-2xx')
    expect(statusClass(308)).toBe('status-3xx')
    expect(statusClass(404)).toBe('status-4xx')
    expect(statusClass(599)).toBe('status-5xx')
    expect(statusClass(999)).toBe('status-other')
  })

  it('fills in the reason phrase HTTP/2 leaves out', () => {
    expect(statusLine(200, 'OK')).toBe('200 OK')
    expect(statusLine(418, "I'm a teapot")).toBe("418 I'm a teapot")
    expect(statusLine(404, '')).toBe('404 Not Found')
    expect(statusLine(299, '')).toBe('299')
  })
})

describe('body kinds and file names', () => {
  it('recognises JSON, XML, HTML and images by media type', () => {
    expect(bodyKind('application/json')).toBe('json')
    expect(bodyKind('application/problem+json')).toBe('json')
    expect(bodyKind('text/xml')).toBe('xml')
    expect(bodyKind('application/atom+xml')).toBe('xml')
    expect(bodyKind('text/html')).toBe('html')
    expect(bodyKind('image/png')).toBe('image')
    expect(bodyKind('image/svg+xml')).toBe('image')
    expect(bodyKind('text/plain')).toBe('text')
    expect(bodyKind('')).toBe('text')
  })

  it('picks an extension from the media type', () => {
    expect(fileExtension('application/json', 'utf8')).toBe('json')
    expect(fileExtension('application/vnd.api+json', 'utf8')).toBe('json')
    expect(fileExtension('image/jpeg', 'base64')).toBe('jpg')
    expect(fileExtension('text/weird', 'utf8')).toBe('txt')
    expect(fileExtension('', 'base64')).toBe('bin')
  })

  it('decodes base64 to bytes', () => {
    expect([...decodeBase64('AAH/')]).toEqual([0, 1, 255])
  })
})

describe('hexDump', () => {
  it('prints offset, 16 bytes of hex and their printable ASCII, then how much is left', () => {
    const bytes = new Uint8Array([0x41, 0x00, 0xff, ...Array.from({ length: 30 }, () => 0x7a)])
    const lines = hexDump(bytes, 32).split('\n')
    expect(lines[0]).toBe(
      '00000000  41 00 ff 7a 7a 7a 7a 7a 7a 7a 7a 7a 7a 7a 7a 7a  |A..zzzzzzzzzzzzz|',
    )
    expect(lines[1]?.startsWith('00000010  7a')).toBe(true)
    expect(lines[2]).toBe('… 1 more bytes')
  })

  it('counts what is left from the whole body when it has only the start of it', () => {
    const lines = hexDump(new Uint8Array(64), 32, 209_715_200).split('\n')
    expect(lines.at(-1)).toBe('… 209,715,168 more bytes')
  })
})
