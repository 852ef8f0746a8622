import type { ImportFormat } from '../../../../shared/model/interop'
import { arr, isObj, obj, str } from './importHelpers'

/** The format a parsed document is in, by its content; null when none fits. */
export function detectFormat(data: unknown): Exclude<ImportFormat, 'auto' | 'curl'> | null {
  if (!isObj(data)) return null
  const info = obj(data.info)
  if (
    str(info._postman_id) ||
    /schema\.getpostman\.com|schema\.postman\.com/.test(str(info.schema))
  )
    return 'postman-collection'
  if (Array.isArray(data.values) && (str(data._postman_variable_scope) || 'name' in data))
    return 'postman-environment'
  if (data._type === 'export' && Number(data.__export_format) === 4) return 'insomnia'
  if (isObj(data.log) && Array.isArray(data.log.entries)) return 'har'
  if (/^3\./.test(str(data.openapi)) || str(data.swagger) === '2.0') return 'openapi'
  if (Array.isArray(data.item) && isObj(data.info)) return 'postman-collection'
  if (arr(data.resources).length > 0 && data._type === 'export') return 'insomnia'
  return null
}
